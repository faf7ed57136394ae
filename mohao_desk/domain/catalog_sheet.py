"""A province's published procedure list (Quyết định công bố danh mục TTHC, an Excel workbook)
read from its cells, and what importing a list would change in the catalog.

No workbook library here: the service hands over each sheet as ``(Excel row number, cell
values)`` pairs; this module finds the header under the title rows, follows the field section
rows (a merged "I. LĨNH VỰC HỘ TỊCH" above its procedures), reads the free-text processing times
("03 ngày làm việc", "Trong ngày; … sau 15 giờ …", "1 tháng") and rejects the whole list at the
first wrong row, naming it. :func:`catalog_changes` compares a list with the current catalog:
added, changed (with the fields that differ), unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Any

from mohao_desk.domain.catalog import Procedure
from mohao_desk.domain.deadline import DEFAULT_CUTOFF, ProcessingTime, TimeUnit
from mohao_desk.domain.errors import DeskError, Phrase
from mohao_desk.domain.text import fold, nfc

# The header is looked for in the first rows of a sheet (title rows come above it).
HEADER_SEARCH_ROWS = 30
MAX_CODE_LENGTH = 40  # the store's column
MAX_TEXT_LENGTH = 4000
FEE_PREFIX = "Phí, lệ phí: "

NUMBER, CODE, NAME, FIELD, TIME, UNIT, FEES, BASIS, NOTE = (
    "number", "code", "name", "field", "time", "unit", "fees", "basis", "note"
)  # fmt: skip


def _role(header: str) -> str | None:
    """The column a header cell names, from the usual words of the decisions (folded)."""
    h = fold(header).replace(",", " ").replace("/", " ")
    h = " ".join(h.split())
    if not h:
        return None
    if h in ("stt", "tt", "so tt", "so thu tu"):
        return NUMBER
    if h == "ma" or h.startswith(("ma tthc", "ma so", "ma thu tuc", "ma ho so", "so ho so")):
        return CODE
    if "ten thu tuc" in h or "ten tthc" in h or h.startswith("thu tuc hanh chinh"):
        return NAME
    if h.startswith("linh vuc") and "thu tuc" in h:
        return NAME  # "Lĩnh vực, thủ tục hành chính": the name column of the older lists
    if h in ("linh vuc", "ten linh vuc", "linh vuc thuc hien", "linh vuc tthc"):
        return FIELD  # not "Lĩnh vực Hộ tịch": that is a section row
    if h.startswith(("thoi han", "thoi gian giai quyet", "thoi gian thuc hien")):
        return TIME
    if h in ("don vi", "don vi tinh", "don vi thoi gian", "don vi thoi han"):
        return UNIT
    if h.startswith(("phi", "le phi", "muc phi", "muc thu")):
        return FEES
    if h.startswith("can cu"):
        return BASIS
    if h.startswith("ghi chu"):
        return NOTE
    return None


# ------------------------------------------------------------------ processing-time text

_UNITS = {
    "ngay lam viec": TimeUnit.WORKING_DAYS,
    "ngay": TimeUnit.CALENDAR_DAYS,
    "gio lam viec": TimeUnit.WORKING_HOURS,
    "gio": TimeUnit.WORKING_HOURS,
    "thang": TimeUnit.MONTHS,
}
# "02 (hai) ngày": the number, an optional spelled-out copy, the unit.
_SPELLED = re.compile(r"(\d+) ?\([^)]*\) ?(?=ngay|gio|thang)")
_PARENTHESES = re.compile(r"\([^)]*\)")
# The number with whatever is glued to it ("-3", "1/2", "05-07", "3,5"), so that a negative,
# a fraction or a range is refused instead of read as its last digits.
_DURATION = re.compile(
    r"((?:\d+ ?[-–/] ?|[-–])?\d+(?:[.,/]\d+)?) ?(ngay lam viec|ngay|gio lam viec|gio|thang)\b"
)
# "sau 15 giờ", "sau 15 giờ 30", "sau 03 giờ chiều", "sau 15h"
_CUTOFF = re.compile(r"sau (\d{1,2}) ?(?:gio|h)\b(?: ?(\d{1,2}) ?(?:phut)?\b)?( chieu)?")
_SAME_DAY = re.compile(r"\btrong ngay\b")
_SEGMENTS = re.compile(r";|\n|\.(?=\s|$)|(?=\btruong hop\b)|(?=\bneu\b)")


def _duration(number: str, unit: str, text: str) -> ProcessingTime:
    if not number.isdigit():
        raise DeskError(
            "Thời hạn giải quyết '{text}' không phải một số nguyên dương (ví dụ 03 ngày làm "
            "việc): không nhận số âm, phân số, số thập phân hay khoảng thời hạn.",
            text=text,
        )
    return ProcessingTime(int(number), _UNITS[unit])


def parse_time_text(text: str) -> tuple[ProcessingTime, ProcessingTime | None]:
    """A processing time written as the decisions write it, and the time when verification is
    needed ("trường hợp cần xác minh … không quá 08 ngày làm việc"), if the text gives one.

    "03 ngày làm việc" → 3 working days; "10 ngày" → 10 calendar days; "1 tháng" → 1 month;
    "04 giờ làm việc" (or "04 giờ") → 4 working hours; "Trong ngày" and "Ngay trong ngày …;
    trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo" → same day
    with that cut-off (15:00 when none is written). A time "kéo dài thêm" by verification is
    added to the main one. Text with no time in it, or with two different main times, is
    refused: the list must say one time per procedure."""
    raw = " ".join(nfc(text).split())
    if not raw:
        raise DeskError("Thiếu thời hạn giải quyết.")
    folded = _SPELLED.sub(r"\1 ", fold(text.replace("\n", "; ")))
    folded = _PARENTHESES.sub(" ", folded)
    main: set[ProcessingTime] = set()
    extra: list[tuple[ProcessingTime, bool]] = []  # (time, "thêm": added to the main one)
    same_day = False
    cutoff = DEFAULT_CUTOFF
    for segment in _SEGMENTS.split(folded):
        for match in _CUTOFF.finditer(segment):
            hour, minute = int(match.group(1)), int(match.group(2) or 0)
            if match.group(3) and hour < 12:
                hour += 12
            if hour > 23 or minute > 59:
                raise DeskError("Giờ tiếp nhận trong thời hạn '{text}' không hợp lệ.", text=raw)
            cutoff = time(hour, minute)
        segment = _CUTOFF.sub(" ", segment)
        durations = [_duration(n, u, raw) for n, u in _DURATION.findall(segment)]
        if "xac minh" in segment or "keo dai" in segment:
            extra.extend((d, "them" in segment.split()) for d in durations)
            continue
        main.update(durations)
        if _SAME_DAY.search(segment):
            same_day = True
    if same_day and not main:
        main.add(ProcessingTime(0, TimeUnit.SAME_DAY, cutoff))
    if not main:
        raise DeskError(
            "Không hiểu thời hạn giải quyết '{text}' (cần dạng '03 ngày làm việc', "
            "'10 ngày', '1 tháng', '04 giờ làm việc' hoặc 'Trong ngày').",
            text=raw,
        )
    if len(main) > 1 or (same_day and next(iter(main)).unit is not TimeUnit.SAME_DAY):
        raise DeskError(
            "Thời hạn giải quyết '{text}' có nhiều thời hạn khác nhau: danh mục phải ghi "
            "một thời hạn cho mỗi thủ tục.",
            text=raw,
        )
    period = main.pop()
    verification = None
    if extra:
        longer, added = extra[0]
        if added and longer.unit is period.unit:
            verification = ProcessingTime(period.value + longer.value, period.unit)
        else:
            verification = longer
    return period, verification


# ------------------------------------------------------------------ cells


def cell_text(value: Any) -> str:
    """A cell as text: NFC, spaces collapsed, lines joined with "; " (list markers dropped),
    whole numbers without ".0", dates as dd/mm/yyyy."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime | date):
        return f"{value:%d/%m/%Y}"
    lines = (" ".join(line.split()).strip("-+•* ") for line in nfc(str(value)).splitlines())
    return "; ".join(line for line in lines if line)


# A national code, "1.001193"; a province's full symbol of it, "1.001193.000.00.00.H37".
_FULL_SYMBOL = re.compile(r"^(\d\.\d{6})\.000\.00\.00\.[A-Z]\d{2}$")
_CODE_CHARS = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]*$")


def code_text(value: Any) -> str:
    """The procedure code of a cell. A code typed as a number loses its trailing zeros in Excel
    (2.000630 shows as 2.00063): a number below 10 is written back with six decimals."""
    if isinstance(value, float) and 0 < value < 10 and not value.is_integer():
        return f"{value:.6f}"
    text = cell_text(value)
    full = _FULL_SYMBOL.match(text)
    return full.group(1) if full else text


# ------------------------------------------------------------------ rows and sheets


@dataclass(frozen=True)
class SheetRow:
    """One procedure of a published list. ``basis`` and ``note`` are ``None`` when the list
    says nothing about them (no such column, or an empty cell): the catalog keeps its own."""

    code: str
    name: str
    field: str
    time: ProcessingTime
    verification_time: ProcessingTime | None
    basis: str | None
    note: str | None
    sheet: str
    row: int


_NUMBER_ROW = re.compile(r"^\(?\d{1,2}\)?(?:\s*=.*)?$")
_LEADING_NUMBER = re.compile(r"^(?:[IVXLC]+|[A-Z]|\d+(?:\.\d+)*)\s*[.):/\-–]\s*|^[IVXLC]+\s+")
_TRAILING_COUNT = re.compile(r"\s*\(\s*\d+\s*(?:thủ tục|TTHC)[^)]*\)\s*$", re.IGNORECASE)


def _section_field(text: str) -> str | None:
    """The field a section row opens ("I. LĨNH VỰC HỘ TỊCH" → "Hộ tịch"), or ``None`` for a
    heading that is not a field ("A. THỦ TỤC HÀNH CHÍNH CẤP XÃ", "PHẦN I. DANH MỤC …")."""
    rest = _TRAILING_COUNT.sub("", _LEADING_NUMBER.sub("", text.strip())).strip(" .:-–")
    words = rest.split()
    if fold(" ".join(words[:2])) == "linh vuc":
        rest = " ".join(words[2:]).strip(" .:-–")
    else:
        key = fold(rest)
        if "thu tuc hanh chinh" in key or key.startswith(("phan ", "danh muc", "tthc")):
            return None
    if not rest or len(rest) > 200:
        return None
    if rest == rest.upper() and any(ch.isalpha() for ch in rest):
        rest = rest[0] + rest[1:].lower()  # "HỘ TỊCH" → "Hộ tịch"
    return rest


def _where(sheet: str, row: int, sheets: int) -> Phrase:
    if sheets > 1:
        return Phrase("Trang '{sheet}', dòng {row}", sheet=sheet, row=row)
    return Phrase("Dòng {row}", row=row)


def _find_header(rows: Sequence[tuple[int, Sequence[Any]]]) -> tuple[int, dict[str, int]] | None:
    """The index (in ``rows``) of the header row and the column of each role it names; a second
    header row right under it fills the roles the first one lacks."""
    for i, (_number, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        roles: dict[str, int] = {}
        for column, value in enumerate(cells):
            role = _role(cell_text(value)) if isinstance(value, str) else None
            if role is not None and role not in roles:
                roles[role] = column
        if CODE in roles and NAME in roles:
            if i + 1 < len(rows):
                for column, value in enumerate(rows[i + 1][1]):
                    role = _role(cell_text(value)) if isinstance(value, str) else None
                    if role is not None and role not in roles:
                        roles[role] = column
            return i, roles
    return None


Rows = Sequence[tuple[int, Sequence[Any]]]  # (Excel row number, cell values) of a sheet


def read_sheets(sheets: Sequence[tuple[str, Rows]]) -> list[SheetRow]:
    """The procedures of a workbook's sheets (each a name and its ``(row number, cells)``),
    all or nothing. Sheets without a header row (a cover page) are skipped."""
    found = [(name, rows, _find_header(rows)) for name, rows in sheets]
    with_header = [(name, rows, header) for name, rows, header in found if header is not None]
    if not with_header:
        raise DeskError(
            "Không tìm thấy dòng tiêu đề của danh mục trong {rows} dòng đầu (cần có cột 'Mã "
            "TTHC' hoặc 'Mã số' và cột 'Tên thủ tục hành chính').",
            rows=HEADER_SEARCH_ROWS,
        )
    result: list[SheetRow] = []
    seen: dict[str, Phrase] = {}
    for name, rows, (start, roles) in with_header:
        sheet_rows = _read_sheet(name, rows[start + 1 :], roles, len(with_header), seen)
        result.extend(sheet_rows)
    if not result:
        raise DeskError("Tệp danh mục không có thủ tục nào dưới dòng tiêu đề.")
    return result


def _read_sheet(
    sheet: str,
    rows: Sequence[tuple[int, Sequence[Any]]],
    roles: Mapping[str, int],
    sheets: int,
    seen: dict[str, Phrase],
) -> list[SheetRow]:
    def cell(cells: Sequence[Any], role: str) -> Any:
        column = roles.get(role)
        return cells[column] if column is not None and column < len(cells) else None

    result: list[SheetRow] = []
    current_field: str | None = None
    for number, cells in rows:
        where = _where(sheet, number, sheets)
        texts = [cell_text(v) for v in cells]
        filled = [t for t in texts if t]
        if not filled:
            continue
        if all(_NUMBER_ROW.match(t) for t in filled):
            continue  # the column numbers (1) (2) (3) under the header
        if all(_role(t) is not None for t in filled):
            continue  # a second header row
        code = code_text(cell(cells, CODE))
        time_text = cell_text(cell(cells, TIME))
        unit_text = cell_text(cell(cells, UNIT))
        name = cell_text(cell(cells, NAME))
        numbered = cell_text(cell(cells, NUMBER)).isdigit()  # a procedure's number, not "I"
        if not code and not time_text and (not numbered or fold(name).startswith("linh vuc")):
            current_field = _section_field(max(filled, key=len))
            continue
        if not code and not name:
            raise DeskError("{where}: thiếu mã và tên thủ tục.", where=where)
        if not code:
            raise DeskError("{where}: thiếu mã của thủ tục '{name}'.", where=where, name=name)
        if not _CODE_CHARS.match(code) or len(code) > MAX_CODE_LENGTH:
            raise DeskError("{where}: mã thủ tục '{code}' không hợp lệ.", where=where, code=code)
        if not name:
            raise DeskError("{where}: thiếu tên thủ tục (mã {code}).", where=where, code=code)
        if code in seen:
            raise DeskError(
                "{where}: mã thủ tục {code} trùng với {other}.",
                where=where,
                code=code,
                other=seen[code],
            )
        seen[code] = where
        field = cell_text(cell(cells, FIELD)) or current_field
        if not field:
            raise DeskError(
                "{where}: không rõ lĩnh vực của thủ tục {code} (không có cột 'Lĩnh vực' và "
                "không có dòng lĩnh vực phía trên).",
                where=where,
                code=code,
            )
        if unit_text and time_text and not fold(time_text).endswith(fold(unit_text)):
            time_text = f"{time_text} {unit_text}"
        try:
            period, verification = parse_time_text(time_text)
        except DeskError as exc:
            raise DeskError("{where}: {error}", where=where, error=Phrase.of(exc)) from None
        fees = cell_text(cell(cells, FEES))
        note_parts = [cell_text(cell(cells, NOTE)), FEE_PREFIX + fees if fees else ""]
        note = "\n".join(p for p in note_parts if p) or None
        basis = cell_text(cell(cells, BASIS)) or None
        for key, value in (("name", name), ("field", field), ("basis", basis), ("note", note)):
            if value is not None and len(value) > MAX_TEXT_LENGTH:
                raise DeskError(
                    "{where}: ô '{column}' quá dài.", where=where, column=FIELD_LABELS[key]
                )
        result.append(SheetRow(code, name, field, period, verification, basis, note, sheet, number))
    return result


def merge(existing: Procedure | None, row: SheetRow) -> Procedure:
    """The catalog entry a list row makes: the list's name, field and times; its basis and note
    (fees) when it gives them, the catalog's otherwise; the catalog's components (a list has
    none)."""
    if existing is None:
        return Procedure(
            code=row.code,
            name=row.name,
            field=row.field,
            time=row.time,
            basis=row.basis or "",
            verification_time=row.verification_time,
            note=row.note or "",
        )
    return replace(
        existing,
        name=row.name,
        field=row.field,
        time=row.time,
        verification_time=row.verification_time,
        basis=existing.basis if row.basis is None else row.basis,
        note=existing.note if row.note is None else merge_note(existing.note, row.note),
    )


# Lines of a note that a province's list replaces: its fees, and the "unsure" mark of a built-in
# row (the province's decision is itself an official source).
_REPLACED_NOTE_LINES = ("phi, le phi:", "chua chac chan:")


def merge_note(before: str, fees: str) -> str:
    """The catalog's note with the list's fee line in place of the old one: the officer's own
    lines (a local remark, a verification rule) are kept."""
    kept = [
        line
        for line in before.splitlines()
        if line.strip() and not fold(line.strip()).startswith(_REPLACED_NOTE_LINES)
    ]
    return "\n".join([*kept, fees] if fees else kept)


# ------------------------------------------------------------------ what would change

FIELDS = ("name", "field", "time", "verification_time", "basis", "note", "components")
FIELD_LABELS = {
    "name": "Tên thủ tục",
    "field": "Lĩnh vực",
    "time": "Thời hạn giải quyết",
    "verification_time": "Thời hạn khi cần xác minh",
    "basis": "Căn cứ pháp lý",
    "note": "Ghi chú, phí, lệ phí",
    "components": "Thành phần hồ sơ",
}


@dataclass(frozen=True)
class FieldChange:
    key: str  # one of FIELDS
    before: Any
    after: Any

    @property
    def label(self) -> str:
        return FIELD_LABELS[self.key]


@dataclass(frozen=True)
class ProcedureChange:
    before: Procedure
    after: Procedure
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class CatalogChanges:
    """What importing a list would do: new procedures, changed ones, the ones left as they are."""

    added: tuple[Procedure, ...]
    changed: tuple[ProcedureChange, ...]
    unchanged: tuple[Procedure, ...]

    @property
    def writes(self) -> tuple[Procedure, ...]:
        """The procedures to write (added and changed), in the list's order."""
        return self.added + tuple(c.after for c in self.changed)

    @property
    def empty(self) -> bool:
        return not self.added and not self.changed


def catalog_changes(
    current: Mapping[str, Procedure], incoming: Iterable[Procedure]
) -> CatalogChanges:
    added: list[Procedure] = []
    changed: list[ProcedureChange] = []
    unchanged: list[Procedure] = []
    for after in incoming:
        before = current.get(after.code)
        if before is None:
            added.append(after)
            continue
        fields = tuple(
            FieldChange(key, getattr(before, key), getattr(after, key))
            for key in FIELDS
            if getattr(before, key) != getattr(after, key)
        )
        if fields:
            changed.append(ProcedureChange(before, after, fields))
        else:
            unchanged.append(after)
    return CatalogChanges(tuple(added), tuple(changed), tuple(unchanged))


def describe_value(key: str, value: Any) -> str:
    """A field's value in words (the command line's preview; the window has its own)."""
    if value is None:
        return "(không có)"
    if key in ("time", "verification_time"):
        return str(value.describe())
    if key == "components":
        return f"{len(value)} thành phần"
    text = " ".join(str(value).split())
    return text if text else "(trống)"
