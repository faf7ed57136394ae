"""One reader for the spreadsheets users bring: an Excel workbook (.xlsx), an old Excel workbook
(.xls) or a text table (.csv). The catalog import (a province's procedure list) and the
reconciliation with the province's electronic one-stop system (issue 13) both read through it.

A file is hostile input until read. What it is is judged by its content, not its name: a zip
(.xlsx), an OLE compound document (.xls, or any password-protected workbook), otherwise text
when the caller accepts text (.csv). The limits (:class:`Limits`) are the caller's: a procedure
list is small, an export of the system's dossiers has a hundred thousand rows.

- **.xlsx**: at most ``max_bytes`` on disk; zip members counted, and inflated (in chunks,
  counted as they come, the headers' sizes not trusted) to at most ``max_unzipped`` in all; XML
  that declares a document type or entities is refused before openpyxl parses it (entity
  expansion bombs). Then the sheets' XML is streamed with the C parser (``iterparse``): shared
  and inline strings, numbers, booleans, cached formula values, and dates where the cell's
  number format shows one (openpyxl's helpers tell date formats and convert serials in the
  workbook's 1900 or 1904 system). openpyxl's ``read_only`` mode gives the same values (a test
  compares them) at a third of the speed: 100,000 rows in ~9 s instead of ~3 s.
- **.xls**: ``xlrd`` (2.x reads only the old binary format). Date cells become ``datetime``
  through the workbook's date mode (1900 or 1904). A file xlrd cannot read (a
  password-protected workbook is an OLE file too) is refused with what to do.
- **.csv**: UTF-8 (with or without the byte order mark Excel writes), UTF-16 when it starts
  with its byte order mark (Excel's "Unicode Text"), otherwise Windows-1258 (the Vietnamese
  Windows code page that older exports use); text is normalised to NFC (Windows-1258 spells
  some letters with combining marks). The delimiter is whichever of ``,`` ``;`` and tab splits
  the first lines into the most columns. Empty cells are ``None``; every other cell is text.

Every sheet comes back as ``(name, [(row number, cell values), …])``, rows without any value
left out, numbered as the user sees them (Excel's row numbers, the text's line of the record).
Every refusal is a :class:`DeskError` in Vietnamese naming the file and the reason.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from mohao_desk.domain.errors import DeskError, Phrase
from mohao_desk.domain.text import group_digits, nfc
from mohao_desk.domain.user_files import read_user_file

Row = tuple[int, tuple[Any, ...]]  # (row number as the user sees it, cell values)
Sheet = tuple[str, list[Row]]  # (sheet name, its rows with at least one value)

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and any password-protected workbook
_XML_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY")
_CHUNK = 2**16
_CSV_DELIMITERS = (",", ";", "\t")
_SNIFF_LINES = 30


@dataclass(frozen=True)
class Limits:
    """How much of a spreadsheet is read before it is refused as too big."""

    max_bytes: int
    max_unzipped: int
    max_members: int = 1000
    max_sheets: int = 30
    max_rows: int = 10_000
    max_columns: int = 60


def kind_of(raw: bytes) -> str:
    """What the bytes are: "xlsx" (a zip), "xls" (an OLE compound document) or "text"."""
    if raw.startswith(ZIP_MAGIC):
        return "xlsx"
    if raw.startswith(OLE_MAGIC):
        return "xls"
    return "text"


def read_raw(path: Path, limits: Limits, what: Phrase) -> bytes:
    """The file's bytes, at most ``limits.max_bytes`` (a device or FIFO is refused unread)."""
    return read_user_file(path, limits.max_bytes, what)


def read_sheets(
    path: Path, limits: Limits, what: Phrase, *, text: bool = True, raw: bytes | None = None
) -> list[Sheet]:
    """Every sheet of the spreadsheet at ``path`` (or of its ``raw`` bytes, already read), all
    or nothing. ``text``: a file that is neither a zip nor an OLE document is read as CSV;
    otherwise it is refused as not a workbook."""
    path = Path(path)
    if raw is None:
        raw = read_raw(path, limits, what)
    kind = kind_of(raw)
    if kind == "xlsx":
        return xlsx_sheets(path, raw, limits)
    if kind == "xls":
        return xls_sheets(path, raw, limits)
    if not text or path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        # named as a workbook but not one: no guessing it is a text table
        raise DeskError("Tệp '{path}' không phải tệp Excel (.xlsx) đọc được.", path=path)
    return csv_sheets(path, raw, limits)


# ------------------------------------------------------------------ .xlsx


def check_zip(path: Path, raw: bytes, limits: Limits) -> None:
    """Refuse a damaged zip, a zip bomb, a zip that is not a workbook, and XML with a
    document type or entities, before openpyxl sees the file."""
    damaged = DeskError("Tệp Excel '{path}' bị hỏng, không đọc được.", path=path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise damaged from None
    with archive:
        members = archive.infolist()
        if len(members) > limits.max_members:
            raise DeskError(
                "Tệp Excel '{path}' có quá nhiều phần ({count}): không phải một bảng tính "
                "thông thường.",
                path=path,
                count=group_digits(len(members)),
            )
        if "xl/workbook.xml" not in archive.namelist():
            raise DeskError("Tệp '{path}' không phải tệp Excel (.xlsx) đọc được.", path=path)
        too_big = DeskError(
            "Tệp Excel '{path}' khi giải nén quá lớn (hơn {limit} byte): không đọc.",
            path=path,
            limit=group_digits(limits.max_unzipped),
        )
        if sum(member.file_size for member in members) > limits.max_unzipped:
            raise too_big
        total = 0
        for member in members:
            if member.is_dir():
                continue
            tail = b""
            try:
                with archive.open(member) as stream:
                    while chunk := stream.read(_CHUNK):
                        total += len(chunk)
                        if total > limits.max_unzipped:
                            raise too_big
                        window = tail + chunk
                        if any(d in window for d in _XML_DECLARATIONS):
                            raise DeskError(
                                "Tệp Excel '{path}' có khai báo DOCTYPE/ENTITY trong XML (dấu "
                                "hiệu tệp độc hại): không đọc.",
                                path=path,
                            )
                        tail = window[-16:]
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError):
                raise damaged from None
            except RuntimeError:  # an encrypted member
                raise damaged from None


def _too_many_sheets(path: Path, count: int, limits: Limits) -> DeskError:
    return DeskError(
        "Tệp Excel '{path}' có quá nhiều trang ({count}, tối đa {limit}).",
        path=path,
        count=count,
        limit=limits.max_sheets,
    )


def _too_many_rows(path: Path, sheet: str, limits: Limits) -> DeskError:
    return DeskError(
        "Trang '{sheet}' của tệp '{path}' có quá nhiều dòng (tối đa {limit}).",
        sheet=sheet,
        path=path,
        limit=group_digits(limits.max_rows),
    )


def xlsx_sheets(path: Path, raw: bytes, limits: Limits) -> list[Sheet]:
    """The sheets of an .xlsx workbook (checked by :func:`check_zip` first), read by
    :func:`_stream_sheets`."""
    check_zip(path, raw, limits)
    damaged = DeskError("Tệp Excel '{path}' bị hỏng, không đọc được.", path=path)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return _stream_sheets(path, archive, limits)
    except DeskError:
        raise
    except Exception:  # the XML parser and the conversions raise many kinds on a broken file
        raise damaged from None


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL, _ROW, _VALUE, _TEXT = _MAIN + "c", _MAIN + "row", _MAIN + "v", _MAIN + "t"
_INLINE, _RUN, _SI = _MAIN + "is", _MAIN + "r", _MAIN + "si"
_COLUMN = re.compile(r"[A-Z]+")


def _member(archive: zipfile.ZipFile, name: str) -> str | None:
    """A member's name as the archive spells it (paths in relationships may differ in case
    or start with "/")."""
    name = name.lstrip("/")
    names = {n.lower(): n for n in archive.namelist()}
    return names.get(name.lower())


def _text_of(element: Any) -> str:
    """The text of a shared or inline string: its <t>, or the <t> of its rich-text runs;
    phonetic guides (<rPh>) left out."""
    parts = []
    for child in element:
        if child.tag == _TEXT:
            parts.append(child.text or "")
        elif child.tag == _RUN:
            t = child.find(_TEXT)
            if t is not None:
                parts.append(t.text or "")
    return "".join(parts)


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    from xml.etree.ElementTree import iterparse

    name = _member(archive, "xl/sharedStrings.xml")
    if name is None:
        return []
    strings: list[str] = []
    with archive.open(name) as stream:
        for _event, element in iterparse(stream):
            if element.tag == _SI:
                strings.append(_text_of(element))
                element.clear()
    return strings


def _date_styles(archive: zipfile.ZipFile) -> frozenset[int]:
    """The cell style indices whose number format shows a date or a time."""
    from xml.etree.ElementTree import fromstring

    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

    name = _member(archive, "xl/styles.xml")
    if name is None:
        return frozenset()
    root = fromstring(archive.read(name))
    formats: dict[int, str] = dict(BUILTIN_FORMATS)
    custom = root.find(_MAIN + "numFmts")
    if custom is not None:
        for fmt in custom:
            formats[int(fmt.get("numFmtId", "-1"))] = fmt.get("formatCode", "")
    xfs = root.find(_MAIN + "cellXfs")
    dates = set()
    if xfs is not None:
        for index, xf in enumerate(xfs):
            number = int(xf.get("numFmtId", "0"))
            if 14 <= number <= 22 or 45 <= number <= 47 or is_date_format(formats.get(number)):
                dates.add(index)
    return frozenset(dates)


def _sheet_parts(archive: zipfile.ZipFile) -> tuple[list[tuple[str, str]], bool]:
    """The worksheets (name, member) in workbook order, and whether dates count from 1904."""
    from xml.etree.ElementTree import fromstring

    book = fromstring(archive.read(_member(archive, "xl/workbook.xml") or "xl/workbook.xml"))
    properties = book.find(_MAIN + "workbookPr")
    date1904 = properties is not None and properties.get("date1904", "0") in ("1", "true")
    rels_name = _member(archive, "xl/_rels/workbook.xml.rels")
    targets: dict[str, str] = {}
    if rels_name is not None:
        for rel in fromstring(archive.read(rels_name)).iter(_PACKAGE_REL + "Relationship"):
            if rel.get("Type", "").endswith("/worksheet"):
                target = rel.get("Target", "")
                target = target.lstrip("/") if target.startswith("/") else "xl/" + target
                targets[rel.get("Id", "")] = target
    sheets = []
    for sheet in book.iter(_MAIN + "sheet"):
        found = targets.get(sheet.get(_REL + "id", ""))
        if found is None:
            continue  # a chart sheet or a macro sheet
        member = _member(archive, found)
        if member is not None:
            sheets.append((sheet.get("name", ""), member))
    return sheets, date1904


def _stream_sheets(path: Path, archive: zipfile.ZipFile, limits: Limits) -> list[Sheet]:
    """Every worksheet's rows, streamed from its XML with the C parser (``iterparse``; the
    entities were refused by :func:`check_zip`): shared strings, inline strings, numbers,
    booleans, cached formula values, and dates where the cell's style shows a date (the
    workbook's 1900 or 1904 date system). openpyxl's read-only mode reads the same values at a
    third of the speed (docs/performance.md, issue 13); its helpers tell date formats."""
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel

    parts, date1904 = _sheet_parts(archive)
    if len(parts) > limits.max_sheets:
        raise _too_many_sheets(path, len(parts), limits)
    strings = _shared_strings(archive)
    dates = _date_styles(archive)
    epoch = MAC_EPOCH if date1904 else WINDOWS_EPOCH
    max_columns, max_rows = limits.max_columns, limits.max_rows
    column_of: dict[str, int] = {}
    sheets: list[Sheet] = []
    for name, member in parts:
        rows: list[Row] = []
        previous = 0
        with archive.open(member) as stream:
            for _event, element in iterparse(stream):
                if element.tag != _ROW:
                    continue
                number = int(element.get("r") or previous + 1)
                previous = number
                values: dict[int, Any] = {}
                position = -1
                for cell in element.iter(_CELL):
                    ref = cell.get("r")
                    if ref:
                        letters = _COLUMN.match(ref)
                        key = letters.group(0) if letters else ""
                        column = column_of.get(key)
                        if column is None:
                            column = column_of[key] = _column_number(key)
                        position = column
                    else:
                        position += 1
                    if position >= max_columns:
                        continue
                    kind = cell.get("t", "n")
                    if kind == "inlineStr":
                        inline = cell.find(_INLINE)
                        value: Any = _text_of(inline) if inline is not None else None
                    else:
                        v = cell.find(_VALUE)
                        text = v.text if v is not None else None
                        if text is None:
                            continue
                        if kind == "s":
                            value = strings[int(text)]
                        elif kind == "n":
                            # as openpyxl casts: a float when written with a point or exponent
                            is_float = "." in text or "E" in text or "e" in text
                            value = float(text) if is_float else int(text)
                            style = cell.get("s")
                            if style is not None and int(style) in dates:
                                # not a date after all: the number stays, the reader says so
                                with contextlib.suppress(OverflowError, ValueError):
                                    value = from_excel(value, epoch)
                        elif kind == "b":
                            value = text.strip() in ("1", "true")
                        elif kind == "e":
                            value = None
                        elif kind == "d":
                            value = datetime.fromisoformat(text.rstrip("Z"))
                        else:  # "str": a formula's text
                            value = text
                    if value is not None and value != "":
                        values[position] = value
                element.clear()
                if not values:
                    continue
                if number > max_rows:
                    raise _too_many_rows(path, name, limits)
                width = max(values) + 1
                rows.append((number, tuple(values.get(i) for i in range(width))))
        sheets.append((name, rows))
    return sheets


def _column_number(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1


def _trimmed(cells: tuple[Any, ...]) -> tuple[Any, ...]:
    """The cells without the empty ones at the end (read-only openpyxl pads to ``max_col``)."""
    end = len(cells)
    while end and cells[end - 1] is None:
        end -= 1
    return cells[:end]


# ------------------------------------------------------------------ .xls


def _unreadable_ole(path: Path) -> DeskError:
    return DeskError(
        "Tệp '{path}' là bảng tính Excel dạng cũ (.xls) hoặc có đặt mật khẩu: hãy mở bằng "
        "Excel và lưu lại dạng .xlsx, không đặt mật khẩu.",
        path=path,
    )


def xls_sheets(path: Path, raw: bytes, limits: Limits) -> list[Sheet]:
    """The sheets of an old .xls workbook, read by xlrd; dates through the workbook's mode."""
    try:
        import xlrd
    except ImportError:  # an installation without it: say what the user can do
        raise _unreadable_ole(path) from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = xlrd.open_workbook(
                file_contents=raw, on_demand=True, logfile=io.StringIO(), formatting_info=False
            )
    except Exception:  # not a workbook inside the OLE file (encrypted .xlsx), or broken
        raise _unreadable_ole(path) from None
    sheets: list[Sheet] = []
    try:
        if book.nsheets > limits.max_sheets:
            raise _too_many_sheets(path, book.nsheets, limits)
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            if sheet.nrows > limits.max_rows:
                raise _too_many_rows(path, str(sheet.name), limits)
            columns = min(sheet.ncols, limits.max_columns)
            rows: list[Row] = []
            for r in range(sheet.nrows):
                cells = tuple(
                    _xls_value(sheet.cell_type(r, c), sheet.cell_value(r, c), book.datemode)
                    for c in range(min(columns, sheet.row_len(r)))
                )
                if any(v is not None for v in cells):
                    rows.append((r + 1, cells))
            sheets.append((str(sheet.name), rows))
            book.unload_sheet(index)
    except DeskError:
        raise
    except Exception:
        raise DeskError("Tệp Excel '{path}' bị hỏng, không đọc được.", path=path) from None
    finally:
        book.release_resources()
    return sheets


def _xls_value(kind: int, value: Any, datemode: int) -> Any:
    import xlrd

    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    if kind == xlrd.XL_CELL_DATE:
        try:
            moment: datetime = xlrd.xldate.xldate_as_datetime(value, datemode)
        except (xlrd.xldate.XLDateError, ValueError, OverflowError):
            return value  # the number as written: the reader says it is not a date
        return moment
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(value)
    if kind == xlrd.XL_CELL_TEXT:
        return value if value.strip() else None
    return value


# ------------------------------------------------------------------ .csv


def decode_text(raw: bytes) -> str:
    """Text of a CSV file: UTF-8 (BOM or not), UTF-16 with its BOM, else Windows-1258; NFC."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return nfc(raw.decode("utf-16"))
        except UnicodeDecodeError:
            pass
    try:
        return nfc(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return nfc(raw.decode("cp1258", errors="replace"))


def sniff_delimiter(text: str) -> str:
    """Which of ``,`` ``;`` and tab splits the first lines into the most columns (the header
    row is the widest of them; title rows above it have one or two cells)."""
    head = "\n".join(text.splitlines()[:_SNIFF_LINES])
    best, widest = _CSV_DELIMITERS[0], 0
    for delimiter in _CSV_DELIMITERS:
        try:
            width = max((len(r) for r in csv.reader(io.StringIO(head), delimiter=delimiter)),
                        default=0)  # fmt: skip
        except csv.Error:
            continue
        if width > widest:
            best, widest = delimiter, width
    return best


def csv_sheets(path: Path, raw: bytes, limits: Limits) -> list[Sheet]:
    """The one sheet of a CSV file (named after the file)."""
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DeskError(
            "Tệp '{path}' không phải bảng tính đọc được (cần tệp Excel .xlsx, .xls hoặc tệp "
            "văn bản .csv).",
            path=path,
        )
    text = decode_text(raw)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    rows: list[Row] = []
    try:
        for record in _records(reader):
            number, fields = record
            if number > limits.max_rows:
                raise _too_many_rows(path, path.name, limits)
            cells = tuple(f.strip() or None for f in fields[: limits.max_columns])
            if any(v is not None for v in cells):
                rows.append((number, cells))
    except csv.Error:
        raise DeskError(
            "Tệp '{path}' không phải bảng tính đọc được (dòng {row} sai định dạng CSV).",
            path=path,
            row=reader.line_num,
        ) from None
    return [(path.name, rows)]


def _records(reader: Any) -> Iterator[tuple[int, list[str]]]:
    """Each record and the line it starts on."""
    start = 1
    for fields in reader:
        yield start, fields
        start = reader.line_num + 1
