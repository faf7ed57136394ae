"""Copy a whole unit database into another one (``mohao-desk migrate-to``): every table of the
schema in foreign-key order, in batches, inside the caller's transaction on the target, and
the checks that both hold the same."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from sqlalchemy import Connection, func, insert, select

from mohao_desk.store.bulk import catch_up_id_sequence
from mohao_desk.store.schema import event, metadata

BATCH = 5_000


def tables() -> list[str]:
    """The schema's tables, parents before children."""
    return [t.name for t in metadata.sorted_tables]


def counts(conn: Connection) -> dict[str, int]:
    """Rows per table."""
    return {
        t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
        for t in metadata.sorted_tables
    }


def copy_all(source: Connection, target: Connection) -> Iterator[tuple[str, int]]:
    """Copy every row of every table (yields each table's name and row count as it is done).
    The target must be empty; ids are kept, and a server's id sequences are moved past them."""
    for table in metadata.sorted_tables:
        result = source.execute(select(table).order_by(*table.primary_key.columns))
        copied = 0
        while rows := result.fetchmany(BATCH):
            target.execute(insert(table), [dict(r._mapping) for r in rows])
            copied += len(rows)
        if "id" in table.c and table.c.id.primary_key and copied:
            catch_up_id_sequence(target, table.name)
        yield table.name, copied


def events_digest(conn: Connection) -> str:
    """SHA-256 over every event (dossier, seq, act, moment, officer, statuses, data, recorded
    moment) in one order: equal digests, equal histories."""
    digest = hashlib.sha256()
    query = select(
        event.c.dossier_id,
        event.c.seq,
        event.c.act,
        event.c.at,
        event.c.officer_id,
        event.c.status_before,
        event.c.status_after,
        event.c.data,
        event.c.recorded_at,
    ).order_by(event.c.dossier_id, event.c.seq)
    result = conn.execute(query)
    while rows := result.fetchmany(BATCH):
        for row in rows:
            digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def attachment_files(conn: Connection) -> list[str]:
    """The SHA-256 of every stored attachment file."""
    from mohao_desk.store.schema import attachment

    return sorted({str(s) for s in conn.execute(select(attachment.c.sha256)).scalars()})
