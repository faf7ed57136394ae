"""Demo data: a year of realistic dossiers for trying the program and for benchmarks.

Deterministic for a given seed and "now" (default: the start of today). Every dossier is built
with the same domain functions as real ones (due moments, pauses, timeliness) and gets the same
kind of events as a real one; rows go in through the store's bulk writers.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import time as clock
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from mohao_desk.domain.calendar import WorkCalendar, vietnam_calendar
from mohao_desk.domain.codes import format_code
from mohao_desk.domain.deadline import due_moment, extend_for_pause, timeliness
from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.lifecycle import Status
from mohao_desk.domain.regimes import regime_for
from mohao_desk.domain.text import fold, group_digits
from mohao_desk.services.setup import OfficerInput, init_unit, unit_info
from mohao_desk.store import audit, bulk
from mohao_desk.store import queries as q
from mohao_desk.store.db import Database

DEMO_UNIT_CODE = "000.31.22.H31"
DEMO_UNIT_NAME = "Ủy ban nhân dân phường Bần Yên Nhân"
DEMO_PARENT = "Ủy ban nhân dân thị xã Mỹ Hào"
DEMO_PLACE = "Mỹ Hào"
DEMO_OFFICERS = [
    OfficerInput("motcua", "Nguyễn Thị Hồng Nhung", "Công chức Bộ phận Một cửa"),
    OfficerInput("tuphap", "Trần Văn Đức", "Công chức Tư pháp - Hộ tịch"),
    OfficerInput("tuphap2", "Lê Thị Thu Hà", "Công chức Tư pháp - Hộ tịch"),
    OfficerInput("vhxh", "Phạm Minh Tuấn", "Công chức Văn hóa - Xã hội"),
    OfficerInput("diachinh", "Đỗ Quang Huy", "Công chức Địa chính - Xây dựng"),
    OfficerInput("chutich", "Vũ Văn Khánh", "Chủ tịch UBND phường"),
]

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đào",
    "Đinh",
]
MIDDLE = [
    "Văn",
    "Thị",
    "Đức",
    "Minh",
    "Ngọc",
    "Thu",
    "Hữu",
    "Quang",
    "Thanh",
    "Hồng",
    "Xuân",
    "Kim",
    "Công",
    "Bảo",
]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đức",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hòa",
    "Hùng",
    "Hương",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Phương",
    "Quân",
    "Sơn",
    "Thảo",
    "Trang",
    "Tuấn",
    "Vy",
    "Yến",
    "Khánh",
    "Thắng",
    "Hiếu",
    "Nhung",
    "Loan",
    "Tâm",
    "Việt",
    "Đạt",
]
STREETS = [
    "Khu phố Bần",
    "Khu phố Yên Nhân",
    "Khu phố Phan Bôi",
    "Thôn Nguyễn Xá",
    "Khu phố Tân Mỹ",
]
# (procedure code, weight): certification dominates a commune desk.
PROCEDURE_WEIGHTS = {
    "2.000815": 40,
    "2.000884": 14,
    "1.001193": 10,
    "1.000894": 5,
    "1.000656": 3,
    "1.004873": 8,
    "XA.CTHDGD": 7,
    "2.000635": 8,
    "1.001776": 5,
}
RATINGS = ["rat_hai_long"] * 6 + ["hai_long"] * 3 + ["khong_hai_long"]
CHUNK = 25_000


@dataclass(frozen=True)
class DemoReport:
    unit: str
    dossiers: int
    events: int
    seconds: float


MAX_DEMO_DOSSIERS = 10_000_000
DEMO_FIRST_DAY = date(2016, 1, 1)
DEMO_LAST_DAY = date(2040, 6, 30)

# Why the demo's counter refused a request (one reason per line, as an officer writes them).
COUNTER_REFUSAL_REASONS = (
    "Bản chính giấy tờ bị tẩy xóa, sửa chữa",
    "Yêu cầu không thuộc thẩm quyền giải quyết của Ủy ban nhân dân phường",
    "Người yêu cầu không xuất trình được giấy tờ tùy thân",
    "Giấy tờ nước ngoài chưa được hợp pháp hóa lãnh sự\nBản dịch chưa được chứng thực",
)


def check_demo_request(dossiers: int, now: datetime | None) -> None:
    """Refuse an impossible demo request before anything is created."""
    if not 0 <= dossiers <= MAX_DEMO_DOSSIERS:
        raise DeskError(
            "Số hồ sơ mẫu phải từ 0 đến {limit}.", limit=group_digits(MAX_DEMO_DOSSIERS)
        )
    if now is not None and not DEMO_FIRST_DAY <= now.date() <= DEMO_LAST_DAY:
        raise DeskError(
            "Mốc thời gian dữ liệu mẫu phải trong khoảng {first:%d/%m/%Y}–{last:%d/%m/%Y}.",
            first=DEMO_FIRST_DAY,
            last=DEMO_LAST_DAY,
        )


def fill_demo(
    db: Database,
    *,
    dossiers: int,
    unit_code: str | None = None,
    seed: int = 1,
    now: datetime | None = None,
    backlog: int = 0,
) -> DemoReport:
    """Add ``dossiers`` demo dossiers received over the year before ``now``.

    ``backlog`` keeps about that many more of the last 90 days' dossiers open (a town-sized
    board for benchmarks); 0 gives a well-run desk's handful."""
    check_demo_request(dossiers, now)
    started = clock.perf_counter()
    with db.read() as conn:
        row = q.own_unit(conn)
    if row is None:
        info = init_unit(
            db,
            code=unit_code or DEMO_UNIT_CODE,
            name=DEMO_UNIT_NAME,
            parent_name=DEMO_PARENT,
            place_name=DEMO_PLACE,
            officers=DEMO_OFFICERS,
        )
        with db.begin() as conn:  # the chairman signs apology slips and stop notices
            q.put_setting(
                conn,
                "head_signature",
                {"lines": ["TM. Ủy ban nhân dân", "Chủ tịch"], "name": DEMO_OFFICERS[-1].full_name},
            )
            # What the province's configuration package names it (since 07/2025 the upstream
            # office of a ward; the explanation report is addressed to it).
            q.put_setting(conn, "upstream_office", "Ủy ban nhân dân tỉnh Hưng Yên")
    else:
        info = unit_info(row)
        if unit_code and unit_code != info.code:
            raise DeskError(
                "Cơ sở dữ liệu đã thuộc đơn vị {code}, không thể thêm dữ liệu mẫu cho {unit_code}.",
                code=info.code,
                unit_code=unit_code,
            )
    tz = ZoneInfo(info.timezone)
    anchor = now or datetime.combine(datetime.now(tz).date(), time())
    with db.read() as conn:
        regimes = q.load_regimes(conn)
        procedures = {p.code: (pid, p) for pid, p in q.list_procedures(conn)}
        officers = [(o.id, o.username, o.full_name) for o in q.list_officers(conn, info.id)]
        overrides = q.list_overrides(conn, info.id)
    from mohao_desk.domain.calendar import CalendarOverride

    calendar = vietnam_calendar(
        [CalendarOverride(date.fromisoformat(o.day), bool(o.working)) for o in overrides],
        info.office_hours,
    )
    generator = _Generator(
        calendar, tz, anchor, seed, info.id, info.code, regimes, procedures, officers
    )
    if backlog and dossiers:
        generator.stuck_share = min(1.0, backlog / (dossiers * 90 / 365))
    total_events = 0
    received = generator.receipt_moments(dossiers)
    with db.begin(bulk=True) as conn:
        # One batch link of the audit chain covers all of it; the generator hashes the rows it
        # makes (in its processes), so nothing is read back.
        audit.open_batch(conn, f"dữ liệu mẫu: {group_digits(dossiers)} hồ sơ")
        next_id = first_id = bulk.max_dossier_id(conn) + 1
        sequences = bulk.daily_sequences(conn, info.id)
        book = bulk.yearly_sequences(conn, info.id, "book")
        jobs = []
        for chunk_no, start in enumerate(range(0, dossiers, CHUNK)):
            items = []
            for moment in received[start : start + CHUNK]:
                day_key = moment.date().isoformat()
                seq = sequences.get(day_key, 0) + 1
                sequences[day_key] = seq
                entry = book[moment.year] = book.get(moment.year, 0) + 1
                items.append((next_id, moment, seq, entry))
                next_id += 1
            jobs.append((seed, chunk_no, items))
        with bulk.search_index_suspended(conn, first_id):
            for d_rows, c_rows, e_rows, s_rows in _run_jobs(generator, jobs):
                bulk.insert_dossier_rows(conn, d_rows)
                bulk.insert_component_rows(conn, c_rows)
                bulk.insert_event_rows(conn, e_rows)
                audit.add_states(conn, s_rows)
                total_events += len(e_rows)
        bulk.store_daily_sequences(conn, info.id, sequences)
        bulk.store_yearly_sequences(conn, info.id, "book", book)
        # A few requests refused at the counter (no dossier: Mẫu 03 only).
        refused = bulk.yearly_sequences(conn, info.id, "counter_refusal")
        bulk.insert_counter_refusal_rows(conn, generator.counter_refusals(received, refused))
        bulk.store_yearly_sequences(conn, info.id, "counter_refusal", refused)
        q.put_setting(conn, "demo_data", True)
        _demo_accounts(conn, info.id)
        _demo_key(conn)
    return DemoReport(info.code, dossiers, total_events, clock.perf_counter() - started)


# The demo's accounts (issue 11): one for every role, each with the password "demo".
DEMO_PASSWORD = "demo"
DEMO_ROLES = {
    "motcua": ("tiep_nhan",),
    "tuphap": ("xu_ly",),
    "tuphap2": ("xu_ly",),
    "vhxh": ("xu_ly",),
    "diachinh": ("xu_ly",),
    "chutich": ("lanh_dao",),
}
DEMO_ADMIN = OfficerInput(
    "quantri", "Hoàng Thị Mai", "Công chức Văn phòng - Thống kê", roles=("quan_tri",)
)


def _demo_key(conn: Any) -> None:
    """The demo unit's signing key, encrypted with the demo's passphrase ("demo")."""
    import base64

    from mohao_desk.domain.package import new_private_key_pem, plain_pem, public_key_of
    from mohao_desk.store import sync_queries as sq

    pem = new_private_key_pem(DEMO_PASSWORD)
    public = public_key_of(plain_pem(pem, DEMO_PASSWORD))
    q.put_setting(conn, sq.PRIVATE_KEY_SETTING, pem)
    q.put_setting(conn, sq.PUBLIC_KEY_SETTING, base64.b64encode(public).decode())


def _demo_accounts(conn: Any, unit_id: int) -> None:
    """Roles and the password "demo" for the demo's officers, and its administrator (added
    after the dossiers, which are handed to the officers only)."""
    from mohao_desk.services.setup import add_officer_in, hash_password, roles_text

    secret = hash_password(DEMO_PASSWORD, weak=True)
    for officer in q.list_officers(conn, unit_id):
        roles = DEMO_ROLES.get(str(officer.username))
        if roles is not None and officer.password_hash is None:
            q.update_officer(conn, officer.id, roles=roles_text(roles), password_hash=secret)
    if q.officer_by_username(conn, unit_id, DEMO_ADMIN.username) is None:
        admin_id = add_officer_in(conn, unit_id, DEMO_ADMIN)
        q.update_officer(conn, admin_id, password_hash=secret)


# (seed, chunk number, [(dossier id, receipt moment, daily sequence, register book entry)])
Job = tuple[int, int, list[tuple[int, datetime, int, int]]]
Rows = tuple[list[tuple], list[tuple], list[tuple], list[audit.State]]
_WORKER: _Generator | None = None


def _generate(generator: _Generator, job: Job) -> Rows:
    """One chunk of dossiers, with its own random stream: the result does not depend on
    whether chunks run in this process or in a pool."""
    seed, chunk_no, items = job
    generator.rng = random.Random(seed * 1_000_003 + chunk_no)
    d_rows: list[tuple] = []
    c_rows: list[tuple] = []
    e_rows: list[tuple] = []
    for dossier_id, moment, seq, entry in items:
        generator.dossier(dossier_id, moment, seq, entry, d_rows, c_rows, e_rows)
    return d_rows, c_rows, e_rows, bulk.chain_states(d_rows, c_rows, e_rows, generator.usernames)


def _init_worker(generator: _Generator) -> None:
    global _WORKER
    _WORKER = generator


def _work(job: Job) -> Rows:
    assert _WORKER is not None
    return _generate(_WORKER, job)


def _run_jobs(generator: _Generator, jobs: list[Job]) -> Iterator[Rows]:
    """Generate chunks in a pool of processes when the machine has cores to spare (and can
    fork); the main process inserts them in order meanwhile."""
    workers = min(os.cpu_count() or 1, 4)
    if len(jobs) < 2 or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for job in jobs:
            yield _generate(generator, job)
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_init_worker, initargs=(generator,)) as pool:
        yield from pool.imap(_work, jobs)


class _Generator:
    def __init__(
        self,
        calendar: WorkCalendar,
        tz: ZoneInfo,
        anchor: datetime,
        seed: int,
        unit_id: int,
        unit_code: str,
        regimes: list,
        procedures: dict,
        officers: list[tuple[int, str, str]],
    ) -> None:
        self.cal = calendar
        self.anchor = anchor
        self.rng = random.Random(seed)
        self.seed = seed
        self.unit_id = unit_id
        self.unit_code = unit_code
        self.regimes = regimes
        ids = [o[0] for o in officers]
        self.usernames = {o[0]: o[1] for o in officers}
        self.names = {o[0]: o[2] for o in officers}
        self.officers = ids
        self.desk_officer = ids[0]
        self.handlers = ids[1:-1] or ids
        offset = tz.utcoffset(anchor)
        assert offset is not None
        self.epoch = datetime(1970, 1, 1) + offset
        codes = [c for c in PROCEDURE_WEIGHTS if c in procedures]
        if not codes:
            raise DeskError("Danh mục không có thủ tục nào để tạo dữ liệu mẫu.")
        self.proc_codes = codes
        self.proc_weights = [PROCEDURE_WEIGHTS[c] for c in codes]
        self.procedures = procedures
        self.now_utc = int(datetime.now(UTC).timestamp())
        self.day = calendar.office_hours.seconds_per_day
        self._event_json: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        self._regimes: dict[date, str] = {}
        self.stuck_share = 0.0

    def counter_refusals(self, moments: list[datetime], numbers: dict[int, int]) -> list[tuple]:
        """Rows of ``counter_refusal`` for about 1.5 % of the counter's receipt moments (their
        own random stream: the dossiers stay what the seed makes them). ``numbers`` (year →
        last slip number) is advanced in place."""
        rng = random.Random(self.seed * 7919 + 17)
        rows = []
        for moment in moments:
            if rng.random() >= 0.015 or not self.cal.is_open(moment) or moment >= self.anchor:
                continue
            code = rng.choices(self.proc_codes, self.proc_weights)[0]
            number = numbers[moment.year] = numbers.get(moment.year, 0) + 1
            stamp = self.ts(moment)
            rows.append(
                (
                    self.unit_id,
                    moment.year,
                    number,
                    self._regime(moment.date()),
                    self.procedures[code][0],
                    self._name(),
                    f"{rng.choice(STREETS)}, phường Bần Yên Nhân, thị xã Mỹ Hào, tỉnh Hưng Yên",
                    f"09{rng.randrange(10**8):08d}",
                    "",
                    "1",
                    rng.choice(COUNTER_REFUSAL_REASONS),
                    self.desk_officer,
                    stamp,
                    stamp,
                )
            )
        return rows

    def _fold(self, name: str) -> str:
        folded = self._folded.get(name)
        if folded is None:
            folded = self._folded[name] = fold(name)
        return folded

    def _regime(self, day: date) -> str:
        code = self._regimes.get(day)
        if code is None:
            code = self._regimes[day] = regime_for(day, self.regimes).code
        return code

    def _json(self, data: dict) -> str:
        if not data:
            return "{}"
        key = repr(data)
        text = self._event_json.get(key)
        if text is None:
            text = json.dumps(data, ensure_ascii=False)
            if len(self._event_json) < 10_000:  # the repeated payloads; not per-dossier ones
                self._event_json[key] = text
        return text

    def _supplement_wait(self) -> int:
        """Office time an applicant takes to bring the missing papers: days, sometimes weeks."""
        if self.rng.random() < 0.25:
            return self.rng.randrange(5 * self.day, 30 * self.day)
        return self.rng.randrange(self.day // 2, 4 * self.day)

    def ts(self, local: datetime) -> int:
        return int((local - self.epoch).total_seconds())

    def receipt_moments(self, n: int) -> list[datetime]:
        """Receipt moments over the year before the anchor, sorted (codes follow them)."""
        rng = self.rng
        first = self.anchor - timedelta(days=365)
        working = [
            first.date() + timedelta(days=i)
            for i in range(365)
            if self.cal.is_working_day(first.date() + timedelta(days=i))
        ]
        intervals = self.cal.office_hours.intervals
        moments = []
        for _ in range(n):
            if rng.random() < 0.3:  # online, any time of any day
                moments.append(first + timedelta(seconds=rng.randrange(365 * 86400)))
            else:
                day = rng.choice(working)
                start, end = intervals[rng.randrange(len(intervals))]
                moments.append(
                    datetime.combine(day, time()) + timedelta(seconds=rng.randrange(start, end))
                )
        moments.sort()
        return moments

    def _name(self) -> str:
        rng = self.rng
        return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"

    def dossier(
        self,
        dossier_id: int,
        received: datetime,
        seq: int,
        book_number: int,
        d_rows: list[tuple],
        c_rows: list[tuple],
        e_rows: list[tuple],
    ) -> None:
        rng, cal, anchor = self.rng, self.cal, self.anchor
        code_p = rng.choices(self.proc_codes, self.proc_weights)[0]
        procedure_id, procedure = self.procedures[code_p]
        if received.hour >= 17 or received.hour < 7 or cal.is_working_day(received.date()) is False:
            channel = "2"
        else:
            channel = rng.choices(("1", "2", "3"), (70, 25, 5))[0]
        verification = procedure.verification_time is not None and rng.random() < 0.15
        period = procedure.verification_time if verification else procedure.time
        due = due_moment(cal, received, period)
        original_due = due
        code = format_code(self.unit_code, received.date(), seq)
        name = self._name()
        phone = f"09{rng.randrange(10**8):08d}"
        address = f"{rng.choice(STREETS)}, phường Bần Yên Nhân, thị xã Mỹ Hào, tỉnh Hưng Yên"
        regime = self._regime(cal.normalize(received).date())
        handler = rng.choice(self.handlers)
        events: list[tuple[str, datetime, int, str | None, str, dict]] = []
        status = Status.RECEIVED.value
        events.append(
            (
                "register",
                received,
                self.desk_officer,
                None,
                status,
                {"procedure": code_p, "due_at": due.strftime("%Y-%m-%dT%H:%M")},
            )
        )
        t = cal.add_office_seconds(received, rng.randrange(600, 3600))
        if t < anchor:
            handover = {
                "to": self.usernames[handler],
                "to_name": self.names[handler],
                "from_name": self.names[self.desk_officer],
            }
            events.append(("handover", t, self.desk_officer, status, "processing", handover))
            status = "processing"
        paused_at = None
        supplements = 0  # requests actually made (one event each)
        # Supplement requests: the clock pauses, then resumes with due moments moved out.
        if t < anchor and rng.random() < 0.06 and period.value > 0:
            ask = cal.add_office_seconds(t, rng.randrange(1800, self.day))
            if ask < anchor:
                wanted = 2 if rng.random() < 0.08 else 1
                for n in range(wanted):
                    if ask >= anchor:
                        break
                    supplements += 1
                    data: dict[str, object] = {"missing": ["Bản sao giấy tờ tùy thân"]}
                    if n:
                        data["reason"] = "Giấy tờ bổ sung lần trước chưa hợp lệ"
                    events.append(
                        ("supplement_request", ask, handler, status, "waiting_supplement", data)
                    )
                    status = "waiting_supplement"
                    back = cal.add_office_seconds(ask, self._supplement_wait())
                    if back >= anchor:
                        paused_at = ask
                        break
                    due = extend_for_pause(cal, due, ask, back)
                    original_due = extend_for_pause(cal, original_due, ask, back)
                    events.append(
                        ("supplement_received", back, self.desk_officer, status, "processing", {})
                    )
                    status = "processing"
                    ask = cal.add_office_seconds(back, rng.randrange(1800, self.day))
        finished = None
        returned = None
        apologies = 0
        ending = None
        if paused_at is None:
            fate = rng.random()
            last = events[-1][1]
            if fate < 0.012:
                ending = "refuse"
            elif fate < 0.018:
                ending = "withdraw"
            if period.value == 0:  # same-day procedures: mostly done within hours
                finish = cal.add_office_seconds(last, rng.randrange(900, 3 * 3600))
                if rng.random() < 0.03:
                    finish = cal.add_office_seconds(original_due, rng.randrange(600, 2 * self.day))
            else:
                roll = rng.random()
                total = max(cal.office_seconds_between(last, original_due), 1800)
                if roll < 0.72:
                    finish = cal.add_office_seconds(
                        last, rng.randrange(900, max(total - self.day, 1000))
                    )
                elif roll < 0.92:
                    finish = cal.add_office_seconds(
                        last, max(total - rng.randrange(0, 3 * 3600), 600)
                    )
                else:
                    finish = cal.add_office_seconds(original_due, rng.randrange(1800, 5 * self.day))
            if anchor - timedelta(days=45) < received and rng.random() < 0.03:
                # Forgotten work: the dossiers the town's letter is about.
                finish = cal.add_office_seconds(
                    original_due, rng.randrange(self.day, 25 * self.day)
                )
            late = finish > original_due
            # Apology: most late dossiers get one, sent a day or two before the due day.
            if (
                late or (finish >= anchor and original_due < anchor + timedelta(days=3))
            ) and rng.random() < 0.7:
                latest = cal.previous_working_day(original_due.date())
                apology_at = cal.opening_of(latest) + timedelta(seconds=rng.randrange(0, 3 * 3600))
                if last < apology_at < anchor:
                    new_due = cal.add_working_days(original_due, rng.randrange(2, 6))
                    events.append(
                        ("apologize", apology_at, handler, status, status, {
                            "reason": "Cần xác minh thêm thông tin",
                            "new_due_at": new_due.strftime("%Y-%m-%dT%H:%M"),
                        })
                    )  # fmt: skip
                    due = new_due
                    apologies = 1
            recent = received > anchor - timedelta(days=90)
            if self.stuck_share and recent and rng.random() < self.stuck_share:
                finish = anchor + timedelta(days=1)  # still being processed
            if finish < anchor:
                finished = finish
                if ending:
                    refused = ending == "refuse"
                    events.append(
                        (
                            ending,
                            finish,
                            handler,
                            status,
                            "refused" if refused else "withdrawn",
                            {"reason": "Hồ sơ không đủ điều kiện" if refused else ""},
                        )
                    )
                    status = events[-1][4]
                else:
                    result = timeliness(finish, original_due, supplements).value
                    events.append(
                        ("resolve", finish, handler, status, "result_ready", {"timeliness": result})
                    )
                    status = "result_ready"
                    back = cal.add_office_seconds(finish, rng.randrange(600, 2 * self.day))
                    # Most results are collected within days; a few wait at the desk.
                    recent = finish > anchor - timedelta(days=20)
                    if back < anchor and (not recent or rng.random() < 0.9):
                        returned = back
                        events.append(("return", back, self.desk_officer, status, "returned", {}))
                        status = "returned"
        # Digitization of components at reception, and of results.
        components = procedure.components
        inputs_done = rng.random() < (0.8 if received < anchor - timedelta(days=60) else 0.55)
        digitized_at = cal.add_office_seconds(received, rng.randrange(300, 1800))
        if digitized_at >= anchor:
            inputs_done = False
        for position, c in enumerate(components, start=1):
            done = inputs_done or rng.random() < 0.3
            c_rows.append(
                (
                    dossier_id,
                    position,
                    c.name,
                    c.kind,
                    c.count,
                    self.ts(digitized_at) if done and digitized_at < anchor else None,
                    self.desk_officer if done and digitized_at < anchor else None,
                    f"{code}-{position}.pdf" if done and digitized_at < anchor else None,
                    None,
                    rng.random() < 0.1 if done else False,
                )
            )
        all_inputs = all(r[5] is not None for r in c_rows[len(c_rows) - len(components) :])
        if inputs_done and digitized_at < anchor:
            events.append(
                ("digitize", digitized_at, self.desk_officer, None, "", {"target": "component"})
            )
        result_digitized = finished is not None and ending is None and rng.random() < 0.75
        result_electronic = result_digitized and rng.random() < 0.3
        rating = rng.choice(RATINGS) if returned is not None and rng.random() < 0.3 else None
        # Events must be in time order: sort (stable) and give the digitize events the status
        # in force at their moment.
        events.sort(key=lambda e: e[1])
        current = None
        seq_no = 0
        for act, at, officer_id, before, after, data in events:
            seq_no += 1
            if act == "digitize" or act == "apologize":
                before = current
                after = current or "received"
            payload = self._json(data)
            stamp = self.ts(at)
            e_rows.append(
                (dossier_id, seq_no, act, stamp, officer_id, before, after, payload, stamp)
            )
            current = after
        d_rows.append(
            (
                dossier_id,
                code,
                self.unit_id,
                procedure_id,
                regime,
                name,
                address,
                phone,
                f"{self._fold(name)} {phone} {code.lower()}",  # = desk.search_key()
                channel,
                1,
                self.ts(received),
                self.ts(due),
                self.ts(original_due),
                self.ts(finished) if finished else None,
                self.ts(returned) if returned else None,
                self.ts(paused_at) if paused_at else None,
                status,
                handler if status != "received" else self.desk_officer,
                self.desk_officer,
                supplements,
                apologies,
                all_inputs and bool(components),
                result_digitized,
                result_electronic,
                rating,
                seq_no,
                self.now_utc,
                received.year,
                book_number,
            )
        )
