"""Search index: an FTS5 trigram index over dossier.search_key (folded name, phone digits, code),
kept in step by triggers, so that a search among a million dossiers answers in milliseconds.

SQLite builds without FTS5 (or older than 3.34, without the trigram tokenizer) skip the index;
the search then falls back to LIKE on search_key.

PostgreSQL: the same folded text gets a GIN index of the ``pg_trgm`` extension (trigrams too),
which answers ``search_key LIKE '%…%'`` and which the server keeps in step itself (no triggers).
``pg_trgm`` is a trusted extension: the database's owner may create it. Where it cannot be
created the index is skipped, as on SQLite without FTS5: LIKE still answers, only slower.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


PG_INDEX = "ix_dossier_search_trgm"


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        _upgrade_postgresql(bind)
        return
    try:
        bind.exec_driver_sql(
            "CREATE VIRTUAL TABLE dossier_fts USING fts5("
            "search_key, content='dossier', content_rowid='id', tokenize='trigram')"
        )
    except sa.exc.OperationalError:
        return  # no FTS5 trigram here: LIKE search only
    bind.exec_driver_sql(
        "CREATE TRIGGER dossier_fts_insert AFTER INSERT ON dossier BEGIN "
        "INSERT INTO dossier_fts(rowid, search_key) VALUES (new.id, new.search_key); END"
    )
    bind.exec_driver_sql(
        "CREATE TRIGGER dossier_fts_delete AFTER DELETE ON dossier BEGIN "
        "INSERT INTO dossier_fts(dossier_fts, rowid, search_key) "
        "VALUES ('delete', old.id, old.search_key); END"
    )
    bind.exec_driver_sql(
        "CREATE TRIGGER dossier_fts_update AFTER UPDATE OF search_key ON dossier BEGIN "
        "INSERT INTO dossier_fts(dossier_fts, rowid, search_key) "
        "VALUES ('delete', old.id, old.search_key); "
        "INSERT INTO dossier_fts(rowid, search_key) VALUES (new.id, new.search_key); END"
    )
    bind.exec_driver_sql("INSERT INTO dossier_fts(dossier_fts) VALUES ('rebuild')")


def _upgrade_postgresql(bind: sa.Connection) -> None:
    try:
        with bind.begin_nested():  # a failure here must not abort the whole migration
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except sa.exc.DBAPIError:
        return  # no pg_trgm here (or no right to create it): LIKE search only
    bind.exec_driver_sql(f"CREATE INDEX {PG_INDEX} ON dossier USING gin (search_key gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")
        return
    for trigger in ("dossier_fts_insert", "dossier_fts_delete", "dossier_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS dossier_fts")
