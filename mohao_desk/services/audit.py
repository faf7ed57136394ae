"""Verifying the tamper-evident history (issue 11): ``mohao-desk audit verify``, the window's
start-up check, and the check of every backup.

:func:`verify` recomputes, in one read snapshot:

1. **the chain**: every link's number follows the previous one, its ``prev_hash`` is the
   previous link's hash, its hash is what its fields give, and its content is what its state and
   object rows give; the head row names the last link;
2. **the dossiers**: every dossier's current row (with its components and synced facts) equals
   the state its latest link recorded; every event is covered by exactly one link and equals
   what that link hashed (a deleted event, an event given to another officer, a result moved
   three days: each is named by dossier code and event number); a dossier no link covers, or a
   recorded one that is gone, is named too;
3. **the other objects** (settings, the unit, legal regimes, trusted keys, procedures, calendar
   overrides, accounts and their events, refusals at the counter, the upstream's package log):
   each current row equals its latest recorded state, and none is missing or unrecorded.

The report names the *first* broken link (the lowest link number; rows no link covers come
after) in Vietnamese, and keeps the first 50 problems.

**From a checkpoint** (``from_checkpoint=True``): the link at the stored checkpoint must still
have the stored hash; only the links after it are recomputed, with the events they cover; every
dossier's and object's current row is still compared with its latest state (what the reports
read), but the events of older links are not re-hashed. A count of events against the
recorded ranges sends the check back to the full one when rows were added or removed. A
checkpoint lives in the database: it speeds the check, it protects nothing (see
docs/architecture.md); the full check runs with every backup.

:func:`verify` opens its own read transaction (its own pooled connection) and touches no Qt:
call it from a worker thread. :func:`verify_target` opens the database itself.
"""

from __future__ import annotations

import heapq
import itertools
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from mohao_desk.domain import audit as chain
from mohao_desk.domain.errors import Phrase
from mohao_desk.domain.lifecycle import Act
from mohao_desk.domain.text import group_digits
from mohao_desk.store import audit as store
from mohao_desk.store.db import Database, open_database

KEEP_PROBLEMS = 50
Progress = Callable[[str, int], None]


@dataclass(frozen=True)
class AuditProblem:
    """One place where the history does not hold. ``seq`` is the link (mắt xích) that no
    longer matches, None for rows no link covers."""

    seq: int | None
    text: Phrase
    code: str | None = None  # the dossier's code
    event: int | None = None  # the event's number in its dossier
    subject: str | None = None  # the object (``setting:…``, ``procedure:…``, ``officer:…``)
    # Within one link: the chain's own shape (a gap, the head) first, then the link's fields,
    # rows left without their link, and last the rows the link covers.
    rank: int = 3

    @property
    def message(self) -> str:
        return self.text.render()

    def as_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "message": self.message,
            "dossier": self.code,
            "event": self.event,
            "subject": self.subject,
        }


@dataclass(frozen=True)
class AuditReport:
    whole: bool
    length: int  # links in the chain (the head's number)
    head: str  # the head's hash
    from_seq: int  # 0: the whole chain; otherwise the checkpoint it went on from
    links: int  # links recomputed
    dossiers: int
    events: int  # events re-hashed
    objects: int
    seconds: float
    problems: tuple[AuditProblem, ...]  # the first KEEP_PROBLEMS, first broken first
    problem_count: int
    checkpoint_saved: bool = False

    @property
    def first(self) -> AuditProblem | None:
        return self.problems[0] if self.problems else None

    def summary(self) -> Phrase:
        """One line, in Vietnamese."""
        if self.whole:
            scope = (
                Phrase("kiểm tra toàn bộ")
                if self.from_seq == 0
                else Phrase("kiểm tra tiếp từ mắt xích số {seq}", seq=group_digits(self.from_seq))
            )
            return Phrase(
                "Lịch sử nguyên vẹn: {links} mắt xích, {dossiers} hồ sơ, {events} sự kiện đã "
                "tính lại, {objects} mục cài đặt, danh mục và tài khoản ({scope}, {seconds} "
                "giây).",
                links=group_digits(self.length),
                dossiers=group_digits(self.dossiers),
                events=group_digits(self.events),
                objects=group_digits(self.objects),
                scope=scope,
                seconds=f"{self.seconds:.1f}".replace(".", ","),
            )
        first = self.first
        assert first is not None
        if self.problem_count > 1:
            return Phrase(
                "Lịch sử không còn nguyên vẹn ({count} chỗ), chỗ đầu tiên: {first}",
                count=group_digits(self.problem_count),
                first=first.text,
            )
        return Phrase("Lịch sử không còn nguyên vẹn: {first}", first=first.text)

    def as_dict(self) -> dict[str, Any]:
        return {
            "whole": self.whole,
            "length": self.length,
            "head": self.head,
            "from_seq": self.from_seq,
            "links_checked": self.links,
            "dossiers": self.dossiers,
            "events": self.events,
            "objects": self.objects,
            "seconds": round(self.seconds, 3),
            "problem_count": self.problem_count,
            "first": self.first.as_dict() if self.first else None,
            "problems": [p.as_dict() for p in self.problems],
            "summary": self.summary().render(),
        }


class _Problems:
    """The KEEP_PROBLEMS first problems by link number (rows without a link last), kept in a
    bounded heap however many there are."""

    def __init__(self) -> None:
        self._heap: list[tuple[tuple[int, int, int, int], AuditProblem]] = []
        self._order = itertools.count()
        self.count = 0

    def add(self, problem: AuditProblem) -> None:
        self.count += 1
        seq = problem.seq
        key = (0 if seq is not None else 1, seq or 0, problem.rank, next(self._order))
        item = ((-key[0], -key[1], -key[2], -key[3]), problem)
        if len(self._heap) < KEEP_PROBLEMS:
            heapq.heappush(self._heap, item)
        elif item[0] > self._heap[0][0]:
            heapq.heapreplace(self._heap, item)

    def sorted(self) -> tuple[AuditProblem, ...]:
        return tuple(p for _, p in sorted(self._heap, key=lambda i: i[0], reverse=True))


@dataclass
class _Counts:
    links: int = 0
    dossiers: int = 0
    events: int = 0
    objects: int = 0
    problems: _Problems = field(default_factory=_Problems)


def verify_target(
    target: Path | str, *, from_checkpoint: bool = False, save_checkpoint: bool = False
) -> AuditReport:
    """:func:`verify` on a database opened for the purpose (its own engine and connection)."""
    db = open_database(target, create=False)
    try:
        return verify(db, from_checkpoint=from_checkpoint, save_checkpoint=save_checkpoint)
    finally:
        db.close()


def verify(
    db: Database,
    *,
    from_checkpoint: bool = False,
    save_checkpoint: bool = False,
    progress: Progress | None = None,
) -> AuditReport:
    """Recompute the chain and compare it with the rows (see the module's doc). With
    ``save_checkpoint``, a whole chain's head becomes the checkpoint (a short write
    transaction of its own)."""
    with db.read() as conn:
        report = verify_in(conn, from_checkpoint=from_checkpoint, progress=progress)
    if save_checkpoint and report.whole and report.length:
        saved = record_checkpoint(db, report.length, report.head)
        report = _with_saved(report, saved)
    return report


def _with_saved(report: AuditReport, saved: bool) -> AuditReport:
    from dataclasses import replace

    return replace(report, checkpoint_saved=saved)


def record_checkpoint(db: Database, seq: int, hashed: str) -> bool:
    """Store link ``seq`` (verified whole, with hash ``hashed``) as the checkpoint, if this
    database's link ``seq`` has that hash (a backup's head is the live database's too)."""
    with db.begin() as conn:
        found = store.link_at(conn, seq)
        if found is None or found[0] != hashed:
            return False
        store.put_checkpoint(conn, seq, hashed, int(time.time()))
    return True


def head(db: Database) -> tuple[int, str]:
    """(length, head hash) of the chain."""
    with db.read() as conn:
        return store.head(conn)


def verify_in(
    conn: Connection, *, from_checkpoint: bool = False, progress: Progress | None = None
) -> AuditReport:
    """:func:`verify` inside the caller's transaction (it sees what the transaction wrote)."""
    started = time.perf_counter()
    progress = progress or (lambda _stage, _n: None)
    length, head_hash = store.head(conn)
    counts = _Counts()
    start, previous = 0, chain.GENESIS
    if from_checkpoint:
        start, previous = _from_checkpoint(conn, length, counts)
        if start and not _event_count_holds(conn):
            start, previous = 0, chain.GENESIS  # rows added or removed: the full check names them
    names = store.usernames(conn)
    progress("chain", 0)
    last_seq, last_hash = _check_links(conn, start, previous, counts)
    if (last_seq, last_hash) != (length, head_hash):
        counts.problems.add(
            AuditProblem(
                min(last_seq, length) + 1,
                Phrase(
                    "Đầu chuỗi lịch sử (mắt xích số {head}) không khớp mắt xích cuối cùng còn "
                    "lại (số {last}): các mắt xích cuối đã bị xóa hoặc sửa.",
                    head=group_digits(length),
                    last=group_digits(last_seq),
                ),
                rank=0,
            )
        )
    progress("dossiers", counts.links)
    _check_dossiers(conn, names, start, counts)
    progress("objects", counts.dossiers)
    _check_objects(conn, names, counts)
    problems = counts.problems
    return AuditReport(
        whole=problems.count == 0,
        length=length,
        head=head_hash,
        from_seq=start,
        links=counts.links,
        dossiers=counts.dossiers,
        events=counts.events,
        objects=counts.objects,
        seconds=time.perf_counter() - started,
        problems=problems.sorted(),
        problem_count=problems.count,
    )


def _from_checkpoint(conn: Connection, length: int, counts: _Counts) -> tuple[int, str]:
    found = store.checkpoint(conn)
    if found is None:
        return 0, chain.GENESIS
    seq, hashed, at = found
    when = datetime.fromtimestamp(at, UTC)
    if seq > length:
        counts.problems.add(
            AuditProblem(
                length + 1,
                Phrase(
                    "Chuỗi lịch sử chỉ còn {length} mắt xích, ít hơn lần kiểm tra ngày {day} "
                    "({seq} mắt xích): lịch sử đã bị cắt bớt.",
                    length=group_digits(length),
                    seq=group_digits(seq),
                    day=f"{when:%d/%m/%Y}",
                ),
                rank=0,
            )
        )
        return 0, chain.GENESIS
    link = store.link_at(conn, seq)
    if link is None or link[0] != hashed:
        counts.problems.add(
            AuditProblem(
                seq,
                Phrase(
                    "Mắt xích số {seq} khác với lần kiểm tra ngày {day}: lịch sử đã bị viết lại.",
                    seq=group_digits(seq),
                    day=f"{when:%d/%m/%Y}",
                ),
                rank=0,
            )
        )
        return 0, chain.GENESIS
    return seq, hashed


def _event_count_holds(conn: Connection) -> bool:
    """As many events as the recorded ranges cover (cheap: two aggregates in the database)."""
    events = conn.exec_driver_sql("SELECT count(*) FROM event").scalar_one()
    covered = conn.exec_driver_sql(
        "SELECT COALESCE(sum(last_event - first_event + 1), 0) FROM audit_state "
        "WHERE first_event IS NOT NULL"
    ).scalar_one()
    return int(events) == int(covered)


# ------------------------------------------------------------------------ the chain


def _link_label(kind: str, ref: str) -> Phrase:
    if kind == chain.KIND_EVENT:
        return Phrase("hồ sơ {ref}", ref=ref)
    labels = {
        chain.KIND_SETTINGS: Phrase("cài đặt: {ref}", ref=ref),
        chain.KIND_CATALOG: Phrase("danh mục thủ tục: {ref}", ref=ref),
        chain.KIND_CALENDAR: Phrase("lịch làm việc: {ref}", ref=ref),
        chain.KIND_ACCOUNT: Phrase("tài khoản: {ref}", ref=ref),
        chain.KIND_COUNTER: Phrase("từ chối tại quầy: {ref}", ref=ref),
        chain.KIND_SYNC: Phrase("nhập gói: {ref}", ref=ref),
        chain.KIND_BATCH: Phrase("lô dữ liệu: {ref}", ref=ref),
    }
    return labels.get(kind, Phrase("{kind}: {ref}", kind=kind, ref=ref))


def _grouped(rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[Any, list[tuple[Any, ...]]]]:
    """Consecutive rows with the same first value, as (value, rows)."""
    for key, group in itertools.groupby(rows, key=lambda r: r[0]):
        yield key, list(group)


class _Peek:
    """Groups of an ordered stream, taken by key."""

    def __init__(self, groups: Iterator[tuple[Any, list[tuple[Any, ...]]]]) -> None:
        self._groups = groups
        self._next = next(groups, None)

    def before(self, key: Any) -> Iterator[tuple[Any, list[tuple[Any, ...]]]]:
        """The groups whose key is below ``key`` (nobody asked for them)."""
        while self._next is not None and (key is None or self._next[0] < key):
            yield self._next
            self._next = next(self._groups, None)

    def take(self, key: Any) -> list[tuple[Any, ...]]:
        if self._next is not None and self._next[0] == key:
            rows = self._next[1]
            self._next = next(self._groups, None)
            return rows
        return []


def _check_links(conn: Connection, start: int, previous: str, counts: _Counts) -> tuple[int, str]:
    states = _Peek(
        _grouped(
            store.stream(
                conn,
                "SELECT seq, dossier_id, first_event, last_event, events_sha, state_sha "
                "FROM audit_state WHERE seq > ? ORDER BY seq, dossier_id",
                (start,),
            )
        )
    )
    objects = _Peek(
        _grouped(
            store.stream(
                conn,
                "SELECT seq, subject, state_sha FROM audit_object WHERE seq > ? "
                "ORDER BY seq, subject",
                (start,),
            )
        )
    )
    links = store.stream(
        conn,
        "SELECT seq, kind, ref, content_sha, prev_hash, hash, at FROM audit_link "
        "WHERE seq > ? ORDER BY seq",
        (start,),
    )
    expected = start + 1
    add = counts.problems.add
    for seq, kind, ref, content_sha, prev_hash, hashed, at in links:
        gap = seq != expected
        if gap:
            add(
                AuditProblem(
                    expected,
                    Phrase(
                        "Thiếu mắt xích số {first} đến {last} của chuỗi lịch sử (đã bị xóa).",
                        first=group_digits(expected),
                        last=group_digits(seq - 1),
                    ),
                    rank=0,
                )
            )
        for orphan, _ in itertools.chain(states.before(seq), objects.before(seq)):
            add(_orphan_rows(orphan))
        content = chain.ContentHasher()
        for _, dossier_id, first, last, events_sha, state_sha in states.take(seq):
            content.add_state(dossier_id, first, last, events_sha, state_sha)
        for _, subject, state_sha in objects.take(seq):
            content.add_object(subject, state_sha)
        if (
            (prev_hash != previous and not gap)  # after a gap the missing hash is unknown
            or content.hexdigest() != content_sha
            or chain.link_hash(seq, kind, ref, content_sha, prev_hash, at) != hashed
        ):
            add(
                AuditProblem(
                    seq,
                    Phrase(
                        "Mắt xích số {seq} ({what}) đã bị sửa.",
                        seq=group_digits(seq),
                        what=_link_label(str(kind), str(ref)),
                    ),
                    rank=1,
                )
            )
        previous = str(hashed)
        expected = seq + 1
        counts.links += 1
    for orphan, _ in itertools.chain(states.before(None), objects.before(None)):
        add(_orphan_rows(orphan))
    return expected - 1, previous


def _orphan_rows(seq: int) -> AuditProblem:
    return AuditProblem(
        seq,
        Phrase(
            "Có dữ liệu ghi cho mắt xích số {seq} nhưng mắt xích này không còn (đã bị xóa).",
            seq=group_digits(seq),
        ),
        rank=2,
    )


# ------------------------------------------------------------------------- dossiers


def _act_label(act: object) -> str:
    try:
        return Act(str(act)).label
    except ValueError:
        return str(act)


def _check_dossiers(conn: Connection, names: dict[int, str], start: int, counts: _Counts) -> None:
    states = _Peek(
        _grouped(
            store.stream(
                conn,
                "SELECT dossier_id, seq, first_event, last_event, events_sha, state_sha "
                "FROM audit_state ORDER BY dossier_id, seq",
            )
        )
    )
    recent = ""
    if start:
        # Only the events of dossiers that links after the checkpoint touched.
        recent = f"dossier_id IN (SELECT dossier_id FROM audit_state WHERE seq > {int(start)})"
    rows = store.dossiers(conn, store.Scope(), names, events=True, event_filter=recent)
    recent_ids: set[int] | None = None
    if start:
        recent_ids = {
            int(r[0])
            for r in store.stream(
                conn, "SELECT DISTINCT dossier_id FROM audit_state WHERE seq > ?", (start,)
            )
        }
    for row in rows:
        for gone, recorded in states.before(row.id):
            _deleted_dossier(conn, gone, recorded, counts)
        recorded = states.take(row.id)
        counts.dossiers += 1
        check_events = recent_ids is None or row.id in recent_ids
        _check_dossier(row, recorded, check_events, counts)
    for gone, recorded in states.before(None):
        _deleted_dossier(conn, gone, recorded, counts)


def _check_dossier(
    row: store.DossierRows, recorded: list[tuple[Any, ...]], check_events: bool, counts: _Counts
) -> None:
    add = counts.problems.add
    code = row.code
    if not recorded:
        add(
            AuditProblem(
                None,
                Phrase(
                    "Hồ sơ {code} không có trong chuỗi lịch sử (được thêm ngoài chương trình).",
                    code=code,
                ),
                code=code,
            )
        )
        return
    latest = recorded[-1]
    if latest[5] != row.state_sha:
        last_event = max((r[3] for r in recorded if r[3] is not None), default=None)
        text = (
            Phrase(
                "Hồ sơ {code}: dữ liệu của hồ sơ (thời hạn, kết quả, trạng thái, cán bộ, người "
                "nộp…) đã bị sửa sau lần ghi cuối cùng (sự kiện số {event}).",
                code=code,
                event=last_event,
            )
            if last_event is not None
            else Phrase(
                "Hồ sơ {code}: dữ liệu của hồ sơ (thời hạn, kết quả, trạng thái, cán bộ, người "
                "nộp…) đã bị sửa sau lần ghi cuối cùng.",
                code=code,
            )
        )
        add(AuditProblem(int(latest[1]), text, code=code, event=last_event))
    if not check_events:
        return
    events = {int(e[0]): e for e in row.events}
    covered: set[int] = set()
    for _, seq, first, last, events_sha, _state in recorded:
        if first is None:
            continue
        numbers = range(int(first), int(last) + 1)
        twice = [n for n in numbers if n in covered]
        covered.update(numbers)
        missing = [n for n in numbers if n not in events]
        if missing:
            add(
                AuditProblem(
                    int(seq),
                    Phrase(
                        "Hồ sơ {code}: sự kiện số {event} đã bị xóa.", code=code, event=missing[0]
                    ),
                    code=code,
                    event=missing[0],
                )
            )
            continue
        counts.events += len(numbers)
        if chain.events_sha([events[n] for n in numbers]) != events_sha:
            if len(numbers) == 1:
                text = Phrase(
                    "Hồ sơ {code}: sự kiện số {event} ({act}) đã bị sửa.",
                    code=code,
                    event=first,
                    act=_act_label(events[first][1]),
                )
            else:
                text = Phrase(
                    "Hồ sơ {code}: một trong các sự kiện số {first} đến {last} đã bị sửa.",
                    code=code,
                    first=first,
                    last=last,
                )
            add(AuditProblem(int(seq), text, code=code, event=int(first)))
        if twice:
            add(
                AuditProblem(
                    int(seq),
                    Phrase(
                        "Hồ sơ {code}: sự kiện số {event} được ghi hai lần trong chuỗi lịch sử.",
                        code=code,
                        event=twice[0],
                    ),
                    code=code,
                    event=twice[0],
                )
            )
    for number in sorted(set(events) - covered):
        add(
            AuditProblem(
                None,
                Phrase(
                    "Hồ sơ {code}: sự kiện số {event} ({act}) không có trong chuỗi lịch sử (được "
                    "thêm ngoài chương trình).",
                    code=code,
                    event=number,
                    act=_act_label(events[number][1]),
                ),
                code=code,
                event=number,
            )
        )


def _deleted_dossier(
    conn: Connection, dossier_id: int, recorded: list[tuple[Any, ...]], counts: _Counts
) -> None:
    latest = int(recorded[-1][1])
    code = None
    for _, seq, *_rest in reversed(recorded):
        link = store.link_at(conn, int(seq))
        if link is not None and link[1] == chain.KIND_EVENT:
            code = link[2].split(" #")[0]
            break
    text = (
        Phrase("Hồ sơ {code} đã bị xóa khỏi cơ sở dữ liệu.", code=code)
        if code
        else Phrase("Một hồ sơ (số nội bộ {id}) đã bị xóa khỏi cơ sở dữ liệu.", id=int(dossier_id))
    )
    counts.problems.add(AuditProblem(latest, text, code=code))


# -------------------------------------------------------------------------- objects


def _thing(name: str, names: dict[int, str]) -> Phrase:
    """What an object's subject is, in words."""
    prefix, key = chain.subject_parts(name)
    if prefix == "setting":
        return Phrase("cài đặt '{key}'", key=key)
    if prefix == "unit":
        return Phrase("thông tin đơn vị (số {key})", key=key)
    if prefix == "regime":
        return Phrase("chế độ pháp lý {key}", key=key)
    if prefix == "key":
        return Phrase("khóa tin cậy của đơn vị số {key}", key=key)
    if prefix == "procedure":
        return Phrase("thủ tục {key}", key=key)
    if prefix == "override":
        day = key.rpartition(":")[2]
        try:
            shown = f"{date.fromisoformat(day):%d/%m/%Y}"
        except ValueError:
            shown = day
        return Phrase("điều chỉnh lịch ngày {day}", day=shown)
    if prefix == "officer":
        username = names.get(int(key)) if key.isdigit() else None
        if username:
            return Phrase("tài khoản {username}", username=username)
        return Phrase("tài khoản số {key}", key=key)
    if prefix == "account_event":
        return Phrase("nhật ký tài khoản số {key}", key=key)
    if prefix == "counter_refusal":
        return Phrase("bản ghi từ chối tiếp nhận tại quầy số {key}", key=key)
    return Phrase("bản ghi nhập gói số {key}", key=key)


def _check_objects(conn: Connection, names: dict[int, str], counts: _Counts) -> None:
    current = store.object_states(conn)
    counts.objects = len(current)
    add = counts.problems.add
    latest: dict[str, tuple[int, str | None]] = {}
    for subject, seq, state_sha in store.stream(
        conn, "SELECT subject, seq, state_sha FROM audit_object ORDER BY subject, seq"
    ):
        latest[str(subject)] = (int(seq), state_sha)
    for subject, (seq, recorded) in latest.items():
        now = current.get(subject)
        if recorded is None and now is None:
            continue
        thing = _thing(subject, names).capitalized()
        if recorded is None:
            text = Phrase("{thing} đã bị thêm lại ngoài chương trình sau khi bị xóa.", thing=thing)
        elif now is None:
            text = Phrase("{thing} đã bị xóa ngoài chương trình.", thing=thing)
        elif now != recorded:
            text = Phrase("{thing} đã bị sửa ngoài chương trình.", thing=thing)
        else:
            continue
        add(AuditProblem(seq, text, subject=subject))
    for subject in sorted(set(current) - set(latest)):
        add(
            AuditProblem(
                None,
                Phrase(
                    "{thing} không có trong chuỗi lịch sử (được thêm ngoài chương trình).",
                    thing=_thing(subject, names).capitalized(),
                ),
                subject=subject,
            )
        )
