"""The audit chain's SQL (issue 11): what a write transaction changed is noted as it is
written, and sealed into links just before the commit; the rows the chain covers are read back
in the canonical orders of ``domain/audit.py``, for sealing and for verifying.

**Noting.** The store's writers (``queries``, ``account_queries``, ``counter_queries``,
``sync_queries``) call :func:`touch` and friends; ``Database.begin`` gives each write
transaction a :class:`Pending` and calls :func:`seal` as its last step. Nothing outside a
``Database.begin`` is noted (a migration seals what it writes itself). Bulk writers (the demo,
the upstream's import) mark a range of new dossiers and name the batch: one ``batch`` link.

**Sealing.** For a normal transaction the states are computed first and the head is locked
last (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite's write transaction is already the only
one): the locked part is three to five short statements. A bulk seal locks the head first and
streams (the state rows need the link's number, and a million of them are not kept in memory).

Raw cursors (``stream``) read the rows: SQLite's cursor as it steps, a psycopg server-side
cursor on PostgreSQL, so that a million dossiers are never all in memory.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from mohao_desk.domain import audit as chain
from mohao_desk.store.dialect import driver_sql, is_postgresql

# A state line: dossier id, first and last event number covered, their hash, the state's hash.
State = tuple[int, int | None, int | None, str | None, str]

_KEY = "mohao_audit_pending"
FETCH = 5_000
IN_CHUNK = 900  # ids per IN (...) list (SQLite's default limit of variables is 999)


@dataclass
class Pending:
    """What a write transaction changed that the chain covers."""

    dossiers: set[int] = field(default_factory=set)  # rows changed
    events: dict[int, set[int]] = field(default_factory=dict)  # dossier id → event numbers
    new_ranges: list[tuple[int, int]] = field(default_factory=list)  # bulk: with all events
    # Bulk, without events, their states hashed by the writer: (first id, raw digests of
    # ids first, first + 1, … : 32 bytes each); nothing is read back for them.
    hashed: list[tuple[int, bytes]] = field(default_factory=list)
    objects: set[str] = field(default_factory=set)
    batch: str | None = None  # the ref of the one batch link of a bulk write
    open: OpenBatch | None = None  # a batch whose state lines are being written (the demo)

    def __bool__(self) -> bool:
        return bool(
            self.dossiers
            or self.events
            or self.new_ranges
            or self.hashed
            or self.objects
            or self.open
        )


@dataclass
class OpenBatch:
    """A batch link being filled with state lines computed by the writer itself (the demo's
    generator hashes the rows it makes: nothing is read back). The head is locked when it
    opens; lines come in ascending dossier id order."""

    seq: int
    previous: str
    content: chain.ContentHasher
    last_id: int = 0


def begin_tracking(conn: Connection) -> Pending:
    pending = Pending()
    conn.info[_KEY] = pending
    return pending


def end_tracking(conn: Connection) -> None:
    conn.info.pop(_KEY, None)


def _pending(conn: Connection) -> Pending | None:
    found = conn.info.get(_KEY)
    return found if isinstance(found, Pending) else None


def touch(conn: Connection, subject: str) -> None:
    """An object (``domain.audit.subject``) was written or removed in this transaction."""
    pending = _pending(conn)
    if pending is not None:
        pending.objects.add(subject)


def touch_many(conn: Connection, subjects: Iterable[str]) -> None:
    pending = _pending(conn)
    if pending is not None:
        pending.objects.update(subjects)


def touch_dossier(conn: Connection, dossier_id: int) -> None:
    pending = _pending(conn)
    if pending is not None:
        pending.dossiers.add(int(dossier_id))


def touch_dossiers(conn: Connection, ids: Iterable[int]) -> None:
    pending = _pending(conn)
    if pending is not None:
        pending.dossiers.update(int(i) for i in ids)


def touch_event(conn: Connection, dossier_id: int, seq: int) -> None:
    pending = _pending(conn)
    if pending is not None:
        pending.events.setdefault(int(dossier_id), set()).add(int(seq))


def touch_new_dossiers(conn: Connection, first_id: int, last_id: int) -> None:
    """Dossiers ``first_id``…``last_id`` were inserted in bulk, with all their events."""
    pending = _pending(conn)
    if pending is not None and last_id >= first_id:
        pending.new_ranges.append((int(first_id), int(last_id)))


def touch_hashed_dossiers(conn: Connection, first_id: int, digests: bytes) -> None:
    """Dossiers ``first_id`` … were inserted in bulk, without events, and the writer hashed
    their states (``domain.audit.dossier_state_digests`` of their final values, 32 bytes each,
    in id order): the seal takes these lines as they are, reading nothing back. Any other
    note of these ids (``touch_dossiers``) is then covered by them."""
    pending = _pending(conn)
    if pending is not None and digests:
        if len(digests) % 32:
            raise ValueError("a state digest is 32 bytes")
        pending.hashed.append((int(first_id), bytes(digests)))


def batch(conn: Connection, ref: str) -> None:
    """This transaction is a bulk write: everything it changed goes into one ``batch`` link
    named ``ref``."""
    pending = _pending(conn)
    if pending is not None:
        pending.batch = ref


def open_batch(conn: Connection, ref: str) -> OpenBatch | None:
    """Start this transaction's batch link now: the head is locked (until the commit), its
    number reserved, and :func:`add_states` writes state lines under it as they come."""
    pending = _pending(conn)
    if pending is None:
        return None
    seq, previous = head(conn, lock=True)
    pending.batch = ref
    pending.open = OpenBatch(seq + 1, previous, chain.ContentHasher())
    return pending.open


def add_states(conn: Connection, states: Sequence[State]) -> None:
    """State lines of new dossiers, computed by the caller, into the open batch."""
    pending = _pending(conn)
    if pending is None or pending.open is None or not states:
        return
    batch = pending.open
    for state in states:
        if state[0] <= batch.last_id:
            raise ValueError("state lines must come in ascending dossier order")
        batch.content.add_state(*state)
        batch.last_id = state[0]
    _insert_states(conn, batch.seq, states)


# ------------------------------------------------------------------------- reading


_cursor_names = itertools.count(1)


def stream(
    conn: Connection, sql: str, params: Sequence[Any] = (), *, small: bool = False
) -> Iterator[tuple[Any, ...]]:
    """Rows of ``sql`` (``?`` placeholders) as plain tuples, fetched a few thousand at a
    time, inside the connection's transaction. ``small``: a few rows, fetched at once (a
    server-side cursor costs three round trips on PostgreSQL)."""
    raw: Any = conn.connection.driver_connection
    if small:
        yield from _rows(conn, sql, params)
        return
    if is_postgresql(conn):
        with raw.cursor(name=f"mohao_audit_{next(_cursor_names)}") as cursor:
            cursor.itersize = FETCH
            cursor.execute(driver_sql(conn, sql), tuple(params))
            for row in cursor:
                yield tuple(row)
        return
    cursor = raw.cursor()
    try:
        cursor.execute(sql, tuple(params))
        while rows := cursor.fetchmany(FETCH):
            yield from rows
    finally:
        cursor.close()


def _raw(conn: Connection) -> Any:
    """The driver's connection, inside SQLAlchemy's transaction: the chain's few statements per
    act go to it directly (SQLAlchemy's own overhead was most of their cost)."""
    return conn.connection.driver_connection


def _rows(conn: Connection, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    cursor = _raw(conn).cursor()
    try:
        cursor.execute(driver_sql(conn, sql), tuple(params))
        return [tuple(r) for r in cursor.fetchall()]
    finally:
        cursor.close()


def _execute(conn: Connection, sql: str, params: Sequence[Any] = (), *, many: bool = False) -> None:
    cursor = _raw(conn).cursor()
    try:
        if many:
            cursor.executemany(driver_sql(conn, sql), params)
        else:
            cursor.execute(driver_sql(conn, sql), tuple(params))
    finally:
        cursor.close()


def usernames(conn: Connection) -> dict[int, str]:
    """officer id → username (events, dossiers and components name officers so)."""
    return {int(i): str(u) for i, u in _rows(conn, "SELECT id, username FROM officer")}


_DOSSIER_COLUMNS = (
    "id, code, unit_id, procedure_id, regime_code, applicant_name, applicant_address, "
    "applicant_phone, applicant_email, applicant_id_number, channel, sets_count, verification, "
    "received_at, due_at, original_due_at, finished_at, returned_at, paused_at, status, "
    "officer_id, receiver_id, supplement_count, apology_count, inputs_digitized, "
    "result_digitized, result_electronic, rating, event_count, book_year, book_number"
)
_OFFICER_AT = 1 + chain.DOSSIER_FIELDS.index("officer")
_RECEIVER_AT = 1 + chain.DOSSIER_FIELDS.index("receiver")
_COMPONENT_COLUMNS = (
    "dossier_id, position, name, kind, quantity, digitized_at, digitized_by, file_name, "
    "sha256, reused"
)
_DIGITIZED_BY_AT = 1 + chain.COMPONENT_FIELDS.index("digitized_by")
EVENT_COLUMNS = (
    "dossier_id, seq, act, at, officer_id, status_before, status_after, data, recorded_at"
)


class Scope:
    """Which dossiers a read covers: an id range, a list of ids, or all of them."""

    def __init__(
        self, *, low: int | None = None, high: int | None = None, ids: Sequence[int] = ()
    ) -> None:
        self.low, self.high, self.ids = low, high, list(ids)

    def where(self, column: str) -> tuple[str, list[Any]]:
        if self.ids:
            return f" WHERE {column} IN ({', '.join('?' * len(self.ids))})", list(self.ids)
        if self.low is not None and self.high is not None:
            return f" WHERE {column} BETWEEN ? AND ?", [self.low, self.high]
        return "", []


class _Grouped:
    """A stream of rows ordered by their first value, taken group by group."""

    __slots__ = ("_next", "_rows", "skipped")

    def __init__(self, rows: Iterator[tuple[Any, ...]]) -> None:
        self._rows = rows
        self._next: tuple[Any, ...] | None = next(rows, None)
        self.skipped: list[tuple[Any, ...]] = []  # rows of keys never asked for (orphans)

    def take(self, key: int) -> list[tuple[Any, ...]]:
        found = []
        row = self._next
        while row is not None and row[0] <= key:
            if row[0] == key:
                found.append(row)
            elif len(self.skipped) < 1000:
                self.skipped.append(row)
            row = next(self._rows, None)
        self._next = row
        return found

    def rest(self) -> list[tuple[Any, ...]]:
        rest = [] if self._next is None else [self._next, *self._rows]
        self._next = None
        return rest


@dataclass(frozen=True)
class DossierRows:
    """One dossier as the chain sees it: its state's hash and its events' values (in
    ``EVENT_FIELDS`` order, by number), when asked for."""

    id: int
    code: str
    state_sha: str
    events: list[tuple[Any, ...]]


def event_values(row: tuple[Any, ...], names: dict[int, str]) -> tuple[Any, ...]:
    """An event row (``EVENT_COLUMNS``) → its values in ``EVENT_FIELDS`` order."""
    _, seq, act, at, officer, before, after, data, recorded = row
    by = None if officer is None else names.get(officer, f"#{officer}")
    return (seq, act, at, by, before, after, data, recorded)


def dossiers(
    conn: Connection,
    scope: Scope,
    names: dict[int, str],
    *,
    events: bool = True,
    event_filter: str = "",
) -> Iterator[DossierRows]:
    """The dossiers of ``scope`` in id order, each with its state's hash and (``events``) its
    events; four ordered streams merged by dossier id."""
    where, params = scope.where("id")
    small = bool(scope.ids) and len(scope.ids) <= 100
    rows = stream(
        conn, f"SELECT {_DOSSIER_COLUMNS} FROM dossier{where} ORDER BY id", params, small=small
    )
    cwhere, cparams = scope.where("dossier_id")
    comps = _Grouped(
        stream(
            conn,
            f"SELECT {_COMPONENT_COLUMNS} FROM component{cwhere} ORDER BY dossier_id, position",
            cparams,
            small=small,
        )
    )
    synced = _Grouped(
        stream(
            conn,
            f"SELECT dossier_id, package_sequence, facts FROM synced_dossier{cwhere} "
            "ORDER BY dossier_id",
            cparams,
            small=small,
        )
    )
    evs = None
    if events:
        extra = (" AND " if cwhere else " WHERE ") + event_filter if event_filter else ""
        evs = _Grouped(
            stream(
                conn,
                f"SELECT {EVENT_COLUMNS} FROM event{cwhere}{extra} ORDER BY dossier_id, seq",
                cparams,
                small=small,
            )
        )
    get = names.get
    for row in rows:
        dossier_id = row[0]
        values = list(row[1:])
        officer, receiver = row[_OFFICER_AT], row[_RECEIVER_AT]
        values[_OFFICER_AT - 1] = None if officer is None else get(officer, f"#{officer}")
        values[_RECEIVER_AT - 1] = None if receiver is None else get(receiver, f"#{receiver}")
        components = []
        for c in comps.take(dossier_id):
            by = c[_DIGITIZED_BY_AT]
            item = list(c[1:])
            item[_DIGITIZED_BY_AT - 1] = None if by is None else get(by, f"#{by}")
            components.append(item)
        facts = synced.take(dossier_id)
        state = chain.dossier_state_sha(values, components, facts[0][1:] if facts else None)
        event_rows = [] if evs is None else [event_values(e, names) for e in evs.take(dossier_id)]
        yield DossierRows(dossier_id, str(row[1]), state, event_rows)


# ------------------------------------------------------------------------- objects

# Per kind of object: its table's rows as (subject key, values); the state hash is
# ``object_sha(prefix, values)``. Booleans are given as 0/1.
_OBJECT_SQL = {
    "setting": ("SELECT key, key, value FROM setting", "key"),
    "unit": (
        "SELECT id, id, code, name, parent_name, place_name, timezone, office_hours, is_own, "
        "created_at FROM unit",
        "id",
    ),
    "regime": (
        "SELECT code, code, name, valid_from, valid_to, legal_basis, forms_circular, upstream, "
        "apology_days_before, apology_once_only, forms FROM legal_regime",
        "code",
    ),
    "key": (
        "SELECT unit_id, unit_id, role, public_key, fingerprint, trusted_at FROM sync_key",
        "unit_id",
    ),
    "override": (
        "SELECT unit_id || ':' || day, unit_id, day, working, note FROM calendar_override",
        None,
    ),
    "officer": (
        "SELECT id, id, unit_id, username, full_name, title, phone, active, password_hash, "
        "roles, failed_logins, locked_until FROM officer",
        "id",
    ),
    "account_event": (
        "SELECT id, id, unit_id, username, kind, at, by_username, detail FROM account_event",
        "id",
    ),
    "counter_refusal": (
        "SELECT id, id, unit_id, year, number, regime_code, procedure_id, applicant_name, "
        "applicant_address, applicant_phone, applicant_email, channel, reason, officer_id, at, "
        "recorded_at FROM counter_refusal",
        "id",
    ),
    "import": (
        "SELECT id, id, unit_id, kind, sequence, sha256, previous_sha256, since, until, items, "
        "personal_data, file_name, created_at, imported_at, applied, audit_seq, audit_hash, "
        "audit_previous_seq, audit_previous_hash, audit_rewritten FROM sync_import",
        "id",
    ),
}
# Integer keys (the subject's text is compared with the column as a number).
_INT_KEYS = {"unit", "key", "officer", "account_event", "counter_refusal", "import"}


def _plain(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value


def _object_rows(
    conn: Connection, prefix: str, keys: Sequence[str] | None
) -> Iterator[tuple[str, str]]:
    if prefix == "procedure":
        yield from _procedure_rows(conn, keys)
        return
    sql, column = _OBJECT_SQL[prefix]
    params: list[Any] = []
    if keys is not None and column is not None:
        values = [int(k) for k in keys] if prefix in _INT_KEYS else list(keys)
        for start in range(0, len(values), IN_CHUNK):
            part = values[start : start + IN_CHUNK]
            params = part
            chunk_sql = f"{sql} WHERE {column} IN ({', '.join('?' * len(part))})"
            for row in stream(conn, chunk_sql, params):
                yield (
                    chain.subject(prefix, row[0]),
                    chain.object_sha(prefix, [_plain(v) for v in row[1:]]),
                )
        return
    wanted = None if keys is None else set(keys)
    for row in stream(conn, sql, params):
        if wanted is not None and str(row[0]) not in wanted:
            continue
        yield chain.subject(prefix, row[0]), chain.object_sha(prefix, [_plain(v) for v in row[1:]])


def _procedure_rows(conn: Connection, codes: Sequence[str] | None) -> Iterator[tuple[str, str]]:
    sql = (
        "SELECT id, code, name, name_folded, field, time_value, time_unit, cutoff, "
        "verification_value, verification_unit, basis, note, active FROM procedure"
    )
    if codes is not None:
        rows = []
        for start in range(0, len(codes), IN_CHUNK):
            part = list(codes[start : start + IN_CHUNK])
            rows += _rows(conn, f"{sql} WHERE code IN ({', '.join('?' * len(part))})", part)
    else:
        rows = list(stream(conn, sql))
    if not rows:
        return
    components: dict[int, list[list[Any]]] = {}
    for c in stream(
        conn,
        "SELECT procedure_id, position, name, kind, quantity FROM procedure_component "
        "ORDER BY procedure_id, position",
    ):
        components.setdefault(c[0], []).append(list(c[1:]))
    for row in rows:
        values = [_plain(v) for v in row]
        yield (
            chain.subject("procedure", row[1]),
            chain.object_sha("procedure", [*values, components.get(row[0], [])]),
        )


def object_states(conn: Connection, subjects: Iterable[str] | None = None) -> dict[str, str]:
    """subject → state hash of the objects named (all when ``None``); a subject whose row is
    gone is absent."""
    by_prefix: dict[str, list[str]] = {}
    if subjects is not None:
        for name in subjects:
            prefix, key = chain.subject_parts(name)
            by_prefix.setdefault(prefix, []).append(key)
    prefixes = list(by_prefix) if subjects is not None else ["procedure", *_OBJECT_SQL]
    found: dict[str, str] = {}
    for prefix in prefixes:
        keys = by_prefix.get(prefix) if subjects is not None else None
        found.update(_object_rows(conn, prefix, keys))
    return found


# -------------------------------------------------------------------------- sealing


def head(conn: Connection, *, lock: bool = False) -> tuple[int, str]:
    """(seq, hash) of the chain's head; (0, GENESIS) before the first link. With ``lock``,
    the head row is created if need be and locked until the transaction ends."""
    sql = "SELECT seq, hash FROM audit_head WHERE id = 1"
    if lock and is_postgresql(conn):
        sql += " FOR UPDATE"
    rows = _rows(conn, sql)
    if not rows and lock:
        _execute(
            conn,
            "INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, ?) ON CONFLICT (id) DO NOTHING",
            (chain.GENESIS,),
        )
        rows = _rows(conn, sql)
    row = rows[0] if rows else None
    if row is None:
        return 0, chain.GENESIS
    return int(row[0]), str(row[1])


@dataclass
class _Link:
    kind: str
    ref: str
    states: list[tuple[int, int | None, int | None, str | None, str]] = field(default_factory=list)
    objects: list[tuple[str, str | None]] = field(default_factory=list)


def _now() -> int:
    return int(time.time())


def seal(conn: Connection, pending: Pending) -> int:
    """Append the links of what ``pending`` noted (the transaction's last step); returns how
    many links were added."""
    if not pending:
        return 0
    if (
        pending.batch is not None
        or pending.new_ranges
        or pending.hashed
        or pending.open is not None
    ):
        return seal_bulk(conn, pending, pending.batch or "ghi hàng loạt")
    names = usernames(conn) if pending.dossiers or pending.events else {}
    links: list[_Link] = []
    ids = sorted(pending.dossiers | set(pending.events))
    for start in range(0, len(ids), IN_CHUNK):
        part = ids[start : start + IN_CHUNK]
        found = {d.id: d for d in dossiers(conn, Scope(ids=part), names, events=False)}
        for dossier_id in part:
            seqs = sorted(pending.events.get(dossier_id, ()))
            first, last, digest = _events_of(conn, dossier_id, seqs, names)
            row = found.get(dossier_id)
            if row is None:  # removed in this transaction (nothing does so today)
                continue
            links.append(
                _Link(
                    chain.KIND_EVENT,
                    chain.event_ref(row.code, first, last),
                    [(dossier_id, first, last, digest, row.state_sha)],
                )
            )
    if pending.objects:
        states = object_states(conn, pending.objects)
        by_kind: dict[str, list[str]] = {}
        for name in pending.objects:
            by_kind.setdefault(chain.subject_kind(name), []).append(name)
        for kind in sorted(by_kind):
            subjects = sorted(by_kind[kind])
            links.append(
                _Link(kind, chain.short_list(subjects), [], [(s, states.get(s)) for s in subjects])
            )
    at = _now()
    seq, previous = head(conn, lock=True)  # the last step: the lock is held to the commit
    for link in links:
        seq += 1
        previous = _append(conn, seq, link, previous, at)
    _set_head(conn, seq, previous)
    return len(links)


def _events_of(
    conn: Connection, dossier_id: int, seqs: list[int], names: dict[int, str]
) -> tuple[int | None, int | None, str | None]:
    if not seqs:
        return None, None, None
    first, last = seqs[0], seqs[-1]
    rows = _rows(
        conn,
        f"SELECT {EVENT_COLUMNS} FROM event WHERE dossier_id = ? AND seq BETWEEN ? AND ? "
        "ORDER BY seq",
        (dossier_id, first, last),
    )
    return first, last, chain.events_sha([event_values(r, names) for r in rows])


def _append(conn: Connection, seq: int, link: _Link, previous: str, at: int) -> str:
    content = chain.ContentHasher()
    for state in link.states:
        content.add_state(*state)
    for name, digest in link.objects:
        content.add_object(name, digest)
    digest = content.hexdigest()
    hashed = chain.link_hash(seq, link.kind, link.ref, digest, previous, at)
    _insert_link(conn, seq, link.kind, link.ref, digest, previous, hashed, at)
    if link.states:
        _insert_states(conn, seq, link.states)
    if link.objects:
        _execute(
            conn,
            "INSERT INTO audit_object (subject, seq, state_sha) VALUES (?, ?, ?)",
            [(name, seq, d) for name, d in link.objects],
            many=True,
        )
    return hashed


def _insert_link(
    conn: Connection, seq: int, kind: str, ref: str, content: str, prev: str, hashed: str, at: int
) -> None:
    _execute(
        conn,
        "INSERT INTO audit_link (seq, kind, ref, content_sha, prev_hash, hash, at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (seq, kind, ref, content, prev, hashed, at),
    )


def _insert_states(
    conn: Connection,
    seq: int,
    states: Sequence[tuple[int, int | None, int | None, str | None, str]],
) -> None:
    _execute(
        conn,
        "INSERT INTO audit_state (dossier_id, seq, first_event, last_event, events_sha, "
        "state_sha) VALUES (?, ?, ?, ?, ?, ?)",
        [(d, seq, f, last, e, s) for d, f, last, e, s in states],
        many=True,
    )


def _set_head(conn: Connection, seq: int, hashed: str) -> None:
    _execute(conn, "UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", (seq, hashed))


def seal_bulk(
    conn: Connection, pending: Pending, ref: str, *, states: dict[str, str] | None = None
) -> int:
    """One ``batch`` link for everything ``pending`` noted, streamed: new dossiers with all
    their events, changed dossiers (their state, and the events noted), the objects. The head
    is locked first: the state rows are written as they are computed, under the link's
    number."""
    if pending.open is not None:
        seq, previous, content = pending.open.seq, pending.open.previous, pending.open.content
        floor = pending.open.last_id
    else:
        seq, previous = head(conn, lock=True)
        seq += 1
        content, floor = chain.ContentHasher(), 0
    names = usernames(conn)
    segments = _segments(pending)
    buffer: list[State] = []
    for scope, all_events in segments:
        if isinstance(scope, tuple):  # hashed by the writer: (first id, digests)
            first, digests = scope
            if first <= floor:
                raise ValueError("a dossier of the open batch was noted again")
            if buffer:
                _insert_states(conn, seq, buffer)
                buffer = []
            for at in range(0, len(digests), 32 * FETCH):
                part = digests[at : at + 32 * FETCH]
                low = first + at // 32
                hexes = content.add_bare_states(low, part)
                _insert_states(
                    conn, seq, [(low + k, None, None, None, h) for k, h in enumerate(hexes)]
                )
            continue
        for row in dossiers(conn, scope, names, events=True):
            if row.id <= floor:
                raise ValueError("a dossier of the open batch was noted again")
            if all_events:
                numbers = [e[0] for e in row.events]
                covered = row.events
            else:
                wanted = pending.events.get(row.id, set())
                covered = [e for e in row.events if e[0] in wanted]
                numbers = [e[0] for e in covered]
            state: State
            if covered:
                state = (row.id, numbers[0], numbers[-1], chain.events_sha(covered), row.state_sha)
            else:
                state = (row.id, None, None, None, row.state_sha)
            content.add_state(*state)
            buffer.append(state)
            if len(buffer) >= FETCH:
                _insert_states(conn, seq, buffer)
                buffer = []
    if buffer:
        _insert_states(conn, seq, buffer)
    objects = sorted(pending.objects)
    if states is None:
        states = object_states(conn, objects) if objects else {}
    for name in objects:
        content.add_object(name, states.get(name))
    if content.dossiers == 0 and content.objects == 0:
        return 0
    if objects:
        conn.exec_driver_sql(
            driver_sql(conn, "INSERT INTO audit_object (subject, seq, state_sha) VALUES (?, ?, ?)"),
            [(name, seq, states.get(name)) for name in objects],
        )
    at = _now()
    digest = content.hexdigest()
    hashed = chain.link_hash(seq, chain.KIND_BATCH, ref, digest, previous, at)
    _insert_link(conn, seq, chain.KIND_BATCH, ref, digest, previous, hashed, at)
    _set_head(conn, seq, hashed)
    return 1


def _segments(pending: Pending) -> list[tuple[Scope | tuple[int, bytes], bool]]:
    """The dossiers of a bulk seal in id order: the new ranges (scopes, with all their
    events), the ranges their writer hashed (``(first id, digests)``, taken as they are) and
    the changed ones in chunks (scopes, with the events noted)."""
    spans: list[tuple[int, int, tuple[Scope | tuple[int, bytes], bool]]] = [
        (low, high, (Scope(low=low, high=high), True)) for low, high in pending.new_ranges
    ]
    for first, digests in pending.hashed:
        high = first + len(digests) // 32 - 1
        if any(first <= i <= high for i in pending.events):
            raise ValueError("dossiers hashed by their writer have no events")
        spans.append((first, high, ((first, digests), False)))
    spans.sort(key=lambda span: span[0])
    singles = sorted(pending.dossiers | set(pending.events))
    loose = [i for i in singles if not any(low <= i <= high for low, high, _ in spans)]
    pieces: list[tuple[Scope | tuple[int, bytes], bool]] = []
    chunk: list[int] = []
    next_span = 0
    for dossier_id in loose:
        while next_span < len(spans) and spans[next_span][0] < dossier_id:
            if chunk:
                pieces.append((Scope(ids=chunk), False))
                chunk = []
            pieces.append(spans[next_span][2])
            next_span += 1
        chunk.append(dossier_id)
        if len(chunk) >= IN_CHUNK:
            pieces.append((Scope(ids=chunk), False))
            chunk = []
    if chunk:
        pieces.append((Scope(ids=chunk), False))
    pieces += [span[2] for span in spans[next_span:]]
    return pieces


def seal_everything(conn: Connection, ref: str) -> int:
    """Revision 0009: one ``batch`` link over everything already in the database (every
    dossier with all its events, every object). Nothing when the database is empty."""
    low, high = conn.exec_driver_sql("SELECT min(id), max(id) FROM dossier").one()
    pending = Pending()
    if low is not None:
        pending.new_ranges.append((int(low), int(high)))
    states = object_states(conn)
    pending.objects.update(states)
    return seal_bulk(conn, pending, ref, states=states) if pending else 0


# ------------------------------------------------------------------ checkpoints, heads


def link_at(conn: Connection, seq: int) -> tuple[str, str, str] | None:
    """(hash, kind, ref) of link ``seq``, if it exists."""
    row = conn.exec_driver_sql(
        driver_sql(conn, "SELECT hash, kind, ref FROM audit_link WHERE seq = ?"), (seq,)
    ).first()
    return None if row is None else (str(row[0]), str(row[1]), str(row[2]))


def checkpoint(conn: Connection) -> tuple[int, str, int] | None:
    row = conn.exec_driver_sql(
        "SELECT seq, hash, verified_at FROM audit_checkpoint WHERE id = 1"
    ).first()
    return None if row is None else (int(row[0]), str(row[1]), int(row[2]))


def put_checkpoint(conn: Connection, seq: int, hashed: str, at: int) -> None:
    conn.exec_driver_sql("DELETE FROM audit_checkpoint WHERE id = 1")
    conn.exec_driver_sql(
        driver_sql(
            conn, "INSERT INTO audit_checkpoint (id, seq, hash, verified_at) VALUES (1, ?, ?, ?)"
        ),
        (seq, hashed, at),
    )
