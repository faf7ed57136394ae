"""Reconciliation (đối chiếu) of the desk with the province's electronic one-stop system
(hệ thống thông tin một cửa điện tử), from the system's export of its dossier list (issue 13).

No workbook library and no SQL here: the service hands over the sheets as ``(row number, cell
values)`` pairs (services/spreadsheet.py) and the desk's dossiers as :class:`DeskDossier`. This
module reads the export the way a person would:

- the **header row** is anywhere in the first :data:`HEADER_SEARCH_ROWS` rows (title rows and
  merged cells above it); its columns are recognised by folded words (:func:`column_role`); a
  second header row right under it (a merged "Thời gian" over "Tiếp nhận | Hẹn trả") fills the
  roles the first lacks; ``code=B,received=E`` (:func:`parse_columns`) names any column the
  words miss;
- **moments** are Excel date cells or text: ``dd/mm/yyyy``, ``dd/mm/yyyy HH:MM[:SS]``,
  ``HH:MM[:SS] dd/mm/yyyy``, ``yyyy-mm-dd[ HH:MM[:SS]]`` (:func:`read_moment`); a cell that is
  none of them refuses the whole file, naming the row, the column and the reason;
- **status words** (:func:`classify_status`) say finished or open; any other wording is
  reported, never guessed;

then compares it with the desk (:func:`reconcile`) into five lists: ``missing_in_system``,
``finished_here_open_there`` (sorted by the system's due moment, with its countdown),
``open_here_finished_there``, ``due_differs`` (against the legal due moment ``original_due_at``,
not a date promised after an apology; by date when the file has dates only, by minute when it
has times) and ``unknown_here``.

Moments here are local wall-clock times (naive), as the export writes them and as the desk's
calendar counts them; the service converts the desk's UTC moments at the edge.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from mohao_desk.domain.calendar import WorkCalendar
from mohao_desk.domain.deadline import Countdown, countdown
from mohao_desk.domain.errors import DeskError, Phrase
from mohao_desk.domain.lifecycle import OPEN_STATUSES, Status
from mohao_desk.domain.text import fold, nfc

HEADER_SEARCH_ROWS = 20
MAX_CODE_LENGTH = 64  # the store's column

LISTS = (
    "missing_in_system",
    "finished_here_open_there",
    "open_here_finished_there",
    "due_differs",
    "unknown_here",
)

# The lists as the window, the PDF and the workbook name them.
LIST_TITLES = {
    "missing_in_system": "Chưa có trên hệ thống",
    "finished_here_open_there": "Đã xong tại Bộ phận, còn mở trên hệ thống",
    "open_here_finished_there": "Còn mở tại Bộ phận, đã xong trên hệ thống",
    "due_differs": "Hạn giải quyết khác nhau",
    "unknown_here": "Có trên hệ thống, không có tại Bộ phận",
}


class Role(StrEnum):
    """The columns of the export the reconciliation reads."""

    CODE = "code"  # mã hồ sơ
    RECEIVED = "received"  # ngày tiếp nhận
    DUE = "due"  # hạn giải quyết / ngày hẹn trả
    FINISHED = "finished"  # ngày hoàn thành / ngày trả
    STATUS = "status"  # trạng thái
    APPLICANT = "applicant"  # người nộp (shown for a code the desk does not know)
    PROCEDURE = "procedure"  # tên thủ tục (the same)


class SystemState(StrEnum):
    """What the system's status word says."""

    FINISHED = "finished"
    OPEN = "open"
    UNKNOWN = "unknown"


# ------------------------------------------------------------------ header


def _words(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")


# In this order: "Ngày hẹn trả" is the due moment, not the return ("ngày trả").
_ROLE_WORDS = (
    (Role.CODE, _words("ma ho so", "so ho so", "ma so", "ma hs", "so hs")),
    (Role.STATUS, _words("trang thai", "tinh trang")),
    (Role.DUE, _words("hen tra", "han xu ly", "han giai quyet")),
    (Role.FINISHED, _words("hoan thanh", "co ket qua", "ngay tra", "xu ly xong")),
    (Role.RECEIVED, _words("tiep nhan", "ngay nhan", "ngay nop")),
    (Role.APPLICANT, _words("nguoi nop", "chu ho so", "nguoi dung ten", "to chuc ca nhan")),
    (Role.PROCEDURE, _words("ten thu tuc", "ten tthc", "thu tuc hanh chinh", "thu tuc")),
)
# "Người tiếp nhận", "Cán bộ tiếp nhận", "Hình thức nộp": not moments.
_NOT_A_MOMENT = _words("nguoi", "can bo", "hinh thuc", "noi", "co quan", "don vi", "kenh")


def column_role(header: Any) -> Role | None:
    """The column a header cell names, by its folded words."""
    if not isinstance(header, str):
        return None
    text = " ".join(fold(header).replace("/", " ").replace(",", " ").replace(".", " ").split())
    if not text:
        return None
    for role, words in _ROLE_WORDS:
        if words.search(text):
            if role in (Role.RECEIVED, Role.DUE, Role.FINISHED) and _NOT_A_MOMENT.search(text):
                return None
            return role
    return None


def column_letter(index: int) -> str:
    """0 → "A", 25 → "Z", 26 → "AA"."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_index(letters: str) -> int:
    """ "A" → 0, "AA" → 26; raises ValueError on anything else."""
    letters = letters.strip().upper()
    if not letters.isascii() or not letters.isalpha() or len(letters) > 3:
        raise ValueError(letters)
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - ord("A") + 1
    return index - 1


def parse_columns(text: str) -> dict[Role, int]:
    """``"code=B,received=E,due=F"`` → roles and 0-based columns (letters or 1-based numbers)."""
    result: dict[Role, int] = {}
    names = ", ".join(r.value for r in Role)
    for part in text.split(","):
        if not part.strip():
            continue
        name, sep, where = part.partition("=")
        try:
            role = Role(name.strip().lower())
        except ValueError:
            raise DeskError(
                "Cột '{name}' không có trong phép đối chiếu (chỉ có: {names}).",
                name=name.strip(),
                names=names,
            ) from None
        where = where.strip()
        try:
            if not sep:
                raise ValueError(where)
            index = int(where) - 1 if where.isdigit() else column_index(where)
            if index < 0:
                raise ValueError(where)
        except ValueError:
            raise DeskError(
                "Cột '{where}' của '{name}' không hợp lệ (cần chữ cái của cột như B, AA hoặc "
                "số thứ tự cột).",
                where=where,
                name=role.value,
            ) from None
        result[role] = index
    return result


def _roles_of(cells: Sequence[Any]) -> dict[Role, int]:
    roles: dict[Role, int] = {}
    for column, value in enumerate(cells):
        role = column_role(value)
        if role is not None and role not in roles:
            roles[role] = column
    return roles


def find_header(
    rows: Sequence[tuple[int, Sequence[Any]]], explicit: Mapping[Role, int] | None = None
) -> tuple[int, dict[Role, int]] | None:
    """Where the data starts (an index in ``rows``: the row after the header) and the column of
    each role, or ``None`` when there is no header with a code column in the first
    :data:`HEADER_SEARCH_ROWS` rows. ``explicit`` columns win over the words."""
    explicit = dict(explicit or {})
    for i, (_number, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        roles = _roles_of(cells)
        if Role.CODE not in roles and not (explicit and len(roles) >= 2):
            continue
        start = i + 1
        code_column = explicit.get(Role.CODE, roles.get(Role.CODE))
        if start < len(rows) and code_column is not None:
            below = rows[start][1]
            if (
                code_column >= len(below)
                or below[code_column] is None
                or column_role(below[code_column])
            ):
                extra = _roles_of(below)
                if extra:
                    for role, column in extra.items():
                        roles.setdefault(role, column)
                    start += 1
        roles.update(explicit)
        return start, roles
    if Role.CODE in explicit:  # no header words at all: the data starts at the first code
        for i, (_number, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
            column = explicit[Role.CODE]
            if column < len(cells) and _looks_like_code(cells[column]):
                return i, dict(explicit)
    return None


def _looks_like_code(value: Any) -> bool:
    text = code_text(value)
    return bool(text) and any(ch.isdigit() for ch in text) and " " not in text


def code_text(value: Any) -> str:
    """A dossier code from its cell: text without surrounding spaces; a whole number (a code
    typed as a number) without ".0"."""
    if type(value) is str and value.isascii():  # the usual case, 100,000 times: no NFC needed
        return "".join(value.split())
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return ""
    return "".join(nfc(str(value)).split())


# ------------------------------------------------------------------ moments

_DMY = re.compile(
    r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ ,T]+(\d{1,2})[:hH](\d{2})(?::(\d{2}))?)?$"
)
_TIME_DMY = re.compile(
    r"^(\d{1,2})[:hH](\d{2})(?::(\d{2}))?[ ,]+(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$"
)
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$")


class BadMoment(ValueError):
    """A cell that is not a moment; ``reason`` says why (a Phrase)."""

    def __init__(self, reason: Phrase) -> None:
        super().__init__(reason.template)
        self.reason = reason


def read_moment(value: Any) -> tuple[datetime, bool] | None:
    """A moment from a cell and whether it says the time of day, or ``None`` for an empty cell.
    Raises :class:`BadMoment` on anything that is not a date."""
    if value is None:
        return None
    if isinstance(value, datetime):
        moment = value.replace(microsecond=0, tzinfo=None)
        return moment, moment.time() != time(0, 0)
    if isinstance(value, date):
        return datetime.combine(value, time(0, 0)), False
    if isinstance(value, time):
        raise BadMoment(Phrase("chỉ có giờ, không có ngày"))
    if isinstance(value, bool | int | float):
        raise BadMoment(Phrase("là một con số, không phải ngày tháng"))
    text = " ".join(str(value).split())
    if not text:
        return None
    parts: tuple[str | None, ...]
    if match := _DMY.match(text):
        d, m, y, hh, mm, ss = match.groups()
        parts = (y, m, d, hh, mm, ss)
    elif match := _TIME_DMY.match(text):
        hh, mm, ss, d, m, y = match.groups()
        parts = (y, m, d, hh, mm, ss)
    elif match := _YMD.match(text):
        parts = match.groups()
    else:
        raise BadMoment(
            Phrase(
                "'{text}' không phải ngày tháng đọc được (cần dd/mm/yyyy, dd/mm/yyyy HH:MM "
                "hoặc yyyy-mm-dd)",
                text=text[:60],
            )
        )
    y, m, d, hh, mm, ss = parts
    try:
        moment = datetime(
            int(y or 0), int(m or 0), int(d or 0), int(hh or 0), int(mm or 0), int(ss or 0)
        )
    except ValueError:
        raise BadMoment(Phrase("'{text}' không phải một ngày có thật", text=text[:60])) from None
    return moment, hh is not None


# ------------------------------------------------------------------ status words

_FINISHED_WORDS = (
    "da tra ket qua",
    "da co ket qua",
    "hoan thanh",
    "da giai quyet",
    "tu choi",
    "rut ho so",
    "dung xu ly",
)
_OPEN_WORDS = (
    "moi tiep nhan",
    "dang xu ly",
    "dang giai quyet",
    "cho bo sung",
    "tam dung",
    "qua han",
)
_STATUS_WORDS = re.compile(
    r"\b(?:"
    + "|".join(re.escape(w) for w in sorted(_FINISHED_WORDS + _OPEN_WORDS, key=len, reverse=True))
    + r")\b"
)
_NEGATION = re.compile(r"\b(?:chua|khong)\s*$")


@functools.lru_cache(maxsize=4096)
def _status(raw: Any) -> tuple[str, SystemState | None]:
    """A status cell's text and what it says (``None`` for an empty cell); a file has few
    distinct wordings, each read once."""
    text = " ".join(nfc(str(raw)).split()) if raw is not None else ""
    return text, classify_status(text) if text else None


def classify_status(text: Any) -> SystemState:
    """Finished or open by the system's words (folded); anything else is unknown.

    "Hoàn thành quá hạn" is finished (late), "Đang xử lý quá hạn" open; "Tạm dừng xử lý" is
    open (paused), "Dừng xử lý" finished; "Chưa hoàn thành" and words of both kinds are
    unknown: a person must look."""
    if not isinstance(text, str):
        return SystemState.UNKNOWN
    folded = " ".join(fold(text).replace("-", " ").replace("/", " ").split())
    kinds: set[SystemState] = set()
    overdue = False
    position = 0
    while match := _STATUS_WORDS.search(folded, position):
        word = match.group(0)
        position = match.end()
        if word == "tam dung" and folded.startswith(" xu ly", position):
            position += len(" xu ly")  # "tạm dừng xử lý": paused, not stopped
        if _NEGATION.search(folded[: match.start()]):
            return SystemState.UNKNOWN
        if word == "qua han":
            overdue = True
        elif word in _FINISHED_WORDS:
            kinds.add(SystemState.FINISHED)
        else:
            kinds.add(SystemState.OPEN)
    if len(kinds) == 1:
        return kinds.pop()
    if not kinds and overdue:
        return SystemState.OPEN
    return SystemState.UNKNOWN


# ------------------------------------------------------------------ the export


@dataclass(frozen=True)
class SystemRow:
    """One dossier of the system's export."""

    code: str
    sheet: str
    row: int
    received: datetime | None
    due: datetime | None
    finished: datetime | None
    status_text: str
    state: SystemState
    due_has_time: bool = False  # its due cell said the time of day
    applicant: str = ""
    procedure: str = ""


@dataclass(frozen=True)
class UnknownStatus:
    """A status wording the reconciliation does not know: how many rows say it, the first."""

    text: str
    count: int
    first_row: int


@dataclass(frozen=True)
class SystemList:
    """The system's export, read: its rows (one per code: the last row of a code wins) and what
    a person should know about the reading."""

    rows: tuple[SystemRow, ...]
    columns: Mapping[Role, int]
    due_has_times: bool
    unknown_statuses: tuple[UnknownStatus, ...] = ()
    duplicate_codes: tuple[str, ...] = ()

    def received_span(self) -> tuple[date, date] | None:
        days = [r.received.date() for r in self.rows if r.received is not None]
        return (min(days), max(days)) if days else None


def _cell(cells: Sequence[Any], column: int | None) -> Any:
    return cells[column] if column is not None and column < len(cells) else None


def _plain(value: Any) -> str:
    """A text cell as one line (at most 200 characters), or "" for an empty one."""
    return "" if value is None else " ".join(str(value).split())[:200]


def _header_text(rows: Sequence[tuple[int, Sequence[Any]]], start: int, column: int) -> str:
    for _number, cells in reversed(rows[:start]):
        value = _cell(cells, column)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return ""


def read_system_list(
    sheets: Sequence[tuple[str, Sequence[tuple[int, Sequence[Any]]]]],
    explicit: Mapping[Role, int] | None = None,
) -> SystemList:
    """The export's dossiers, all or nothing: refused without a code column, or at the first
    moment that cannot be read (naming the row, the column and the reason)."""
    if not any(rows for _name, rows in sheets):
        raise DeskError("Tệp trống: không có dòng nào.")
    found = [(name, rows, find_header(rows, explicit)) for name, rows in sheets]
    with_header = [(n, rows, h) for n, rows, h in found if h is not None]
    if not with_header:
        raise DeskError(
            "Không tìm thấy dòng tiêu đề có cột mã hồ sơ trong {rows} dòng đầu (cần cột 'Mã hồ "
            "sơ', 'Số hồ sơ' hoặc 'Mã số'; hoặc chỉ rõ cột, ví dụ code=B).",
            rows=HEADER_SEARCH_ROWS,
        )
    by_code: dict[str, SystemRow] = {}
    duplicates: list[str] = []
    unknown: dict[str, list[int]] = {}
    due_times = False
    columns: dict[Role, int] = {}
    for name, rows, (start, roles) in with_header:
        columns = columns or roles
        code_column = roles.get(Role.CODE)
        if code_column is None:
            raise DeskError(
                "Trang '{sheet}' không có cột mã hồ sơ (chỉ rõ cột, ví dụ code=B).", sheet=name
            )
        moment_columns = [
            (role, roles[role])
            for role in (Role.RECEIVED, Role.DUE, Role.FINISHED)
            if role in roles
        ]
        status_column = roles.get(Role.STATUS)
        finished_column = roles.get(Role.FINISHED)
        for number, cells in rows[start:]:
            code = code_text(_cell(cells, code_column))
            if not code:
                continue
            raw_code = _cell(cells, code_column)
            if not any(ch.isdigit() for ch in code) and column_role(raw_code) is Role.CODE:
                continue  # the header repeated (a second sheet's, a printed page's)
            if len(code) > MAX_CODE_LENGTH:
                raise DeskError(
                    "Dòng {row}, cột {column}: mã hồ sơ dài quá {limit} ký tự.",
                    row=number,
                    column=column_letter(code_column),
                    limit=MAX_CODE_LENGTH,
                )
            moments: dict[Role, datetime | None] = {}
            due_time = False
            for role, column in moment_columns:
                try:
                    read = read_moment(_cell(cells, column))
                except BadMoment as exc:
                    raise DeskError(
                        "Dòng {row}, cột {column} ('{header}'): {reason}. Tệp không được đọc; "
                        "hãy sửa ô này rồi đối chiếu lại.",
                        row=number,
                        column=column_letter(column),
                        header=_header_text(rows, start, column),
                        reason=exc.reason,
                    ) from None
                moments[role] = read[0] if read else None
                if read and role is Role.DUE and read[1]:
                    due_times = due_time = True
            raw_status = _cell(cells, status_column)
            status_text, said = _status(raw_status if isinstance(raw_status, str | None) else
                                        str(raw_status))  # fmt: skip
            if said is not None:
                state = said
                if state is SystemState.UNKNOWN:
                    unknown.setdefault(status_text, []).append(number)
            elif finished_column is not None:
                state = (
                    SystemState.FINISHED
                    if moments.get(Role.FINISHED) is not None
                    else SystemState.OPEN
                )
            else:
                state = SystemState.UNKNOWN
            key = code.upper()
            if key in by_code:
                duplicates.append(code)
            by_code[key] = SystemRow(
                code=code,
                sheet=name,
                row=number,
                received=moments.get(Role.RECEIVED),
                due=moments.get(Role.DUE),
                finished=moments.get(Role.FINISHED),
                status_text=status_text,
                state=state,
                due_has_time=due_time,
                applicant=_plain(_cell(cells, roles.get(Role.APPLICANT))),
                procedure=_plain(_cell(cells, roles.get(Role.PROCEDURE))),
            )
    if not by_code:
        raise DeskError("Tệp không có hồ sơ nào dưới dòng tiêu đề.")
    return SystemList(
        rows=tuple(by_code.values()),
        columns=columns,
        due_has_times=due_times,
        unknown_statuses=tuple(
            UnknownStatus(text, len(numbers), numbers[0]) for text, numbers in unknown.items()
        ),
        duplicate_codes=tuple(duplicates),
    )


# ------------------------------------------------------------------ comparison


@dataclass(frozen=True)
class DeskDossier:
    """A dossier of the desk, as the reconciliation needs it (local moments)."""

    id: int
    code: str
    status: Status
    received_at: datetime
    original_due_at: datetime  # the legal due moment, not a date promised after an apology
    procedure: str = ""
    applicant: str = ""


@dataclass(frozen=True)
class Entry:
    """One line of a reconciliation list: the dossier here (if any) and the system's row (if
    any). ``countdown`` is the system's due moment's, for ``finished_here_open_there``."""

    code: str
    dossier_id: int | None = None
    row: int | None = None
    received_at: datetime | None = None
    status: Status | None = None
    status_there: str = ""
    due_here: datetime | None = None
    due_there: datetime | None = None
    finished_there: datetime | None = None
    countdown: Countdown | None = None
    procedure: str = ""
    applicant: str = ""


@dataclass(frozen=True)
class Reconciliation:
    """The five lists, the period compared and what was read."""

    file_name: str
    period: tuple[date, date]
    rows_read: int
    due_has_times: bool
    missing_in_system: tuple[Entry, ...]
    finished_here_open_there: tuple[Entry, ...]
    open_here_finished_there: tuple[Entry, ...]
    due_differs: tuple[Entry, ...]
    unknown_here: tuple[Entry, ...]
    unknown_statuses: tuple[UnknownStatus, ...] = ()
    duplicate_codes: tuple[str, ...] = ()
    desk_in_period: int = field(default=0)

    def lists(self) -> dict[str, tuple[Entry, ...]]:
        return {name: getattr(self, name) for name in LISTS}

    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in LISTS}


def _end_of_day(day: date) -> datetime:
    return datetime.combine(day, time(23, 59, 59))


def _due_differs(here: datetime, there: datetime, by_minute: bool) -> bool:
    if by_minute:
        return here.replace(second=0) != there.replace(second=0)
    return here.date() != there.date()


def reconcile(
    file_name: str,
    system: SystemList,
    desk: Iterable[DeskDossier],
    period: tuple[date, date],
    calendar: WorkCalendar,
    now: datetime,
) -> Reconciliation:
    """Compare the system's export with the desk's dossiers: ``desk`` holds every dossier
    received in ``period`` and every other one whose code the export names."""
    low, high = period
    here = {d.code.upper(): d for d in desk}
    there = {r.code.upper(): r for r in system.rows}
    missing: list[Entry] = []
    finished_open: list[tuple[datetime, Entry]] = []
    open_finished: list[Entry] = []
    differs: list[Entry] = []
    unknown: list[Entry] = []
    in_period = 0
    for key, d in here.items():
        if low <= d.received_at.date() <= high:
            in_period += 1
            if key not in there:
                missing.append(
                    Entry(
                        code=d.code,
                        dossier_id=d.id,
                        received_at=d.received_at,
                        status=d.status,
                        due_here=d.original_due_at,
                        procedure=d.procedure,
                        applicant=d.applicant,
                    )
                )
    for key, r in there.items():
        match = here.get(key)
        if match is None:
            unknown.append(
                Entry(
                    code=r.code,
                    row=r.row,
                    received_at=r.received,
                    status_there=r.status_text,
                    due_there=r.due,
                    finished_there=r.finished,
                    procedure=r.procedure,
                    applicant=r.applicant,
                )
            )
            continue
        d = match
        entry = Entry(
            code=d.code,
            dossier_id=d.id,
            row=r.row,
            received_at=d.received_at,
            status=d.status,
            status_there=r.status_text,
            due_here=d.original_due_at,
            due_there=r.due,
            finished_there=r.finished,
            procedure=d.procedure,
            applicant=d.applicant,
        )
        open_here = d.status in OPEN_STATUSES
        if not open_here and r.state is SystemState.OPEN:
            due = r.due
            if due is not None and not r.due_has_time:
                due = _end_of_day(due.date())
            left = countdown(calendar, due, now) if due is not None else None
            finished_open.append((due or datetime.max, replace(entry, countdown=left)))
        elif open_here and r.state is SystemState.FINISHED:
            open_finished.append(entry)
        # By minute where the file says the time (of this row's due: a file may have both).
        if r.due is not None and _due_differs(d.original_due_at, r.due, r.due_has_time):
            differs.append(entry)
    finished_open.sort(key=lambda pair: (pair[0], pair[1].code))
    return Reconciliation(
        file_name=file_name,
        period=period,
        rows_read=len(system.rows),
        due_has_times=system.due_has_times,
        missing_in_system=tuple(sorted(missing, key=lambda e: (e.received_at, e.code))),
        finished_here_open_there=tuple(e for _, e in finished_open),
        open_here_finished_there=tuple(sorted(open_finished, key=_by_due_here)),
        due_differs=tuple(sorted(differs, key=_by_due_here)),
        unknown_here=tuple(sorted(unknown, key=lambda e: e.row or 0)),
        unknown_statuses=system.unknown_statuses,
        duplicate_codes=system.duplicate_codes,
        desk_in_period=in_period,
    )


def _by_due_here(entry: Entry) -> tuple[datetime, str]:
    return (entry.due_here or datetime.max, entry.code)


def period_of(system: SystemList, low: date | None, high: date | None) -> tuple[date, date]:
    """The period compared: as given, else the span of receipt dates in the file."""
    span = system.received_span()
    if low is None or high is None:
        if span is None:
            raise DeskError(
                "Tệp không có cột ngày tiếp nhận đọc được: hãy chỉ rõ khoảng thời gian đối "
                "chiếu (từ ngày, đến ngày)."
            )
        low = low or span[0]
        high = high or span[1]
    if low > high:
        raise DeskError(
            "Khoảng đối chiếu sai: từ ngày {low:%d/%m/%Y} sau đến ngày {high:%d/%m/%Y}.",
            low=low,
            high=high,
        )
    return low, high


def day_bounds(period: tuple[date, date]) -> tuple[datetime, datetime]:
    """Local start of the first day and start of the day after the last."""
    return datetime.combine(period[0], time(0, 0)), datetime.combine(
        period[1] + timedelta(days=1), time(0, 0)
    )
