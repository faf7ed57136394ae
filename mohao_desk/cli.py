"""``mohao-desk``: the headless command line of the desk.

Bad input (unknown code, illegal act, malformed or impossible date, negative count, missing
field, a database that cannot be opened) prints one clear line on stderr and exits 2; nothing is
written. Heavy modules are imported inside the commands so that quick ones start fast.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, NoReturn

from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.os_errors import os_error
from mohao_desk.domain.text import fold, group_digits, spreadsheet_text

EXIT_BAD_INPUT = 2
MAX_COUNT = 10**9


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one Vietnamese line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"mohao-desk: lỗi cú pháp lệnh: {message}\n")


# ------------------------------------------------------------------ parsing


WEEKDAYS_VI = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")  # thứ Hai … Chủ nhật


def parse_moment(text: str) -> datetime:
    """``2024-04-26T09:00``, ``2024-04-26 09:00`` or ``26/04/2024 09:00`` (local time)."""
    raw = text.strip()
    formats = ("%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y %H:%M")
    for fmt in formats:
        try:
            return datetime.strptime(raw, fmt)
        except ValueError:
            continue
    raise DeskError(
        "Thời điểm '{text}' không hợp lệ (dạng YYYY-MM-DDTHH:MM, ví dụ 2024-04-26T09:00).",
        text=text,
    )


def parse_day(text: str) -> date:
    raw = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise DeskError("Ngày '{text}' không hợp lệ (dạng YYYY-MM-DD, ví dụ 2024-04-26).", text=text)


def parse_hhmm(text: str) -> time:
    try:
        return datetime.strptime(text.strip(), "%H:%M").time()
    except ValueError:
        raise DeskError("Giờ '{text}' không hợp lệ (dạng HH:MM).", text=text) from None


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' không phải là số nguyên") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"số lượng không được âm: {value}")
    if value > MAX_COUNT:
        raise argparse.ArgumentTypeError(f"số quá lớn: {value}")
    return value


def _fmt(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M") if moment else ""


def _vn(moment: datetime | None) -> str:
    return moment.strftime("%H:%M %d/%m/%Y") if moment else ""


# ----------------------------------------------------------------- opening


def _db_target(args: argparse.Namespace) -> Path | str:
    """``--db``: a SQLite file's path, or a PostgreSQL server's URL (``postgresql+psycopg://
    user:password@host:port/dbname``); the user's data folder's file when not given."""
    from mohao_desk.paths import default_db_path
    from mohao_desk.store.db import is_server_url

    if not args.db:
        return default_db_path()
    return args.db if is_server_url(args.db) else Path(args.db)


def _open(args: argparse.Namespace, *, create: bool = False) -> Any:
    from mohao_desk.store.db import open_database

    return open_database(_db_target(args), create=create)


@contextmanager
def _new_database(args: argparse.Namespace) -> Iterator[Any]:
    """The database of a command that sets one up (``init``, ``demo``): when the command fails,
    a file it created is removed with its WAL files and the folders made for it (a server's
    database is not ours to remove), so a refused command leaves nothing behind."""
    path = _db_target(args)
    made: list[Path] = []
    if isinstance(path, Path) and not path.exists():
        made = [path]
        folder = path.expanduser().parent
        while not folder.exists():
            made.append(folder)
            folder = folder.parent
    db = _open(args, create=True)
    try:
        yield db
    except BaseException:
        db.close()
        if made:
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
            for folder in made[1:]:
                with suppress(OSError):
                    folder.rmdir()
        raise


def _desk(args: argparse.Namespace) -> Any:
    from mohao_desk.services.desk import Desk

    return Desk(_open(args))


# ---------------------------------------------------------------- commands


def cmd_due(args: argparse.Namespace) -> int:
    from mohao_desk.domain.deadline import ProcessingTime, TimeUnit, due_moment

    received = parse_moment(args.received).replace(second=0)
    if args.days is not None:
        period = ProcessingTime(args.days, TimeUnit.WORKING_DAYS)
    elif args.hours is not None:
        period = ProcessingTime(args.hours, TimeUnit.WORKING_HOURS)
    elif args.calendar_days is not None:
        period = ProcessingTime(args.calendar_days, TimeUnit.CALENDAR_DAYS)
    elif args.months is not None:
        period = ProcessingTime(args.months, TimeUnit.MONTHS)
    else:
        period = ProcessingTime(0, TimeUnit.SAME_DAY, parse_hhmm(args.cutoff))
    if args.db:
        calendar = _desk(args).calendar
    else:
        from mohao_desk.domain.calendar import vietnam_calendar

        calendar = vietnam_calendar()
    due = due_moment(calendar, received, period)
    counted = calendar.normalize(received)
    print(_fmt(due))
    print(f"Tính từ {_vn(counted)} ({period.describe()}): hạn trả {_vn(due)}")
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    from mohao_desk.services.setup import OfficerInput, init_unit

    officers = []
    for spec in args.officer or []:
        parts = spec.split(":")
        if len(parts) < 2:
            raise DeskError(
                "Cán bộ '{spec}' phải có dạng tendangnhap:Họ tên[:Chức danh].", spec=spec
            )
        officers.append(OfficerInput(parts[0], parts[1], parts[2] if len(parts) > 2 else ""))
    with _new_database(args) as db:
        info = init_unit(
            db,
            code=args.unit_code,
            name=args.unit_name,
            parent_name=args.parent or "",
            place_name=args.place or "",
            office_hours=args.office_hours,
            officers=officers or None,
        )
    print(f"Đã thiết lập đơn vị {info.name} ({info.code}) tại {db.path}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from mohao_desk.services.demo import check_demo_request, fill_demo

    now = parse_moment(args.now) if args.now is not None else None
    check_demo_request(args.dossiers, now)
    with _new_database(args) as db:
        report = fill_demo(
            db,
            dossiers=args.dossiers,
            unit_code=args.unit,
            seed=args.seed,
            now=now,
            backlog=args.backlog,
        )
    print(
        f"Đã tạo {group_digits(report.dossiers)} hồ sơ mẫu ({group_digits(report.events)} sự "
        f"kiện) cho {report.unit} "
        f"trong {report.seconds:.1f} giây: {db.path}"
    )
    return 0


def _view(args: argparse.Namespace) -> str:
    for flag, view in (
        ("overdue", "overdue"),
        ("due_today", "due-today"),
        ("pending", "pending"),
        ("all", "all"),
    ):
        if getattr(args, flag):
            return view
    return "pending"


def cmd_list(args: argparse.Namespace) -> int:
    desk = _desk(args)
    view = _view(args)
    if args.count and not args.search:
        print(desk.count(view))
        return 0
    items = desk.list(view, search=args.search, limit=args.limit)
    if args.count:
        print(len(items))
        return 0
    out = sys.stdout
    if args.format == "json":
        json.dump([d.as_dict() for d in items], out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif args.format == "csv":
        rows = [{k: spreadsheet_text(v) for k, v in d.as_dict().items()} for d in items]
        writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["code"])
        writer.writeheader()
        writer.writerows(rows)
    else:
        _print_table(items)
    return 0


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _state_text(d: Any) -> str:
    """The legal countdown (or how it ended), and the new appointment after an apology."""
    if d.countdown:
        text = d.countdown.text()
        if d.appointment:
            text += f"; hẹn lại {_vn(d.due_at)}"
        return text
    return d.timeliness.label if d.timeliness else ""


def _print_table(items: list[Any]) -> None:
    print(
        f"{'Mã hồ sơ':<28} {'Thủ tục':<30} {'Người nộp':<22} {'Hạn trả':<16} "
        f"{'Thời hạn':<34} Trạng thái"
    )
    for d in items:
        print(
            f"{d.code:<28} {_cut(d.procedure, 30):<30} {_cut(d.applicant, 22):<22} "
            f"{_vn(d.original_due_at):<16} {_cut(_state_text(d), 34):<34} {d.status.label}"
        )
    print(f"Tổng: {group_digits(len(items))} hồ sơ")


def _print_detail(detail: Any, fmt: str) -> None:
    s = detail.summary
    if fmt == "json":
        data = s.as_dict()
        data["regime"] = detail.regime
        data["components"] = [
            {
                "position": c.position,
                "name": c.name,
                "kind": c.kind,
                "count": c.count,
                "digitized_at": _fmt(c.digitized_at) or None,
                "sha256": c.sha256,
                "reused": c.reused,
            }
            for c in detail.components
        ]
        data["events"] = [
            {
                "seq": e.seq,
                "act": e.act.value,
                "at": _fmt(e.at),
                "officer": e.officer,
                "status_before": e.status_before.value if e.status_before else None,
                "status_after": e.status_after.value,
                "data": e.data,
            }
            for e in detail.events
        ]
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return
    print(s.code)
    print(_fmt(s.due_at))
    print(f"{s.procedure} — {s.applicant} — {s.status.label}; hạn trả {_vn(s.due_at)}")
    state = _state_text(s)
    if state:
        print(f"Thời hạn: {state}")


def cmd_show(args: argparse.Namespace) -> int:
    desk = _desk(args)
    detail = desk.get(args.dossier)
    if args.format == "json":
        _print_detail(detail, "json")
        return 0
    s = detail.summary
    print(f"Mã hồ sơ:      {s.code}")
    print(f"Thủ tục:       {s.procedure} ({s.procedure_code})")
    print(f"Người nộp:     {s.applicant}  {s.phone}")
    print(f"Kênh:          {s.channel.label}")
    print(f"Tiếp nhận:     {_vn(s.received_at)}")
    counted = desk.calendar.normalize(s.received_at)
    if counted != s.received_at.replace(second=0, microsecond=0):
        print(f"Tính hạn từ:   {_vn(counted)} (nộp ngoài giờ làm việc)")
    print(f"Hạn trả:       {_vn(s.due_at)}")
    if s.original_due_at != s.due_at:
        print(f"Hạn ban đầu:   {_vn(s.original_due_at)}")
    print(f"Trạng thái:    {s.status.label}")
    if s.countdown:
        text = s.countdown.text()
        band = s.countdown.band.label
        # "quá hạn (bổ sung nhiều lần; …)" already names its band.
        print(f"Thời hạn:      {text}" + ("" if text.startswith(band) else f" ({band})"))
    if s.appointment:
        print(f"Hẹn lại:       {s.appointment.text()} đến hẹn mới {_vn(s.due_at)}")
    if s.timeliness:
        print(f"Kết quả:       {s.timeliness.label}")
    print("Thành phần hồ sơ:")
    for c in detail.components:
        mark = f"đã số hóa {_vn(c.digitized_at)}" if c.digitized_at else "chưa số hóa"
        print(f"  {c.position}. {c.name} ({c.count}) — {mark}")
    print("Quá trình xử lý:")
    for e in detail.events:
        print(f"  {_vn(e.at)}  {e.act.label}  {e.officer or ''}")
    return 0


def _act_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dossier", required=True, help="mã hồ sơ")
    p.add_argument("--at", help="thời điểm thực hiện (mặc định: bây giờ)")
    p.add_argument("--by", help="tên đăng nhập cán bộ thực hiện")
    p.add_argument("--format", choices=("text", "json"), default="text")


def _at(args: argparse.Namespace) -> datetime | None:
    return parse_moment(args.at) if args.at is not None else None


def cmd_register(args: argparse.Namespace) -> int:
    from mohao_desk.domain.catalog import ComponentSpec, parse_kind
    from mohao_desk.domain.lifecycle import Channel

    components = None
    if args.component:
        components = []
        for spec in args.component:
            parts = [p.strip() for p in spec.split("|")]
            kind = parse_kind(parts[1]) if len(parts) > 1 and parts[1] else "original"
            try:
                count = int(parts[2]) if len(parts) > 2 else 1
            except ValueError:
                raise DeskError(
                    "Số lượng giấy tờ trong '{spec}' không hợp lệ.", spec=spec
                ) from None
            if not parts[0] or not 1 <= count <= 99:
                raise DeskError("Thành phần hồ sơ '{spec}' không hợp lệ.", spec=spec)
            components.append(ComponentSpec(parts[0], kind, count))
    received = parse_moment(args.received) if args.received is not None else None
    desk = _desk(args)
    detail = desk.register(
        procedure_code=args.procedure,
        applicant_name=args.name,
        channel=Channel.parse(args.channel),
        address=args.address or "",
        phone=args.phone or "",
        email=args.email or "",
        id_number=args.id_number or "",
        sets_count=args.sets,
        components=components,
        received_at=received,
        verification=args.verification,
        by=args.by,
        note=args.note or "",
    )
    _print_detail(detail, args.format)
    return 0


def cmd_act(args: argparse.Namespace) -> int:
    desk = _desk(args)
    at, by, code = _at(args), args.by, args.dossier
    name = args.command
    if name == "handover":
        detail = desk.handover(
            code, to=args.to, body=args.body or "", note=args.note or "", at=at, by=by
        )
    elif name == "supplement-request":
        detail = desk.request_supplement(
            code, missing=args.missing or [], reason=args.reason or "", at=at, by=by
        )
    elif name == "supplement-received":
        detail = desk.receive_supplement(code, note=args.note or "", at=at, by=by)
    elif name == "resolve":
        detail = desk.resolve(code, electronic=args.electronic, note=args.note or "", at=at, by=by)
    elif name == "return":
        detail = desk.return_result(code, note=args.note or "", at=at, by=by)
    elif name == "refuse":
        detail = desk.refuse(code, reason=args.reason, at=at, by=by)
    elif name == "withdraw":
        detail = desk.withdraw(code, reason=args.reason or "", at=at, by=by)
    elif name == "stop":
        detail = desk.stop(code, reason=args.reason, at=at, by=by)
    elif name == "apologize":
        detail = desk.apologize(
            code,
            reason=args.reason,
            new_due=parse_moment(args.new_due),
            override=args.override,
            at=at,
            by=by,
        )
    elif name == "digitize":
        detail = desk.digitize(
            code,
            file=Path(args.file),
            component=args.component,
            result=args.result,
            reused=args.reused,
            electronic=args.electronic,
            at=at,
            by=by,
        )
    elif name == "rate":
        detail = desk.rate(code, rating=args.rating, at=at, by=by)
    else:  # pragma: no cover - argparse limits the choices
        raise DeskError("Lệnh '{name}' không tồn tại.", name=name)
    _print_detail(detail, args.format)
    return 0


def cmd_officer(args: argparse.Namespace) -> int:
    from mohao_desk.services.settings import add_officer, list_officers, update_officer
    from mohao_desk.services.setup import OfficerInput

    db = _open(args)
    if args.officer_command == "add":
        officer = OfficerInput(args.username, args.name, args.title or "", args.phone or "")
        added = add_officer(db, officer)
        print(f"Đã thêm cán bộ {added.full_name} ({added.username})")
    elif args.officer_command == "edit":
        if args.name is None and args.title is None and args.phone is None:
            raise DeskError("Không có gì để sửa: nêu họ tên, chức danh hoặc số điện thoại mới.")
        changed = update_officer(
            db, args.username, full_name=args.name, title=args.title, phone=args.phone
        )
        print(f"Đã sửa cán bộ {changed.full_name} ({changed.username})")
        _print_officer(changed)
    else:
        for o in list_officers(db):
            _print_officer(o)
    return 0


def _print_officer(o: Any) -> None:
    state = "" if o.active else "  (ngừng hoạt động)"
    phone = f"  ĐT {o.phone}" if o.phone else ""
    print(f"{o.username:<16} {o.full_name:<28} {o.title}{phone}{state}")


def cmd_calendar(args: argparse.Namespace) -> int:
    from mohao_desk.services.calendar import CalendarService

    db = _open(args)
    service = CalendarService(db)
    if args.calendar_command == "show":
        from mohao_desk.services.calendar import gaps_text
        from mohao_desk.services.desk import Desk

        for day, label in service.year(args.year):
            print(f"{day:%d/%m/%Y} {WEEKDAYS_VI[day.weekday()]:<3} {label}")
        gaps = service.gaps(Desk(db).now().date())
        if args.year not in gaps.unannounced_years and not service.announced(args.year):
            print(
                f"Năm {args.year} chưa có thông báo lịch nghỉ chính thức nào trong chương "
                "trình: các ngày trên theo quy tắc của gói holidays."
            )
        if gaps:
            print(gaps_text(gaps))
        return 0
    day = parse_day(args.date)
    if args.calendar_command in ("announce-off", "announce-work"):
        working = args.calendar_command == "announce-work"
        added = service.add_announcement(
            day,
            working=working,
            name=args.name,
            document=args.document,
            document_date=parse_day(args.document_date),
            certain=not args.unsure,
            note=args.note or "",
        )
        kind = "ngày làm việc" if working else "ngày nghỉ"
        print(
            f"Đã thêm thông báo {kind} {day:%d/%m/%Y} ({added.source_text}); thông báo được "
            "gửi đến các đơn vị trong gói cấu hình tiếp theo."
        )
        return 0
    if args.calendar_command == "remove-announcement":
        service.remove_announcement(day)
        print(f"Đã bỏ thông báo lịch ngày {day:%d/%m/%Y}")
        return 0
    if args.calendar_command == "add-off":
        service.set_override(day, working=False, note=args.note or "")
        print(f"Đã thêm ngày nghỉ {day:%d/%m/%Y}")
    elif args.calendar_command == "add-work":
        service.set_override(day, working=True, note=args.note or "")
        print(f"Đã thêm ngày làm việc {day:%d/%m/%Y}")
    else:
        service.remove_override(day)
        print(f"Đã bỏ điều chỉnh ngày {day:%d/%m/%Y}")
    return 0


def cmd_catalog(args: argparse.Namespace) -> int:
    db = _open(args)
    if args.catalog_command == "import":
        return _catalog_import(db, args)
    from mohao_desk.services.desk import Desk

    for p in Desk(db).procedures():
        print(f"{p.code:<12} {p.time.describe():<36} {p.field:<16} {p.name}")
    return 0


CATALOG_SHOWN = 200  # procedures listed per kind of change; the counts say the rest


def _catalog_import(db: Any, args: argparse.Namespace) -> int:
    """``catalog import FILE``: show what the file would change, then ask (``--yes`` applies
    without asking, ``--dry-run`` only shows). Exit 1 when nothing was applied for want of a
    yes."""
    from mohao_desk.domain.catalog_sheet import describe_value
    from mohao_desk.services.catalog_import import apply_catalog, preview_catalog

    preview = preview_catalog(db, Path(args.file))
    changes = preview.changes
    print(
        f"Tệp {preview.file_name}: {group_digits(len(changes.added))} thủ tục mới, "
        f"{group_digits(len(changes.changed))} thủ tục thay đổi, "
        f"{group_digits(len(changes.unchanged))} thủ tục không đổi."
    )
    if changes.added:
        print("Thêm:")
        for p in changes.added[:CATALOG_SHOWN]:
            print(f"  + {p.code:<12} {p.name} ({p.field}; {p.time.describe()})")
    if changes.changed:
        print("Thay đổi:")
        for change in changes.changed[:CATALOG_SHOWN]:
            print(f"  ~ {change.after.code:<12} {change.after.name}")
            for f in change.fields:
                before = _short(describe_value(f.key, f.before))
                after = _short(describe_value(f.key, f.after))
                print(f"      {f.label}: {before} → {after}")
    hidden = max(0, len(changes.added) - CATALOG_SHOWN) + max(
        0, len(changes.changed) - CATALOG_SHOWN
    )
    if hidden:
        print(f"  … và {group_digits(hidden)} thủ tục khác.")
    if changes.empty:
        print("Danh mục không có gì thay đổi.")
        return 0
    if args.dry_run:
        print("Chỉ xem trước: danh mục chưa thay đổi.")
        return 0
    if not args.yes:
        try:
            answer = input(f"Áp dụng {group_digits(preview.count)} thay đổi? [c/K] ")
        except EOFError:
            answer = ""
        if not sys.stdin.isatty():
            print()  # the answer came from a pipe: no echo ended the prompt's line
        if fold(answer) not in ("c", "co", "y", "yes"):
            print("Chưa áp dụng: danh mục giữ nguyên (dùng --yes để áp dụng không cần hỏi).")
            return 1
    count = apply_catalog(db, preview)
    print(f"Đã cập nhật {group_digits(count)} thủ tục từ {args.file}")
    return 0


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def write_output(path_text: str, data: bytes) -> Path:
    """Write a produced file whole or not at all (a temporary file renamed into place)."""
    path = Path(path_text)
    if path.is_dir():
        raise DeskError("'{path}' là một thư mục; hãy chỉ rõ tên tệp cần ghi.", path=path)
    tmp = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DeskError(
            "Không ghi được tệp '{path}': {error}.", path=path, error=os_error(exc)
        ) from None
    return path


def cmd_document(args: argparse.Namespace) -> int:
    from mohao_desk.services.documents import KIND_LABELS, DocumentService

    desk = _desk(args)
    pdf = DocumentService(desk).render(args.kind, args.dossier)
    path = write_output(args.out, pdf)
    print(f"Đã lập {KIND_LABELS[args.kind]} của hồ sơ {args.dossier}: {path}")
    return 0


def cmd_report_document(args: argparse.Namespace) -> int:
    from mohao_desk.services.reports import ReportService

    service = ReportService(_desk(args), unit=getattr(args, "unit", None))
    if args.command == "daily-list":
        day = parse_day(args.date)
        pdf = service.daily_list(day)
        label = f"Danh sách theo dõi hồ sơ ngày {day:%d/%m/%Y}"
    else:
        start, end = parse_day(args.start), parse_day(args.end)
        if args.command == "register-book":
            pdf = service.register_book(start, end)
            label = "Sổ theo dõi hồ sơ"
        else:
            pdf = service.explanation(start, end)
            label = "Báo cáo giải trình hồ sơ trễ hạn"
        label += f" từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}"
    path = write_output(args.out, pdf)
    print(f"Đã lập {label}: {path}")
    return 0


def cmd_migrate_to(args: argparse.Namespace) -> int:
    from mohao_desk.paths import default_db_path
    from mohao_desk.services.migrate import migrate_to

    source = getattr(args, "db", None) or default_db_path()
    report = migrate_to(
        source, args.to, progress=lambda table, rows: print(f"  {table}: {group_digits(rows)}")
    )
    print(
        f"Đã chuyển sang {report.target}: {group_digits(report.rows['dossier'])} hồ sơ, "
        f"{group_digits(report.rows['event'])} sự kiện, {group_digits(report.files)} tệp đính "
        "kèm; số dòng, quá trình xử lý và tệp đính kèm đã đối chiếu khớp. Tệp nguồn giữ "
        "nguyên."
    )
    return 0


def cmd_unit(args: argparse.Namespace) -> int:
    from mohao_desk.services.settings import check_letterheads, save_letterheads, unit_settings
    from mohao_desk.services.setup import update_unit_settings

    db = _open(args)
    head = None
    if args.head is not None or args.head_name is not None:
        lines = [x.strip() for x in (args.head or "").split("|") if x.strip()] or None
        head = (lines, args.head_name)
    parents = {k: v for k, v in (("A", args.parent_a), ("B", args.parent_b)) if v is not None}
    upstreams = {k: v for k, v in (("A", args.upstream_a), ("B", args.upstream_b)) if v is not None}
    # Every value is checked before anything is saved: a refused change saves nothing.
    letterheads = check_letterheads(
        db, province_name=args.province, parents=parents, upstreams=upstreams
    )
    info = update_unit_settings(
        db,
        name=args.name,
        parent_name=args.parent,
        place_name=args.place,
        office_hours=args.office_hours,
        head_signature=head,
    )
    settings = save_letterheads(db, letterheads) if letterheads else unit_settings(db)
    print(f"Đơn vị:          {info.name} ({info.code})")
    print(f"Cơ quan cấp trên: {info.parent_name}")
    print(f"Địa danh:        {info.place_name}")
    print(f"Giờ làm việc:    {info.office_hours} ({info.timezone})")
    default = " (mặc định)"
    province = settings.province_name or "(chưa đặt)"
    mark = default if settings.province_name and not settings.province_set else ""
    print(f"Tỉnh:            {province}{mark}")
    for lh in settings.letterheads:
        print(f"Chế độ {lh.regime} ({lh.regime_name}):")
        parent = lh.parent_name or "(để trống)"
        print(f"  Cơ quan chủ quản in trên văn bản: {parent}{'' if lh.parent_set else default}")
        print(
            f"  Cơ quan cấp trên nhận báo cáo:    {lh.upstream}{'' if lh.upstream_set else default}"
        )
    return 0


def cmd_window(args: argparse.Namespace) -> int:
    """The desk window (the default command). Without Qt or a display, the text overview."""
    import os

    from mohao_desk.store.db import is_server_url

    no_display = (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and not os.environ.get("QT_QPA_PLATFORM")
    )
    if no_display:
        print(
            "mohao-desk: không có màn hình (DISPLAY); hiển thị tổng quan dạng chữ.",
            file=sys.stderr,
        )
        return cmd_overview(args)
    try:
        from mohao_desk.ui.app import run_gui
    except ImportError as exc:  # Qt missing or its system libraries absent
        print(f"mohao-desk: không mở được cửa sổ ({exc}); hiển thị tổng quan.", file=sys.stderr)
        return cmd_overview(args)
    target: Path | str | None = None
    if args.db:
        target = args.db if is_server_url(args.db) else Path(args.db)
    return run_gui(target, demo_if_empty=args.demo_if_empty)


def cmd_overview(args: argparse.Namespace) -> int:
    path = _db_target(args)
    if isinstance(path, Path) and not path.exists():
        if not args.demo_if_empty:
            raise DeskError(
                "Chưa có cơ sở dữ liệu tại '{path}'. Chạy 'mohao-desk init' để thiết lập đơn "
                "vị, hoặc 'mohao-desk demo' để thử với dữ liệu mẫu.",
                path=path,
            )
        from mohao_desk.services.demo import fill_demo
        from mohao_desk.store.db import open_database

        print(f"Chưa có cơ sở dữ liệu: tạo dữ liệu mẫu tại {path} ...")
        fill_demo(open_database(path), dossiers=3000, unit_code=None, seed=1, now=None)
    desk = _desk(args)
    print(f"{desk.unit.name} ({desk.unit.code}) — {desk.db.path}")
    print(f"Hôm nay {desk.now():%d/%m/%Y %H:%M}")
    for label, view in (
        ("Đang giải quyết", "pending"),
        ("Đến hạn hôm nay", "due-today"),
        ("Quá hạn", "overdue"),
    ):
        print(f"  {label:<18} {desk.count(view):>8}")
    overdue = desk.list("overdue", limit=10)
    if overdue:
        print("Hồ sơ quá hạn (10 hồ sơ quá hạn lâu nhất):")
        _print_table(overdue)
    print("Gõ 'mohao-desk --help' để xem các lệnh.")
    return 0


# ------------------------------------------------------------------ parser


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="mohao-desk",
        description="Bộ phận Một cửa: tiếp nhận, theo dõi thời hạn, xin lỗi, số hóa hồ sơ TTHC.",
    )
    parser.add_argument("--db", help="tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu người dùng)")
    parser.add_argument(
        "--demo-if-empty", action="store_true", help="tạo dữ liệu mẫu nếu chưa có cơ sở dữ liệu"
    )
    parser.add_argument(
        "--headless", action="store_true", help="không mở cửa sổ: in tổng quan ra màn hình"
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--db", help="tệp cơ sở dữ liệu", default=argparse.SUPPRESS)
        return p

    p = command("overview", "tổng quan hồ sơ của đơn vị")
    p.add_argument("--demo-if-empty", action="store_true", default=argparse.SUPPRESS)
    p.set_defaults(func=cmd_overview)

    p = command("due", "tính hạn trả kết quả")
    p.add_argument("--received", required=True, help="thời điểm tiếp nhận, ví dụ 2024-04-26T09:00")
    unit = p.add_mutually_exclusive_group(required=True)
    unit.add_argument("--days", type=_count, help="số ngày làm việc")
    unit.add_argument("--hours", type=_count, help="số giờ làm việc")
    unit.add_argument("--same-day", action="store_true", help="giải quyết trong ngày (mốc 15 giờ)")
    unit.add_argument("--calendar-days", type=_count, help="số ngày theo lịch")
    unit.add_argument("--months", type=_count, help="số tháng")
    p.add_argument("--cutoff", default="15:00", help="mốc giờ của thủ tục trong ngày")
    p.set_defaults(func=cmd_due)

    p = command("init", "thiết lập đơn vị cho cơ sở dữ liệu mới")
    p.add_argument("--unit-code", required=True, help="mã định danh điện tử, ví dụ 000.17.22.H56")
    p.add_argument(
        "--unit-name", required=True, help="tên đơn vị, ví dụ 'UBND phường Bần Yên Nhân'"
    )
    p.add_argument("--parent", help="cơ quan cấp trên, ví dụ 'UBND thị xã Mỹ Hào'")
    p.add_argument("--place", help="địa danh ghi trên văn bản, ví dụ 'Mỹ Hào'")
    p.add_argument("--office-hours", help="giờ làm việc, ví dụ 07:30-11:30,13:30-17:00")
    p.add_argument("--officer", action="append", help="tendangnhap:Họ tên[:Chức danh]")
    p.set_defaults(func=cmd_init)

    p = command("demo", "tạo dữ liệu mẫu")
    p.add_argument("--dossiers", type=_count, required=True)
    p.add_argument("--unit", help="mã đơn vị mẫu")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument(
        "--now", help="mốc thời gian 'hiện tại' của dữ liệu mẫu (mặc định: đầu ngày nay)"
    )
    p.add_argument(
        "--backlog", type=_count, default=0, help="thêm khoảng chừng này hồ sơ còn tồn đọng"
    )
    p.set_defaults(func=cmd_demo)

    p = command("list", "danh sách hồ sơ")
    views = p.add_mutually_exclusive_group()
    views.add_argument("--overdue", action="store_true", help="quá hạn")
    views.add_argument("--due-today", action="store_true", help="đến hạn hôm nay")
    views.add_argument("--pending", action="store_true", help="đang giải quyết")
    views.add_argument("--all", action="store_true", help="tất cả")
    p.add_argument("--count", action="store_true", help="chỉ in số lượng")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.add_argument("--search", help="tìm theo tên, số điện thoại, mã (không cần dấu)")
    p.add_argument("--limit", type=_count)
    p.set_defaults(func=cmd_list)

    p = command("show", "xem chi tiết một hồ sơ")
    p.add_argument("--dossier", required=True)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_show)

    p = command("register", "tiếp nhận hồ sơ mới")
    p.add_argument("--procedure", required=True, help="mã thủ tục trong danh mục")
    p.add_argument("--name", required=True, help="họ tên người nộp")
    p.add_argument("--address")
    p.add_argument("--phone")
    p.add_argument("--email")
    p.add_argument("--id-number")
    p.add_argument("--channel", default="1", help="1 trực tiếp, 2 trực tuyến, 3 bưu chính")
    p.add_argument("--sets", type=_count, default=1, help="số bộ hồ sơ")
    p.add_argument("--component", action="append", help="'Tên giấy tờ|loại|số lượng'")
    p.add_argument("--received", help="thời điểm tiếp nhận (mặc định: bây giờ)")
    p.add_argument("--verification", action="store_true", help="cần xác minh (thời hạn dài hơn)")
    p.add_argument("--by", help="cán bộ tiếp nhận")
    p.add_argument("--note")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_register)

    p = command("handover", "chuyển hồ sơ")
    _act_common(p)
    p.add_argument("--to", help="tên đăng nhập cán bộ nhận")
    p.add_argument("--body", help="cơ quan, bộ phận nhận")
    p.add_argument("--note")
    p.set_defaults(func=cmd_act)

    p = command("supplement-request", "yêu cầu bổ sung hồ sơ (tạm dừng thời hạn)")
    _act_common(p)
    p.add_argument("--missing", action="append", help="giấy tờ cần bổ sung (lặp lại được)")
    p.add_argument("--reason", help="lý do (bắt buộc từ lần thứ hai)")
    p.set_defaults(func=cmd_act)

    p = command("supplement-received", "nhận hồ sơ bổ sung (tiếp tục tính thời hạn)")
    _act_common(p)
    p.add_argument("--note")
    p.set_defaults(func=cmd_act)

    p = command("resolve", "có kết quả giải quyết")
    _act_common(p)
    p.add_argument("--electronic", action="store_true", help="kết quả điện tử")
    p.add_argument("--note")
    p.set_defaults(func=cmd_act)

    p = command("return", "trả kết quả cho người nộp")
    _act_common(p)
    p.add_argument("--note")
    p.set_defaults(func=cmd_act)

    for name, help_text, required in (
        ("refuse", "từ chối giải quyết", True),
        ("withdraw", "người nộp rút hồ sơ", False),
        ("stop", "dừng giải quyết (Nghị định 118/2025)", True),
    ):
        p = command(name, help_text)
        _act_common(p)
        p.add_argument("--reason", required=required)
        p.set_defaults(func=cmd_act)

    p = command("apologize", "xin lỗi và hẹn lại ngày trả kết quả")
    _act_common(p)
    p.add_argument("--reason", required=True)
    p.add_argument("--new-due", required=True, help="ngày hẹn mới, ví dụ 2025-05-12T09:00")
    p.add_argument("--override", help="lý do ngoại lệ khi vi phạm quy tắc xin lỗi")
    p.set_defaults(func=cmd_act)

    p = command("digitize", "số hóa thành phần hồ sơ hoặc kết quả")
    _act_common(p)
    p.add_argument("--file", required=True)
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--component", type=_count, help="số thứ tự thành phần hồ sơ")
    target.add_argument("--result", action="store_true", help="kết quả giải quyết")
    p.add_argument("--reused", action="store_true", help="tái sử dụng dữ liệu đã số hóa")
    p.add_argument("--electronic", action="store_true", help="kết quả điện tử")
    p.set_defaults(func=cmd_act)

    p = command("rate", "ghi nhận đánh giá mức độ hài lòng")
    _act_common(p)
    p.add_argument("--rating", required=True, help="rat_hai_long | hai_long | khong_hai_long")
    p.set_defaults(func=cmd_act)

    p = command("officer", "cán bộ của đơn vị")
    officer_sub = p.add_subparsers(dest="officer_command", required=True, parser_class=_Parser)
    add = officer_sub.add_parser("add")
    add.add_argument("--db", default=argparse.SUPPRESS)
    add.add_argument("--username", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--title")
    add.add_argument("--phone", help="số điện thoại (in trên phiếu yêu cầu bổ sung)")
    edit = officer_sub.add_parser("edit", help="sửa họ tên, chức danh, số điện thoại")
    edit.add_argument("username")
    edit.add_argument("--db", default=argparse.SUPPRESS)
    edit.add_argument("--name")
    edit.add_argument("--title")
    edit.add_argument("--phone", help="số điện thoại; chuỗi rỗng để xóa")
    officer_sub.add_parser("list").add_argument("--db", default=argparse.SUPPRESS)
    p.set_defaults(func=cmd_officer)

    p = command("catalog", "danh mục thủ tục hành chính")
    cat_sub = p.add_subparsers(dest="catalog_command", required=True, parser_class=_Parser)
    cat_sub.add_parser("list").add_argument("--db", default=argparse.SUPPRESS)
    imp = cat_sub.add_parser(
        "import",
        help="thêm/sửa thủ tục từ tệp JSON hoặc danh mục Excel (.xlsx) của tỉnh: xem trước "
        "các thay đổi rồi hỏi (cả tệp hoặc không)",
    )
    imp.add_argument("file")
    imp.add_argument("--db", default=argparse.SUPPRESS)
    how = imp.add_mutually_exclusive_group()
    how.add_argument("--yes", action="store_true", help="áp dụng không cần hỏi")
    how.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không thay đổi gì")
    p.set_defaults(func=cmd_catalog)

    p = command(
        "migrate-to",
        "chuyển toàn bộ dữ liệu của đơn vị từ tệp SQLite (--db) sang máy chủ PostgreSQL",
    )
    p.add_argument("--to", required=True, help="postgresql+psycopg://người_dùng@máy:cổng/tên_csdl")
    p.set_defaults(func=cmd_migrate_to)

    p = command("unit", "xem hoặc sửa thông tin đơn vị, giờ làm việc")
    p.add_argument("--name")
    p.add_argument("--parent")
    p.add_argument("--place")
    p.add_argument("--office-hours", help="ví dụ 07:00-11:30,13:00-16:30")
    p.add_argument(
        "--head", help="chức danh người ký phiếu xin lỗi, ví dụ 'KT. CHỦ TỊCH|PHÓ CHỦ TỊCH'"
    )
    p.add_argument("--head-name", help="họ tên người ký")
    p.add_argument("--province", help="tên UBND tỉnh, ví dụ 'Ủy ban nhân dân tỉnh Hưng Yên'")
    for code, until in (("a", "đến 30/06/2025"), ("b", "từ 01/07/2025")):
        p.add_argument(
            f"--parent-{code}",
            help=f"cơ quan chủ quản in trên văn bản chế độ {code.upper()} ({until}); "
            "rỗng: mặc định",
        )
        p.add_argument(
            f"--upstream-{code}",
            help=f"cơ quan cấp trên nhận báo cáo, chế độ {code.upper()}; rỗng: mặc định",
        )
    p.set_defaults(func=cmd_unit)

    p = command("document", "lập văn bản của một hồ sơ (PDF)")
    p.add_argument(
        "kind",
        choices=("receipt", "supplement", "refusal", "apology", "control", "stop"),
        help="receipt: giấy tiếp nhận; supplement: phiếu bổ sung; refusal: phiếu từ chối; "
        "apology: phiếu xin lỗi; control: phiếu kiểm soát; stop: thông báo dừng",
    )
    p.add_argument("--dossier", required=True)
    p.add_argument("--out", required=True, help="tệp PDF cần ghi")
    p.set_defaults(func=cmd_document)

    # Commands of other modules (each adds its own subcommands with ``command``).
    from mohao_desk.cli_audit import add_commands as add_audit_commands
    from mohao_desk.cli_backup import add_commands as add_backup_commands
    from mohao_desk.cli_counter import add_commands as add_counter_commands
    from mohao_desk.cli_reports import add_commands as add_report_commands
    from mohao_desk.cli_sync import add_commands as add_sync_commands

    add_report_commands(command)
    add_sync_commands(command)
    add_counter_commands(command)
    add_backup_commands(command)
    add_audit_commands(command)

    p = command("daily-list", "danh sách theo dõi hằng ngày cho lãnh đạo (PDF)")
    p.add_argument("--date", required=True, help="ngày, ví dụ 2024-05-07")
    p.add_argument("--out", required=True, help="tệp PDF cần ghi")
    p.set_defaults(func=cmd_report_document)
    for name, help_text in (
        ("register-book", "sổ theo dõi hồ sơ theo khoảng ngày tiếp nhận (PDF)"),
        ("explanation", "báo cáo giải trình hồ sơ trễ hạn (PDF)"),
    ):
        p = command(name, help_text)
        p.add_argument("--from", dest="start", required=True, help="từ ngày, ví dụ 2024-05-01")
        p.add_argument("--to", dest="end", required=True, help="đến ngày, ví dụ 2024-05-31")
        p.add_argument("--out", required=True, help="tệp PDF cần ghi")
        if name == "explanation":
            p.add_argument("--unit", help="mã đơn vị (cơ quan cấp trên lập cho một đơn vị)")
        p.set_defaults(func=cmd_report_document)

    p = command("calendar", "lịch làm việc và điều chỉnh của đơn vị")
    cal_sub = p.add_subparsers(dest="calendar_command", required=True, parser_class=_Parser)
    show = cal_sub.add_parser("show")
    show.add_argument("--db", default=argparse.SUPPRESS)
    show.add_argument("--year", type=_count, required=True)
    for name in ("add-off", "add-work", "remove"):
        c = cal_sub.add_parser(name)
        c.add_argument("--db", default=argparse.SUPPRESS)
        c.add_argument("--date", required=True)
        c.add_argument("--note")
    # Official announcements, at the upstream office: sent to the desks in its config packages.
    for name, what in (("announce-off", "ngày nghỉ"), ("announce-work", "ngày làm việc")):
        c = cal_sub.add_parser(name, help=f"công bố {what} theo văn bản của Chính phủ (cấp trên)")
        c.add_argument("--db", default=argparse.SUPPRESS)
        c.add_argument("--date", required=True)
        c.add_argument("--name", required=True, help="tên ngày, ví dụ 'Tết Nguyên đán'")
        c.add_argument("--document", required=True, help="số văn bản, ví dụ 12729/VPCP-KGVX")
        c.add_argument("--document-date", required=True, help="ngày của văn bản")
        c.add_argument("--unsure", action="store_true", help="chưa có văn bản chính thức")
        c.add_argument("--note")
    c = cal_sub.add_parser("remove-announcement", help="bỏ thông báo lịch (cấp trên)")
    c.add_argument("--db", default=argparse.SUPPRESS)
    c.add_argument("--date", required=True)
    p.set_defaults(func=cmd_calendar)
    return parser


def cli_message(exc: DeskError) -> str:
    """The one stderr line of a refused command: the message, and what to type for the remedy
    it speaks of ("…; phải nêu lý do ngoại lệ (dùng --override LÝ_DO để vẫn ghi nhận).")."""
    hint = cli_hint(exc)
    if not hint:
        return exc.message
    text = exc.message
    end = "." if text.endswith(".") else ""
    return f"{text.removesuffix('.')} ({hint}){end}"


def cli_hint(exc: DeskError) -> str:
    """The command-line remedy of a message, if it has one: the services' messages speak to
    the person in front of the window, never of options or commands."""
    from mohao_desk.domain.lifecycle import APOLOGY_RULES_BROKEN, SUPPLEMENT_REASON_NEEDED
    from mohao_desk.domain.package import PackageError
    from mohao_desk.services import backup, desk, reports, setup, statistics, sync

    if isinstance(exc, PackageError) and exc.check == "unit":
        return "dùng 'mohao-desk trust TỆP_KHÓA' để đăng ký khóa của đơn vị"
    hints = {
        APOLOGY_RULES_BROKEN: "dùng --override LÝ_DO để vẫn ghi nhận",
        SUPPLEMENT_REASON_NEEDED: "dùng --reason LÝ_DO",
        desk.HANDOVER_NEEDS_RECEIVER: "dùng --to TÊN_ĐĂNG_NHẬP hoặc --body TÊN_CƠ_QUAN",
        desk.SUPPLEMENT_NEEDS_ITEMS: "dùng --missing, lặp lại cho từng giấy tờ",
        reports.EXPLANATION_NEEDS_UNIT: "dùng --unit MÃ_ĐƠN_VỊ",
        setup.NO_UNIT: "chạy 'mohao-desk init' hoặc 'mohao-desk demo' trước",
        statistics.PERIOD_KIND_AND_DAYS: "--period hoặc --from/--to",
        statistics.PERIOD_KIND_WITHOUT_YEAR: "thêm --year",
        statistics.PERIOD_YEAR_WITHOUT_KIND: "--year và --number chỉ dùng cùng --period",
        statistics.PERIOD_MISSING: "--from và --to, hoặc --period và --year",
        sync.KEY_CHANGED: "dùng --replace để thay khóa",
        sync.UPSTREAM_EXPORTS_CONFIG: "dùng 'mohao-desk upstream export-config'",
        sync.CONFIG_EXPORT_UPSTREAM_ONLY: "tạo bằng 'mohao-desk upstream init'",
        backup.RESTORE_REPLACES: "thêm --force để thay",
    }
    return hints.get(exc.template, "")


def main(argv: list[str] | None = None) -> int:
    if hasattr(sys.stdout, "reconfigure") and (sys.stdout.encoding or "").lower() != "utf-8":
        sys.stdout.reconfigure(encoding="utf-8")
        sys.stderr.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "db"):
        args.db = None
    if args.command is None:
        args.func = cmd_overview if args.headless else cmd_window
    try:
        return int(args.func(args))
    except DeskError as exc:
        print(f"mohao-desk: {cli_message(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: one line for the user, the traceback in the log
        log = _log_crash()
        first = (str(exc).splitlines() or [""])[0][:200]
        print(
            f"mohao-desk: lỗi không mong đợi ({type(exc).__name__}: {first}); chi tiết ở {log}",
            file=sys.stderr,
        )
        return 1


def _log_crash() -> Path:
    import traceback

    from mohao_desk.paths import data_dir

    path = data_dir() / "logs" / "errors.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now():%Y-%m-%d %H:%M:%S} {sys.argv}\n")
            handle.write(traceback.format_exc())
    except OSError:
        pass
    return path
