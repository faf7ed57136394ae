"""Importing a procedure catalog file: a catalog JSON (the program's own format) or a province's
published list as an Excel workbook (.xlsx), previewed before it is applied.

:func:`preview_catalog` reads and checks the whole file, then compares it with the catalog
(added / changed with the fields that differ / unchanged) without writing anything;
:func:`apply_catalog` writes exactly what was previewed, in one transaction, and refuses if the
catalog changed since the preview. A file that fails any check is refused whole.

Workbooks are hostile input until read: the shared reader (:mod:`mohao_desk.services.spreadsheet`,
which also reads the exports of the electronic one-stop system) checks them with this module's
limits: the file is at most :data:`MAX_CATALOG_BYTES`, its zip inflates to at most
:data:`MAX_UNZIPPED_BYTES`, XML declaring a document type or entities is refused, then at most
:data:`MAX_SHEETS` sheets, :data:`MAX_ROWS` rows and :data:`MAX_COLUMNS` columns each.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from mohao_desk.domain.catalog import Procedure, parse_catalog
from mohao_desk.domain.catalog_sheet import CatalogChanges, catalog_changes, merge, read_sheets
from mohao_desk.domain.errors import DeskError, Phrase
from mohao_desk.domain.roles import Operation
from mohao_desk.domain.text import group_digits
from mohao_desk.domain.user_files import read_user_file
from mohao_desk.services import authority, spreadsheet
from mohao_desk.store import queries as q
from mohao_desk.store.db import Database

MAX_CATALOG_BYTES = 5 * 2**20
MAX_UNZIPPED_BYTES = 64 * 2**20
MAX_MEMBERS = 1000
MAX_SHEETS = 30
MAX_ROWS = 10_000
MAX_COLUMNS = 60


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
    if raw.startswith(spreadsheet.OLE_MAGIC):
        raise DeskError(
            "Tệp '{path}' là bảng tính Excel dạng cũ (.xls) hoặc có đặt mật khẩu: hãy mở bằng "
            "Excel và lưu lại dạng .xlsx, không đặt mật khẩu.",
            path=path,
        )
    if raw.startswith(spreadsheet.ZIP_MAGIC):
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


def _limits() -> spreadsheet.Limits:
    # Read at call time: the module's limits are the catalog's (and tests lower them).
    return spreadsheet.Limits(
        max_bytes=MAX_CATALOG_BYTES,
        max_unzipped=MAX_UNZIPPED_BYTES,
        max_members=MAX_MEMBERS,
        max_sheets=MAX_SHEETS,
        max_rows=MAX_ROWS,
        max_columns=MAX_COLUMNS,
    )


def preview_catalog(db: Database, path: Path) -> CatalogPreview:
    """Read and check the whole file; compare it with the catalog. Writes nothing."""
    from mohao_desk.services.setup import require_unit

    path = Path(path)
    kind, raw = read_file(path)
    if kind == "xlsx":
        rows = read_sheets(spreadsheet.xlsx_sheets(path, raw, _limits()))
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
