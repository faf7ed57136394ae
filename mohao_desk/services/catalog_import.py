"""Importing a procedure catalog file: a catalog JSON (the program's own format) or a province's
published list as an Excel workbook (.xlsx), previewed before it is applied.

:func:`preview_catalog` reads and checks the whole file, then compares it with the catalog
(added / changed with the fields that differ / unchanged) without writing anything;
:func:`apply_catalog` writes exactly what was previewed, in one transaction, and refuses if the
catalog changed since the preview. A file that fails any check is refused whole.

Workbooks are hostile input until read: the file is at most :data:`MAX_CATALOG_BYTES`; its zip
members are counted, and inflated (in chunks, sizes counted as they come, the headers' sizes
not trusted) to at most :data:`MAX_UNZIPPED_BYTES` in all, and any XML that declares a
document type or entities is refused before openpyxl parses it (entity expansion bombs). Then
openpyxl reads it in ``read_only`` mode (rows streamed, no styles kept, cached formula values),
at most :data:`MAX_SHEETS` sheets, :data:`MAX_ROWS` rows and :data:`MAX_COLUMNS` columns each.
"""

from __future__ import annotations

import io
import json
import sys
import warnings
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mohao_desk.domain.catalog import Procedure, parse_catalog
from mohao_desk.domain.catalog_sheet import CatalogChanges, catalog_changes, merge, read_sheets
from mohao_desk.domain.errors import DeskError, Phrase
from mohao_desk.domain.roles import Operation
from mohao_desk.domain.text import group_digits
from mohao_desk.domain.user_files import read_user_file
from mohao_desk.services import authority
from mohao_desk.store import queries as q
from mohao_desk.store.db import Database

MAX_CATALOG_BYTES = 5 * 2**20
MAX_UNZIPPED_BYTES = 64 * 2**20
MAX_MEMBERS = 1000
MAX_SHEETS = 30
MAX_ROWS = 10_000
MAX_COLUMNS = 60
_CHUNK = 2**16
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and any password-protected workbook
_XML_DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY")


@dataclass(frozen=True)
class CatalogPreview:
    """What importing ``file_name`` would change; :func:`apply_catalog` writes it."""

    file_name: str
    kind: str  # "json" or "xlsx"
    changes: CatalogChanges

    @property
    def count(self) -> int:
        """Procedures the import writes (added and changed)."""
        return len(self.changes.writes)


def read_file(path: Path) -> tuple[str, bytes]:
    """The file's bytes and what it is ("json" or "xlsx"), judged by its content. At most
    :data:`MAX_CATALOG_BYTES` are read (a device or FIFO is refused unread)."""
    raw = read_user_file(path, MAX_CATALOG_BYTES, Phrase("danh mục"))
    if raw.startswith(_OLE_MAGIC):
        raise DeskError(
            "Tệp '{path}' là bảng tính Excel dạng cũ (.xls) hoặc có đặt mật khẩu: hãy mở bằng "
            "Excel và lưu lại dạng .xlsx, không đặt mật khẩu.",
            path=path,
        )
    if raw.startswith(_ZIP_MAGIC):
        return "xlsx", raw
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise DeskError("Tệp '{path}' không phải tệp Excel (.xlsx) đọc được.", path=path)
    return "json", raw


def _json_procedures(path: Path, raw: bytes) -> list[Procedure]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise DeskError(
            "Tệp danh mục '{path}' không phải văn bản UTF-8 (bảng mã Unicode).", path=path
        ) from None
    except RecursionError:  # "[[[[…" thousands deep: the parser gives up, so do we
        raise DeskError(
            "Tệp danh mục '{path}' lồng nhau quá sâu (hơn {limit} cấp): không phải một danh mục.",
            path=path,
            limit=group_digits(sys.getrecursionlimit()),
        ) from None
    except json.JSONDecodeError as exc:
        # The parser's own words are English: say where the file is broken, in ours.
        raise DeskError(
            "Tệp danh mục '{path}' không đúng định dạng JSON (lỗi ở dòng {line}, cột {column}).",
            path=path,
            line=exc.lineno,
            column=exc.colno,
        ) from None
    return parse_catalog(data)


def _check_zip(path: Path, raw: bytes) -> None:
    """Refuse a damaged zip, a zip bomb, a zip that is not a workbook, and XML with a
    document type or entities, before openpyxl sees the file."""
    damaged = DeskError("Tệp Excel '{path}' bị hỏng, không đọc được.", path=path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise damaged from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise DeskError(
                "Tệp Excel '{path}' có quá nhiều phần ({count}): không phải một danh mục.",
                path=path,
                count=group_digits(len(members)),
            )
        if "xl/workbook.xml" not in archive.namelist():
            raise DeskError("Tệp '{path}' không phải tệp Excel (.xlsx) đọc được.", path=path)
        total = 0
        too_big = DeskError(
            "Tệp Excel '{path}' khi giải nén quá lớn (hơn {limit} byte): không đọc.",
            path=path,
            limit=group_digits(MAX_UNZIPPED_BYTES),
        )
        for member in members:
            total += member.file_size
            if total > MAX_UNZIPPED_BYTES:
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
                        if total > MAX_UNZIPPED_BYTES:
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


def _workbook_sheets(path: Path, raw: bytes) -> list[tuple[str, list[tuple[int, tuple[Any, ...]]]]]:
    _check_zip(path, raw)
    from openpyxl import load_workbook

    damaged = DeskError("Tệp Excel '{path}' bị hỏng, không đọc được.", path=path)
    sheets: list[tuple[str, list[tuple[int, tuple[Any, ...]]]]] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl's notes on styles and extensions
            book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True, keep_links=False)
            try:
                worksheets = book.worksheets
                if len(worksheets) > MAX_SHEETS:
                    raise DeskError(
                        "Tệp Excel '{path}' có quá nhiều trang ({count}, tối đa {limit}).",
                        path=path,
                        count=len(worksheets),
                        limit=MAX_SHEETS,
                    )
                for sheet in worksheets:
                    if not hasattr(sheet, "iter_rows"):
                        continue  # a chart sheet
                    rows: list[tuple[int, tuple[Any, ...]]] = []
                    stream = sheet.iter_rows(
                        max_row=MAX_ROWS + 1, max_col=MAX_COLUMNS, values_only=True
                    )
                    for number, cells in enumerate(stream, start=1):
                        if number > MAX_ROWS:
                            if any(v is not None for v in cells):
                                raise DeskError(
                                    "Trang '{sheet}' của tệp '{path}' có quá nhiều dòng "
                                    "(tối đa {limit}).",
                                    sheet=sheet.title,
                                    path=path,
                                    limit=group_digits(MAX_ROWS),
                                )
                            break
                        if any(v is not None for v in cells):
                            rows.append((number, tuple(cells)))
                    sheets.append((str(sheet.title), rows))
            finally:
                book.close()
    except DeskError:
        raise
    except Exception:  # openpyxl and the XML parser raise many kinds on a broken file
        raise damaged from None
    return sheets


def preview_catalog(db: Database, path: Path) -> CatalogPreview:
    """Read and check the whole file; compare it with the catalog. Writes nothing."""
    from mohao_desk.services.setup import require_unit

    path = Path(path)
    kind, raw = read_file(path)
    if kind == "xlsx":
        rows = read_sheets(_workbook_sheets(path, raw))
        with db.read() as conn:
            require_unit(conn)
            current = {p.code: p for _, p in q.list_procedures(conn, active_only=False)}
        incoming = [merge(current.get(row.code), row) for row in rows]
    else:
        incoming = _json_procedures(path, raw)
        with db.read() as conn:
            require_unit(conn)
            current = {p.code: p for _, p in q.list_procedures(conn, active_only=False)}
    return CatalogPreview(path.name, kind, catalog_changes(current, incoming))


def apply_catalog(db: Database, preview: CatalogPreview) -> int:
    """Write what ``preview`` showed (added and changed procedures) in one transaction; refuse
    if any of them changed in the catalog since. Returns how many were written."""
    authority.require(db, Operation.CATALOG)
    from mohao_desk.services.setup import require_unit

    changes = preview.changes
    with db.begin() as conn:
        require_unit(conn)
        current = {p.code: p for _, p in q.list_procedures(conn, active_only=False)}
        stale = [p.code for p in changes.added if p.code in current] + [
            c.after.code for c in changes.changed if current.get(c.after.code) != c.before
        ]
        if stale:
            raise DeskError(
                "Danh mục thủ tục đã thay đổi sau khi xem trước (thủ tục {codes}): hãy xem lại "
                "các thay đổi rồi áp dụng.",
                codes=", ".join(stale[:5]),
            )
        if changes.writes:
            q.upsert_procedures(conn, changes.writes)
    return preview.count
