"""Gathering the data of the date-range documents: the supervisor's daily list, the Sổ theo
dõi hồ sơ and the báo cáo giải trình; rendering them with ``documents/``.

"Late", "overdue", "due today" are never re-derived here: the lists come from the store's
views (``queries.list_dossiers``, whose SQL a test checks against the domain) and every row is
judged by ``Desk.summarize`` or ``deadline.countdown`` / ``deadline.timeliness``, the program's
one definition.

Known limitation, by design of the data: the store keeps each dossier's *current* state
(status, pause, counters), not its state at every past moment. A document asked for a past
day or period measures deadlines at that moment (the day's closing time, the end of the
period) but with the dossiers' current statuses: a dossier finished since then no longer shows
as open on a past day's daily list, and a pause or supplement request made since then is
already counted. The explanation report partly corrects this with ``finished_at``: a dossier
finished after the period's end was open at that end and is judged there.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

from mohao_desk.documents.data import Letterhead, Signature
from mohao_desk.documents.listdata import (
    BookEntry,
    DailyList,
    DailyRow,
    DailySection,
    ExplanationReport,
    LateEntry,
    LateTally,
    OfficerCounts,
    OfficerGroup,
    ReasonCount,
    RegisterBook,
)
from mohao_desk.domain.deadline import Timeliness, countdown, format_office_duration
from mohao_desk.domain.errors import DeskError, template
from mohao_desk.domain.lifecycle import Act, Channel, Status
from mohao_desk.domain.regimes import LegalRegime, regime_for
from mohao_desk.domain.text import fold, group_digits
from mohao_desk.services.desk import Desk, DossierSummary
from mohao_desk.services.documents import DocumentService, bodies_of
from mohao_desk.store import queries as q
from mohao_desk.store import report_queries as rq

MAX_BOOK_DAYS = 366  # a register book covers at most a year
MAX_BOOK_ENTRIES = 60_000  # ~3,000 landscape pages: beyond that, print it in parts
MAX_REPORT_DAYS = 366  # the longest reporting period is a year
UNASSIGNED = "Chưa phân công"

# Titles a unit may change in the "reports" setting (JSON object); these are the defaults.
REPORT_DEFAULTS = {
    "daily_list_title": "Danh sách theo dõi hồ sơ hằng ngày",
    "explanation_title": "Báo cáo giải trình",
    "explanation_subject": "Về việc giải quyết hồ sơ thủ tục hành chính quá hạn",
    "explanation_number": "Số: ……/BC-UBND",
    "explanation_addressee": "",  # empty: the upstream office of the regime table
}

SECTIONS = (
    ("due_today", "Đến hạn hôm nay"),
    ("overdue", "Quá hạn chưa giải quyết"),
    ("overdue_no_apology", "Quá hạn chưa có phiếu xin lỗi"),
    ("waiting_supplement", "Chờ bổ sung"),
    ("not_digitized", "Chưa số hóa"),
)

_FINISHED_LABELS = {
    Status.RESULT_READY: "Có kết quả",
    Status.RETURNED: "Có kết quả",
    Status.REFUSED: "Từ chối",
    Status.STOPPED: "Dừng giải quyết",
    Status.WITHDRAWN: "Rút hồ sơ",
}


# The CLI adds its option (--unit) when it shows this.
EXPLANATION_NEEDS_UNIT = template(
    "Đây là cơ sở dữ liệu của cơ quan cấp trên: chọn đơn vị cần lập báo cáo giải trình."
)


class ReportService:
    """The date-range documents of a desk."""

    def __init__(self, desk: Desk, unit: str | None = None) -> None:
        """``unit``: the code of another unit of the database (an upstream office reporting on
        one of its units); by default the desk's own unit."""
        self.desk = desk
        self.documents = DocumentService(desk)
        self.unit_id, self.unit_name = desk.unit.id, ""
        if unit is not None and unit != desk.unit.code:
            with desk.db.read() as conn:
                row = q.unit_by_code(conn, unit.strip())
            if row is None:
                raise DeskError("Không có đơn vị mã '{unit}' trong cơ sở dữ liệu này.", unit=unit)
            self.unit_id, self.unit_name = int(row.id), str(row.name)

    # ------------------------------------------------------------ helpers
    def _upstream(self) -> bool:
        from mohao_desk.services.sync import MODE_SETTING, MODE_UPSTREAM

        with self.desk.db.read() as conn:
            return bool(q.get_setting(conn, MODE_SETTING) == MODE_UPSTREAM)

    def _settings(self) -> dict[str, str]:
        with self.desk.db.read() as conn:
            value = q.get_setting(conn, "reports", {})
        merged = dict(REPORT_DEFAULTS)
        if isinstance(value, dict):
            merged.update({k: str(v) for k, v in value.items() if k in REPORT_DEFAULTS})
        return merged

    def _check_day(self, day: date) -> None:
        """A day the working-day calendar covers (raises its clear message otherwise)."""
        self.desk.calendar.is_working_day(day)

    def _check_range(self, start: date, end: date, limit: int) -> None:
        if end < start:
            raise DeskError(
                "Ngày kết thúc {end:%d/%m/%Y} trước ngày bắt đầu {start:%d/%m/%Y}.",
                end=end,
                start=start,
            )
        days = (end - start).days + 1
        if days > limit:
            raise DeskError(
                "Khoảng thời gian {start:%d/%m/%Y}–{end:%d/%m/%Y} dài {days} ngày, quá giới "
                "hạn {limit} ngày: chia thành nhiều khoảng ngắn hơn.",
                start=start,
                end=end,
                days=days,
                limit=limit,
            )
        if start > self.desk.now().date():
            raise DeskError("Ngày bắt đầu {start:%d/%m/%Y} ở tương lai.", start=start)
        self._check_day(start)
        self._check_day(end)

    def closing_moment(self, day: date) -> datetime:
        """The end of the unit's office hours on ``day`` (17:00 by default)."""
        return self.desk.calendar.closing_of(day)

    def daily_as_of(self, day: date, now: datetime | None = None) -> datetime:
        """The moment the daily list of ``day`` measures deadlines at: now for today, that
        day's closing time for a past day."""
        now = now or self.desk.now()
        return now if day >= now.date() else self.closing_moment(day)

    def period_end(self, end: date, now: datetime | None = None) -> datetime:
        """The end of a period ending on ``end``: the last second of that day, or now while
        that day has not ended."""
        last = datetime.combine(end + timedelta(days=1), time()) - timedelta(seconds=1)
        return min(now or self.desk.now(), last)

    def _utc(self, moment: datetime) -> datetime:
        return self.desk.to_utc(moment)

    def _local(self, moment: datetime | None) -> datetime | None:
        return self.desk.to_local(moment)

    def _regime(self, day: date) -> LegalRegime:
        return regime_for(day, self.desk.regimes)

    # ---------------------------------------------------------- daily list
    def daily_list_data(self, day: date) -> DailyList:
        """The supervisor's daily list (danh sách theo dõi hồ sơ hằng ngày) of ``day``.

        As-of moment: now if ``day`` is today, otherwise that day's closing time (17:00 of the
        unit's office hours). Statuses are the dossiers' *current* ones (the store keeps no
        history of states): a list redone for a past day measures deadlines at that day's
        closing time but no longer shows dossiers finished since, and it says so on the page.
        Dossiers received after the as-of moment are left out.

        Sections: due today (legal due moment, or the date promised after an apology, is
        today, clock running); overdue and not finished; of those, the ones without an
        apology; waiting for a supplement; not digitized (open dossiers with a component not
        digitized, and results not digitized that were produced on the day or are still held at
        the desk). Each section is grouped by the dossier's current handler.
        """
        desk = self.desk
        now = desk.now()
        if day > now.date():
            raise DeskError(
                "Ngày {day:%d/%m/%Y} chưa đến: không lập danh sách cho ngày sau.", day=day
            )
        self._check_day(day)
        as_of = self.daily_as_of(day, now)
        day_start = datetime.combine(day, time())
        bounds = (self._utc(as_of), self._utc(day_start), self._utc(day_start + timedelta(1)))
        settings = self._settings()
        with desk.db.read() as conn:
            due_rows = q.list_dossiers(conn, "due-today", *bounds)
            overdue_rows = q.list_dossiers(conn, "overdue", *bounds)
            waiting_rows = rq.waiting_supplement(conn, desk.unit.id, bounds[0])
            digit_rows = rq.not_digitized(conn, desk.unit.id, bounds[0], bounds[1])
            username = q.get_setting(conn, "default_officer")
            preparer = rq.officer_name(conn, desk.unit.id, username) if username else None

        def rows(
            found: Iterable[Any], state: Callable[[Any, DossierSummary], str]
        ) -> list[tuple[DossierSummary, DailyRow]]:
            out = []
            for row in found:
                s = desk.summarize(row, as_of)
                if s.received_at > as_of:
                    continue
                out.append((s, _daily_row(s, state(row, s))))
            return out

        due = rows(due_rows, lambda r, s: _due_state(s))
        overdue = rows(overdue_rows, lambda r, s: _overdue_state(s))
        no_apology = [(s, r) for s, r in overdue if s.apology_count == 0]
        waiting = rows(waiting_rows, self._waiting_state)
        digit = rows(digit_rows, _digitization_state)
        found = dict(zip([k for k, _ in SECTIONS], [due, overdue, no_apology, waiting, digit],
                         strict=True))  # fmt: skip
        sections = tuple(DailySection(key, title, _group(found[key])) for key, title in SECTIONS)
        officers = sorted(
            {g.officer for section in sections for g in section.groups}, key=_officer_key
        )
        counts = tuple(
            OfficerCounts(
                officer,
                tuple(
                    sum(len(g.rows) for g in section.groups if g.officer == officer)
                    for section in sections
                ),
            )
            for officer in officers
        )
        note = ""
        if day < now.date():
            note = (
                f"Danh sách lập lại cho ngày đã qua: thời hạn tính đến {as_of:%H} giờ "
                f"{as_of:%M} phút ngày {day:%d/%m/%Y} (hết giờ làm việc); tình trạng hồ sơ là "
                f"tình trạng lúc in ({now:%H:%M} ngày {now:%d/%m/%Y})."
            )
        return DailyList(
            letterhead=self.documents.letterhead(self._regime(day).code, None, now.date()),
            title=settings["daily_list_title"],
            day=day,
            as_of=as_of,
            printed_at=now,
            sections=sections,
            counts=counts,
            signature=self.documents.head_signature(),
            preparer=Signature(("Người lập",), preparer or "", note="(Ký, ghi rõ họ tên)"),
            note=note,
        )

    def _waiting_state(self, row: Any, s: DossierSummary) -> str:
        paused = self._local(row.paused_at)
        text = f"Chờ bổ sung từ {paused:%d/%m/%Y}" if paused else "Chờ bổ sung"
        if s.supplement_count > 1:
            text += f" (lần {s.supplement_count})"
        if s.countdown is not None:
            text += f"; {s.countdown.text()}"
        return text

    def daily_list(self, day: date) -> bytes:
        from mohao_desk.documents import daily_list

        return daily_list.render(self.daily_list_data(day))

    # -------------------------------------------------------- register book
    def register_book_data(self, start: date, end: date) -> RegisterBook:
        """Sổ theo dõi hồ sơ of the dossiers received from ``start`` to ``end`` (inclusive).

        Entries are numbered per year (quyển số = the year), in the order the receipt slips
        are numbered, so each entry carries the number printed on its receipt. "Ngày hẹn trả"
        is the legal due moment; a re-appointment is noted in "Ghi chú"."""
        self._check_range(start, end, MAX_BOOK_DAYS)
        desk = self.desk
        now = desk.now()
        t0 = self._utc(datetime.combine(start, time()))
        t1 = self._utc(datetime.combine(end + timedelta(days=1), time()))
        acts = (Act.HANDOVER, Act.RESOLVE, Act.APOLOGIZE, Act.REFUSE, Act.WITHDRAW, Act.STOP)
        with desk.db.read() as conn:
            total = rq.count_received(conn, desk.unit.id, t0, t1)
            if total > MAX_BOOK_ENTRIES:
                raise DeskError(
                    "Khoảng {start:%d/%m/%Y}–{end:%d/%m/%Y} có {total} hồ sơ, quá {limit} dòng "
                    "một lần in: chọn khoảng ngày ngắn hơn.",
                    start=start,
                    end=end,
                    total=group_digits(total),
                    limit=group_digits(MAX_BOOK_ENTRIES),
                )
            rows = rq.received_between(conn, desk.unit.id, t0, t1)
            events = rq.events_received_between(conn, desk.unit.id, t0, t1, [a.value for a in acts])
            # Entries already in each year's volume before the range starts.
            offsets = {}
            for year in range(start.year, end.year + 1):
                first = max(start, date(year, 1, 1))
                offsets[year] = rq.count_received(
                    conn,
                    desk.unit.id,
                    self._utc(datetime.combine(date(year, 1, 1), time())),
                    self._utc(datetime.combine(first, time())),
                )
        facts = _book_facts(events, self._local)
        entries = []
        numbers = dict(offsets)
        unit_name = desk.unit.name
        for row in _book_order(rows):
            s = desk.summarize(row, now)
            year = s.received_at.year
            numbers[year] = numbers.get(year, 0) + 1
            if row.book_number is not None:  # given at registration (revision 0005)
                year, numbers[year] = int(row.book_year), int(row.book_number)
            f = facts.get(row.id, {})
            result_at = f.get("resolve")
            if result_at is None and s.status in (Status.RESULT_READY, Status.RETURNED):
                result_at = s.finished_at
            entries.append(
                BookEntry(
                    volume=year,
                    number=numbers[year],
                    code=s.code,
                    procedure=s.procedure,
                    sets_count=int(row.sets_count),
                    applicant=s.applicant,
                    address=row.applicant_address,
                    phone=s.phone,
                    processing_body=bodies_of(f.get("bodies", ())).processing or unit_name,
                    received_at=s.received_at,
                    due_at=s.original_due_at,
                    transferred_at=f.get("handover"),
                    result_at=result_at,
                    returned_at=s.returned_at,
                    note=_book_note(s, f),
                )
            )
        letterhead = self.documents.letterhead(self._regime(end).code, "register_book", now.date())
        return RegisterBook(letterhead, start, end, now, entries)

    def register_book(self, start: date, end: date) -> bytes:
        from mohao_desk.documents import register_book

        return register_book.render(self.register_book_data(start, end))

    # --------------------------------------------------- explanation report
    def explanation_data(self, start: date, end: date) -> ExplanationReport:
        """Báo cáo giải trình of the period ``start``–``end`` (inclusive): every dossier that
        was or is late, that is (a) whose processing ended in the period after its legal due
        moment (``deadline.timeliness`` = late; re-appointed dossiers stay late), or (b) that
        was open at the end of the period (still open, or finished only later) and overdue
        then (``deadline.countdown`` at that moment, frozen at the start of a pause still
        running). The end of the period is the last second of ``end``, or now while ``end`` has
        not ended. Statuses and pauses are the current ones (see the module's docstring)."""
        self._check_range(start, end, MAX_REPORT_DAYS)
        if not self.unit_name and self._upstream():
            raise DeskError(EXPLANATION_NEEDS_UNIT)
        desk = self.desk
        cal = desk.calendar
        now = desk.now()
        as_of = self.period_end(end, now)
        t0 = self._utc(datetime.combine(start, time()))
        settings = self._settings()
        with desk.db.read() as conn:
            finished_rows = rq.finished_late_candidates(conn, self.unit_id, t0, self._utc(as_of))
            open_rows = rq.open_overdue_candidates(conn, self.unit_id, self._utc(as_of))
            ids = [r.id for r in finished_rows] + [r.id for r in open_rows]
            events = rq.events_of_dossiers(
                conn, ids, [Act.APOLOGIZE.value, Act.REFUSE.value, Act.STOP.value]
            )
        apology: dict[int, tuple[datetime, dict]] = {}
        ending_reason: dict[int, str] = {}
        for e in events:
            data = json.loads(e.data) if e.data else {}
            if e.act == Act.APOLOGIZE.value:
                at = self._local(e.at)
                assert at is not None
                apology[e.dossier_id] = (at, data)  # the last one counts
            else:
                ending_reason[e.dossier_id] = str(data.get("reason") or "")
        day_seconds = cal.office_hours.seconds_per_day
        entries: list[LateEntry] = []
        for row in finished_rows:
            s = desk.summarize(row, as_of)
            if s.timeliness is not Timeliness.LATE or s.finished_at is None:
                continue
            seconds = max(cal.office_seconds_between(s.original_due_at, s.finished_at), 0)
            label = _FINISHED_LABELS.get(s.status, s.status.label)
            entries.append(
                self._late_entry(
                    row,
                    s,
                    f"{label} {s.finished_at:%d/%m/%Y}",
                    seconds,
                    day_seconds,
                    apology,
                    ending_reason,
                    finished=True,
                )
            )
        for row in open_rows:
            s = desk.summarize(row, as_of)
            paused = self._local(row.paused_at)
            moment = paused if paused is not None and paused <= as_of else as_of
            cd = countdown(cal, s.original_due_at, moment, s.supplement_count)
            if not cd.overdue:
                continue
            if s.status.is_open:
                state = "Chưa giải quyết" + (" (chờ bổ sung)" if s.paused else "")
            else:
                later = _FINISHED_LABELS.get(s.status, s.status.label).lower()
                when = f" {s.finished_at:%d/%m/%Y}" if s.finished_at else ""
                state = f"Chưa giải quyết (sau kỳ: {later}{when})"
            entries.append(
                self._late_entry(
                    row,
                    s,
                    state,
                    max(-cd.seconds, 0),
                    day_seconds,
                    apology,
                    ending_reason,
                    finished=False,
                )
            )
        by_field = _tallies(entries, lambda e: e.field or "(Không rõ lĩnh vực)")
        by_officer = _tallies(entries, lambda e: e.officer)
        total = _tally("Tổng cộng", entries)
        reasons = Counter(e.reason or "(Chưa ghi nhận lý do)" for e in entries)
        regimes = [
            r
            for r in desk.regimes
            if r.valid_from <= end and (r.valid_to is None or r.valid_to >= start)
        ] or [self._regime(end)]
        regime = self._regime(end)
        from mohao_desk.services.settings import regime_letterhead_in

        with desk.db.read() as conn:
            # The regime's upstream office, by its full name (a setting per regime; by default
            # the name the upstream office sent, the province, or the unit's parent body).
            upstream = regime_letterhead_in(conn, desk.unit, regime.code).upstream
        addressee = settings["explanation_addressee"] or upstream
        letterhead: Letterhead = self.documents.letterhead(regime.code, None, now.date())
        letterhead = replace(letterhead, number=settings["explanation_number"])
        return ExplanationReport(
            letterhead=letterhead,
            title=settings["explanation_title"],
            subject=settings["explanation_subject"]
            + (f" của {self.unit_name}" if self.unit_name else ""),
            addressee=addressee,
            legal_basis=tuple(dict.fromkeys(r.legal_basis for r in regimes if r.legal_basis)),
            start=start,
            end=end,
            as_of=as_of,
            printed_at=now,
            entries=tuple(entries),
            by_field=by_field,
            by_officer=by_officer,
            total=total,
            reasons=tuple(
                ReasonCount(reason, n)
                for reason, n in sorted(reasons.items(), key=lambda kv: (-kv[1], fold(kv[0])))
            ),
            signature=self.documents.head_signature(),
            working_day=format_office_duration(day_seconds, day_seconds + 1),
        )

    def _late_entry(
        self,
        row: Any,
        s: DossierSummary,
        state: str,
        seconds: int,
        day_seconds: int,
        apology: dict[int, tuple[datetime, dict]],
        ending_reason: dict[int, str],
        *,
        finished: bool,
    ) -> LateEntry:
        found = apology.get(row.id)
        apology_at, new_due, reason = None, None, ""
        if found is not None:
            apology_at, data = found
            reason = str(data.get("reason") or "")
            if data.get("new_due_at"):
                new_due = datetime.fromisoformat(str(data["new_due_at"]))
        if not reason:
            reason = ending_reason.get(row.id, "")
        if seconds >= 60:
            late_by = format_office_duration(seconds, day_seconds)
        elif s.supplement_count > 1:  # overdue by the national index's rule, not by time
            late_by = f"0 giờ (yêu cầu bổ sung {s.supplement_count} lần)"
        else:
            late_by = "dưới 1 phút"
        return LateEntry(
            code=s.code,
            procedure=s.procedure,
            field=s.field,
            applicant=s.applicant,
            officer=s.officer or UNASSIGNED,
            received_at=s.received_at,
            due_at=s.original_due_at,
            finished_at=s.finished_at if finished else None,
            state=state,
            late_by=late_by,
            late_seconds=seconds,
            apology_at=apology_at,
            new_due_at=new_due,
            reason=reason,
        )

    def explanation(self, start: date, end: date) -> bytes:
        from mohao_desk.documents import explanation

        return explanation.render(self.explanation_data(start, end))


# ------------------------------------------------------------- helpers


def _officer_key(name: str) -> tuple[int, str, str]:
    """Vietnamese order: by given name (the last word), then the full name; unassigned last."""
    if name == UNASSIGNED:
        return (1, "", "")
    words = fold(name).split()
    return (0, words[-1] if words else "", " ".join(words))


def _group(items: list[tuple[DossierSummary, DailyRow]]) -> tuple[OfficerGroup, ...]:
    groups: dict[str, list[DailyRow]] = defaultdict(list)
    for s, row in items:
        groups[s.officer or UNASSIGNED].append(row)
    return tuple(
        OfficerGroup(officer, tuple(groups[officer]))
        for officer in sorted(groups, key=_officer_key)
    )


def _daily_row(s: DossierSummary, state: str) -> DailyRow:
    return DailyRow(
        code=s.code,
        procedure=s.procedure,
        applicant=s.applicant,
        phone=s.phone,
        received_at=s.received_at,
        due_at=s.original_due_at,
        appointment_at=s.due_at if s.apology_count else None,
        state=state,
    )


def _due_state(s: DossierSummary) -> str:
    parts = [s.countdown.text()] if s.countdown else []
    if s.appointment is not None:
        parts.append(f"hẹn lại: {s.appointment.text()}")
    return "; ".join(parts)


def _overdue_state(s: DossierSummary) -> str:
    text = s.countdown.text() if s.countdown else "quá hạn"
    if s.paused:
        text += " (chờ bổ sung)"
    if s.apology_count:
        text += "; đã xin lỗi"
    return text


def _digitization_state(row: Any, s: DossierSummary) -> str:
    if s.status.is_open:
        total = int(getattr(row, "components", 0) or 0)
        done = int(getattr(row, "components_done", 0) or 0)
        return f"Thành phần hồ sơ: đã số hóa {done}/{total}"
    where = "chưa trả" if s.status is Status.RESULT_READY else "đã trả"
    return f"Kết quả chưa số hóa ({where})"


def _book_facts(
    events: Iterable[Any], local: Callable[[datetime | None], datetime | None]
) -> dict[int, dict[str, Any]]:
    """Per dossier: first hand-over moment, the bodies it was handed to (in order), result
    moment, the last apology's new date, the ending's reason."""
    facts: dict[int, dict[str, Any]] = defaultdict(dict)
    for e in events:
        f = facts[e.dossier_id]
        act = e.act
        if act == Act.HANDOVER.value:
            f.setdefault("handover", local(e.at))
            data = json.loads(e.data) if e.data else {}
            if data.get("body"):
                f.setdefault("bodies", []).append(str(data["body"]))
        elif act == Act.RESOLVE.value:
            f["resolve"] = local(e.at)
        elif act == Act.APOLOGIZE.value:
            data = json.loads(e.data) if e.data else {}
            if data.get("new_due_at"):
                f["new_due"] = datetime.fromisoformat(str(data["new_due_at"]))
        else:
            data = json.loads(e.data) if e.data else {}
            f["reason"] = str(data.get("reason") or "")
    return facts


def _book_order(rows: Sequence[Any]) -> list[Any]:
    """Entries in the order they were written in the book: by the number each got at
    registration (a back-dated registration comes after the entries already written), and
    the unnumbered (imported) ones by receipt time, as the query gives them."""
    if all(r.book_number is None for r in rows):
        return list(rows)
    return sorted(
        rows,
        key=lambda r: (0, r.book_year, r.book_number) if r.book_number is not None else (1, 0, 0),
    )


def _book_note(s: DossierSummary, f: dict[str, Any]) -> str:
    notes = []
    if s.channel is not Channel.DIRECT:
        notes.append(s.channel.label)
    if s.supplement_count:
        notes.append(f"Bổ sung {s.supplement_count} lần")
    if s.status is Status.WAITING_SUPPLEMENT:
        notes.append("Đang chờ bổ sung")
    if f.get("new_due"):
        notes.append(f"Hẹn lại {f['new_due']:%d/%m/%Y}")
    if s.status in (Status.REFUSED, Status.STOPPED, Status.WITHDRAWN):
        reason = f.get("reason")
        notes.append(f"{s.status.label}: {reason}" if reason else s.status.label)
    elif s.timeliness is Timeliness.LATE or (s.countdown is not None and s.countdown.overdue):
        notes.append("Quá hạn")
    return "; ".join(notes)


def _tally(label: str, entries: list[LateEntry]) -> LateTally:
    finished = sum(1 for e in entries if e.finished_late)
    apologized = sum(1 for e in entries if e.apology_at is not None)
    return LateTally(
        label=label,
        late=len(entries),
        finished_late=finished,
        open_overdue=len(entries) - finished,
        with_apology=apologized,
        without_apology=len(entries) - apologized,
    )


def _tallies(entries: list[LateEntry], key: Callable[[LateEntry], str]) -> tuple[LateTally, ...]:
    groups: dict[str, list[LateEntry]] = defaultdict(list)
    for e in entries:
        groups[key(e)].append(e)
    tallies = [_tally(label, items) for label, items in groups.items()]
    return tuple(sorted(tallies, key=lambda t: (-t.late, fold(t.label))))


def _upstream(regime: LegalRegime, parent_name: str, office: str = "") -> str:
    """The regime's upstream office, named fully: by the name the upstream office sent in its
    configuration package ("Ủy ban nhân dân tỉnh Hưng Yên"), else by the unit's parent body when
    that body is the office ("Ủy ban nhân dân thị xã" + "Ủy ban nhân dân thị xã Mỹ Hào")."""
    for name in (office, parent_name):
        if name and fold(name).startswith(fold(regime.upstream)):
            return name
    return regime.upstream
