"""The search of all dossiers on a PostgreSQL server (issue 10): its receipt index carries the
search key, so that the newest dossiers are checked for a word from the index alone
(``queries._newest_matching``): ``(received_at, id) INCLUDE (search_key)`` replaces
``(received_at)`` on the server. Every query that read the old index reads this one (its
leading column is the same). SQLite keeps ``(received_at)``: its index entries already end with
the row id, and its search goes through FTS5.

The walk reads the index alone only where the table's visibility map says the rows are
visible to all, which a VACUUM sets; autovacuum vacuums a table after inserts of a fifth of its
size by default, so a 10,000,000-dossier office would wait for 2,000,000 new dossiers (a fifth
of the walk's rows then fetched from the table: 40,255 of 200,000 measured). The dossier table
is vacuumed after inserts of 1 % of it instead (``autovacuum_vacuum_insert_scale_factor``).

Building it reads the whole table once (measured at 10,000,000 dossiers: see
docs/performance.md); like every migration on the server it runs in one transaction.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index("ix_dossier_received", table_name="dossier")
    op.create_index(
        "ix_dossier_received",
        "dossier",
        ["received_at", "id"],
        postgresql_include=["search_key"],
    )
    op.execute("ALTER TABLE dossier SET (autovacuum_vacuum_insert_scale_factor = 0.01)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE dossier RESET (autovacuum_vacuum_insert_scale_factor)")
    op.drop_index("ix_dossier_received", table_name="dossier")
    op.create_index("ix_dossier_received", "dossier", ["received_at"])
