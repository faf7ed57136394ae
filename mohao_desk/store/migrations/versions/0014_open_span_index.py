"""Biểu 06 at a PostgreSQL upstream office (issue 10): the dossiers open at the end of the
period (received before it, not finished before it) are found from a GiST index on the span
``(received, finished]`` (``report_queries.open_span``), instead of a scan of the whole table:
55,800 dossiers of 10,000,000 open at the end of a quarter, where the scan read the 9 GB table
(10.9 s from the disk). SQLite (a desk, or an upstream office on one PC) has no such index:
its table is a unit's or a few, and the scan stays.

Building it reads the whole table (3.5 minutes at 10,000,000 dossiers on the benchmark's
machine, 794 MB); every import then keeps it (see docs/performance.md).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02
"""

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE INDEX ix_dossier_open_span ON dossier USING gist (int8range(received_at,"
        " CASE WHEN finished_at IS NULL THEN NULL ELSE greatest(finished_at, received_at) END,"
        " '(]'))"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.drop_index("ix_dossier_open_span", table_name="dossier")
