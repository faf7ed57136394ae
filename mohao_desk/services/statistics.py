"""Period statistics of a unit: Biểu số 06/VPCP/KSTT (domain.md §7)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.statistics import DossierFact, KsttReport, kstt
from mohao_desk.store import queries as q

MAX_PERIOD_DAYS = 3 * 366


class StatisticsService:
    def __init__(self, desk: Any) -> None:
        self.desk = desk

    def kstt(self, first_day: date, last_day: date) -> KsttReport:
        """Biểu 06 for the days ``first_day`` … ``last_day`` (both included)."""
        if last_day < first_day:
            raise DeskError("Ngày kết thúc kỳ báo cáo phải sau ngày bắt đầu.")
        if (last_day - first_day).days > MAX_PERIOD_DAYS:
            raise DeskError("Kỳ báo cáo dài tối đa 3 năm.")
        desk = self.desk
        start = datetime.combine(first_day, time())
        end = datetime.combine(last_day + timedelta(days=1), time())
        with desk.db.read() as conn:
            rows = q.period_facts(conn, desk.unit.id, desk.to_utc(start), desk.to_utc(end))
        local = desk.to_local
        facts = (
            DossierFact(
                field=r.field,
                channel=r.channel,
                received_at=local(r.received_at),
                original_due_at=local(r.original_due_at),
                finished_at=local(r.finished_at),
                supplement_count=r.supplement_count,
            )
            for r in rows
        )
        return kstt(facts, start, end)
