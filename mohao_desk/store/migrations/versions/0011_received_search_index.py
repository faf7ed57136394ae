"""The search of all dossiers on a PostgreSQL server (issue 10): its receipt index carries the
search key, so that the newest dossiers are checked for a word from the index alone
(``queries._newest_matching``): ``(received_at, id) INCLUDE (search_key)`` replaces
``(received_at)`` on the server. Every query that read the old index reads this one (its
leading column is the same). SQLite keeps ``(received_at)``: its index entries already end with
the row id, and its search goes through FTS5.

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


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index("ix_dossier_received", table_name="dossier")
    op.create_index("ix_dossier_received", "dossier", ["received_at"])
