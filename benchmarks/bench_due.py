"""Due-moment computations per second, one process (target: >= 500,000/s)."""

from __future__ import annotations

import argparse
import platform
import random
import time
from datetime import datetime, timedelta

from mohao_desk.domain.calendar import vietnam_calendar
from mohao_desk.domain.deadline import ProcessingTime, TimeUnit, due_moment


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=500_000)
    args = parser.parse_args()
    started = time.perf_counter()
    calendar = vietnam_calendar()
    print(f"calendar build (2015–2040): {(time.perf_counter() - started) * 1000:.0f} ms")
    rng = random.Random(1)
    base = datetime(2024, 1, 1)
    moments = [base + timedelta(seconds=rng.randrange(3 * 365 * 86400)) for _ in range(args.n)]
    periods = {
        "5 working days": ProcessingTime(5, TimeUnit.WORKING_DAYS),
        "same day (15:00)": ProcessingTime(0, TimeUnit.SAME_DAY),
        "8 working hours": ProcessingTime(8, TimeUnit.WORKING_HOURS),
        "10 calendar days": ProcessingTime(10, TimeUnit.CALENDAR_DAYS),
    }
    print(f"{platform.processor() or platform.machine()}, Python {platform.python_version()}")
    for label, period in periods.items():
        t0 = time.perf_counter()
        for moment in moments:
            due_moment(calendar, moment, period)
        elapsed = time.perf_counter() - t0
        print(f"{label:<18} {args.n / elapsed:>12,.0f} due moments/s")


if __name__ == "__main__":
    main()
