"""Backups (issue 11): automatic ones, on closing the window and once a day, into ``backups/``
beside a SQLite desk's database, kept 14 daily and 12 monthly; ``backup --out FILE``; and a
restore that checks the copy first and never destroys the database it replaces.

A backup is made with SQLite's online backup API (the desk may keep working), written under a
temporary name, checked (``integrity_check``, a known schema revision) and only then given its
name; older automatic backups are pruned only after the new one passed. The scans
(``attachments/``, content-addressed and never changed) are copied once into
``backups/attachments`` (or beside a ``--out`` file), so a restore brings them back.

On a PostgreSQL server ``pg_dump`` makes the backup when the program can find it.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from mohao_desk.domain.errors import DeskError, template
from mohao_desk.domain.os_errors import os_error
from mohao_desk.domain.roles import Operation
from mohao_desk.services import authority
from mohao_desk.store import snapshot
from mohao_desk.store.db import SCHEMA_HEAD, Database, open_database

if TYPE_CHECKING:
    from mohao_desk.services.audit import AuditReport

BACKUP_FOLDER = "backups"
KEEP_DAILY = 14
KEEP_MONTHLY = 12
RESTORE_REPLACES = template(
    "Đã có cơ sở dữ liệu '{path}': phục hồi sẽ thay nó. Đóng chương trình trên máy này rồi "
    "xác nhận thay thế (cơ sở dữ liệu hiện tại được giữ lại bên cạnh, không bị xóa)."
)
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})\.sqlite3$")


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    dossiers: int
    files_copied: int = 0
    pruned: list[Path] = field(default_factory=list)
    # The audit chain of the copy (SQLite). When it is broken the backup is kept, and no older
    # one is pruned: they may hold the history as it was before the edit.
    audit: AuditReport | None = None


def backup_folder(db: Database) -> Path:
    """Where the automatic backups of ``db`` go: ``backups/`` beside a SQLite file; this PC's
    folder for the server otherwise."""
    return db.files_dir / BACKUP_FOLDER


def _stem(db: Database) -> str:
    return Path(str(db.path)).stem if db.dialect == "sqlite" else "may-chu"


def _private(path: Path) -> None:
    """Readable by its owner only (the backup holds personal data and the signing key)."""
    with contextlib.suppress(OSError):  # a file system without POSIX modes
        os.chmod(path, 0o700 if path.is_dir() else 0o600)


def make_backup(
    db: Database,
    out: Path | None = None,
    *,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    label: str = "",
    quick: bool = False,
) -> BackupResult:
    """A checked backup of ``db``: into ``out`` (a new file), or, without it, into the
    automatic folder under a dated name, then the automatic folder is pruned. A ``label``
    (the copy made before a restore) goes into the name, and such a copy is never pruned.
    Asked by a person: an administrator's (the automatic backup is the program's own).

    The copy's check is SQLite's ``integrity_check``, a known schema revision and the audit
    chain (``services.audit.verify`` on the copy, read-only): the whole chain, or with
    ``quick`` from the checkpoint only (a second backup of the day). A broken chain keeps the
    backup (it is a faithful copy) but prunes nothing."""
    authority.require(db, Operation.BACKUP)
    return _make_backup(db, out, now=now, progress=progress, label=label, quick=quick)


def _make_backup(
    db: Database,
    out: Path | None = None,
    *,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    label: str = "",
    quick: bool = False,
) -> BackupResult:
    moment = now or datetime.now()
    automatic = out is None
    if db.dialect != "sqlite":
        return _pg_dump(db, out or backup_folder(db) / f"{_stem(db)}-{moment:%Y%m%d-%H%M%S}.dump")
    if out is not None:
        target = Path(out)
    else:  # two backups within one second (a restore's safety copy): the next free second
        prefix = f"{_stem(db)}-{label}" if label else _stem(db)
        target = backup_folder(db) / f"{prefix}-{moment:%Y%m%d-%H%M%S}.sqlite3"
        while target.exists():
            moment += timedelta(seconds=1)
            target = backup_folder(db) / f"{prefix}-{moment:%Y%m%d-%H%M%S}.sqlite3"
    if target.exists():
        raise DeskError(
            "Đã có tệp '{path}': không ghi đè bản sao lưu; hãy chọn tên hoặc thư mục khác.",
            path=target,
        )
    part = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if automatic:
            _private(target.parent)
        part.unlink(missing_ok=True)
        snapshot.copy_file(Path(db.path), part, progress)
        _private(part)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise DeskError(
            "Không ghi được bản sao lưu '{path}': {error}.", path=target, error=os_error(exc)
        ) from None
    check = snapshot.check_file(part)
    if not check.ok:
        part.unlink(missing_ok=True)
        raise DeskError(
            "Bản sao lưu vừa tạo không đạt kiểm tra ({problem}): đã bỏ, các bản cũ giữ nguyên.",
            problem=check.problem,
        )
    report = _verify_copy(part, quick)
    part.replace(target)
    copied = _copy_attachments(db.files_dir / "attachments", target.parent / "attachments")
    pruned = (
        prune(target.parent, _stem(db), keep=target)
        if automatic and not label and report.whole
        else []
    )
    return BackupResult(target, target.stat().st_size, check.dossiers, copied, pruned, report)


def _verify_copy(path: Path, quick: bool) -> AuditReport:
    from mohao_desk.services.audit import verify

    copy = snapshot.read_only(path)
    try:
        return verify(copy, from_checkpoint=quick)
    except DeskError:
        path.unlink(missing_ok=True)
        raise
    finally:
        copy.close()


def _copy_attachments(source: Path, target: Path) -> int:
    """Scans not yet in the backup's folder (they never change: their name is their hash)."""
    if not source.is_dir():
        return 0
    copied = 0
    for file in source.glob("??/*"):
        if not file.is_file() or file.suffix == ".part":
            continue
        destination = target / file.parent.name / file.name
        if destination.exists():
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, destination)
        _private(destination)
        copied += 1
    return copied


def prune(folder: Path, stem: str, *, keep: Path | None = None) -> list[Path]:
    """Delete the automatic backups beyond the newest of each of the last 14 days and of each
    of the last 12 months that have backups; returns what was deleted."""
    dated: list[tuple[datetime, Path]] = []
    for path in folder.glob(f"{stem}-*.sqlite3"):
        match = _NAME.match(path.name)
        if match is None or match["stem"] != stem:
            continue
        try:
            dated.append((datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S"), path))
        except ValueError:
            continue
    dated.sort(reverse=True)
    kept: set[Path] = set() if keep is None else {keep}
    days: list[date] = []
    months: list[tuple[int, int]] = []
    for moment, path in dated:  # newest first: the first of a day or month is its newest
        day, month = moment.date(), (moment.year, moment.month)
        if day not in days and len(days) < KEEP_DAILY:
            days.append(day)
            kept.add(path)
        if month not in months and len(months) < KEEP_MONTHLY:
            months.append(month)
            kept.add(path)
    removed = []
    for _moment, path in dated:
        if path not in kept:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def latest_backup(db: Database) -> Path | None:
    """The newest automatic backup (``<stem>-<time>.sqlite3``); the copies taken before a
    restore or an upgrade (``<stem>-truoc-…-<time>``) are not the automatic ones, as for
    :func:`prune`."""
    folder = backup_folder(db)
    stem = _stem(db)
    names = (
        sorted(
            p
            for p in folder.glob(f"{stem}-*.sqlite3")
            if (match := _NAME.match(p.name)) is not None and match["stem"] == stem
        )
        if folder.is_dir()
        else []
    )
    return names[-1] if names else None


def auto_backup(
    db: Database, *, now: datetime | None = None, closing: bool = False
) -> BackupResult | None:
    """The automatic backup: once a day, and on closing when the database changed since the
    newest backup. Only for a SQLite desk (a server is backed up on the server)."""
    if db.dialect != "sqlite" or not Path(db.path).exists():
        return None
    moment = now or datetime.now()
    last = latest_backup(db)
    if last is not None:
        made = datetime.strptime(_NAME.match(last.name)["stamp"], "%Y%m%d-%H%M%S")  # type: ignore[index]
        changed = max(
            (p.stat().st_mtime for p in _database_files(Path(db.path)) if p.exists()),
            default=0.0,
        )
        if made.date() == moment.date() and (not closing or changed <= last.stat().st_mtime):
            return None
        # Today's first backup checked the whole chain; a later one goes on from there.
        return _make_backup(db, now=moment, quick=made.date() == moment.date())
    return _make_backup(db, now=moment)


def _database_files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal")]


# ---------------------------------------------------------------------- restore


@dataclass(frozen=True)
class RestoreResult:
    target: Path
    dossiers: int
    kept_aside: Path | None  # the database that was there before, moved aside, not deleted
    files_copied: int


def check_backup(source: Path) -> snapshot.CopyCheck:
    source = Path(source)
    if not source.is_file():
        raise DeskError("Không tìm thấy bản sao lưu '{path}'.", path=source)
    check = snapshot.check_file(source)
    if not check.ok:
        raise DeskError(
            "Tệp '{path}' không phải bản sao lưu dùng được ({problem}): không phục hồi gì.",
            path=source,
            problem=check.problem,
        )
    return check


def restore(
    source: Path, target: Path, *, force: bool = False, now: datetime | None = None
) -> RestoreResult:
    """Bring the backup ``source`` back as the database ``target`` (a SQLite file): checked
    first; an existing database is replaced only with ``force``, and is then moved aside
    (``<name>.truoc-phuc-hoi-<time>``), never deleted."""
    source, target = Path(source), Path(target)
    check = check_backup(source)
    if source.resolve() == target.resolve():
        raise DeskError("Bản sao lưu và cơ sở dữ liệu đích là một tệp.")
    exists = target.exists()
    if exists and not force:
        raise DeskError(RESTORE_REPLACES, path=target)
    moment = now or datetime.now()
    part = target.with_name(target.name + ".part")
    aside = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        part.unlink(missing_ok=True)
        snapshot.copy_file(source, part)
        _private(part)
        if not snapshot.check_file(part).ok:  # pragma: no cover - the source passed
            raise DeskError("Bản chép ra không đạt kiểm tra: không phục hồi gì.")
        if exists:
            aside = target.with_name(f"{target.name}.truoc-phuc-hoi-{moment:%Y%m%d-%H%M%S}")
            target.replace(aside)
            for extra in ("-wal", "-shm"):
                side = target.with_name(target.name + extra)
                if side.exists():
                    side.replace(aside.with_name(aside.name + extra))
        part.replace(target)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise DeskError(
            "Không phục hồi được vào '{path}': {error}.", path=target, error=os_error(exc)
        ) from None
    copied = _copy_attachments(source.parent / "attachments", target.parent / "attachments")
    if check.revision != SCHEMA_HEAD:
        open_database(target).close()  # an older backup: brought up to this program's schema
    return RestoreResult(target, check.dossiers, aside, copied)


def restore_into(db: Database, source: Path, *, now: datetime | None = None) -> RestoreResult:
    """The window's restore, with its database open: a safety backup of what is there now,
    then the backup's content copied into the live database in one step."""
    authority.require(db, Operation.BACKUP)
    if db.dialect != "sqlite":
        raise DeskError(
            "Cơ sở dữ liệu trên máy chủ được phục hồi ngay trên máy chủ bằng pg_restore (việc "
            "của cán bộ tin học của đơn vị)."
        )
    source = Path(source)
    check = check_backup(source)
    moment = now or datetime.now()
    staged = backup_folder(db) / f"dang-phuc-hoi-{moment:%Y%m%d-%H%M%S}.sqlite3.part"
    try:
        staged.parent.mkdir(parents=True, exist_ok=True)
        staged.unlink(missing_ok=True)
        snapshot.copy_file(source, staged)
        if check.revision != SCHEMA_HEAD:
            open_database(staged).close()
        # What is there now, kept under its own name (never pruned by the daily ones).
        safety = _make_backup(db, now=moment, label="truoc-phuc-hoi")
        snapshot.copy_into(staged, db)
    except OSError as exc:
        raise DeskError(
            "Không phục hồi được vào '{path}': {error}.", path=db.path, error=os_error(exc)
        ) from None
    finally:
        staged.unlink(missing_ok=True)
    copied = _copy_attachments(source.parent / "attachments", db.files_dir / "attachments")
    return RestoreResult(Path(db.path), check.dossiers, safety.path, copied)


# ---------------------------------------------------------------------- PostgreSQL


def _pg_tool(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True)
    candidates += sorted(
        Path("C:/Program Files/PostgreSQL").glob(f"*/bin/{name}.exe"), reverse=True
    )
    return str(candidates[0]) if candidates else None


def _pg_dump(db: Database, out: Path) -> BackupResult:
    from sqlalchemy import make_url

    tool = _pg_tool("pg_dump")
    if tool is None:
        raise DeskError(
            "Máy này không có pg_dump nên chưa sao lưu được máy chủ: sao lưu ngay trên máy chủ "
            "bằng 'pg_dump -Fc', hoặc cài công cụ PostgreSQL (client) cho máy này."
        )
    if out.exists():
        raise DeskError(
            "Đã có tệp '{path}': không ghi đè bản sao lưu; hãy chọn tên hoặc thư mục khác.",
            path=out,
        )
    url = make_url(str(db.target))
    env = dict(os.environ)
    host = url.host or url.query.get("host")
    port = url.port or url.query.get("port")
    for key, value in (("PGHOST", host), ("PGPORT", port), ("PGUSER", url.username),
                       ("PGPASSWORD", url.password)):  # fmt: skip
        if value:
            env[key] = str(value)
    part = out.with_name(out.name + ".part")
    out.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [tool, "--format=custom", f"--file={part}", "--no-password", str(url.database)],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        part.unlink(missing_ok=True)
        raise DeskError(
            "pg_dump không sao lưu được máy chủ: {text}.",
            text=(done.stderr.strip().splitlines() or ["?"])[-1],
        )
    _private(part)
    part.replace(out)
    return BackupResult(out, out.stat().st_size, 0)
