"""Per-unit indexes on a PostgreSQL server (issue 10): an upstream office holds a hundred
units' dossiers, and its dashboard, a unit's trend and every per-unit report read one unit's
rows of a period. ``(unit_id, received_at)`` and ``(unit_id, finished_at)`` let them read only
those (measured at 3,000,000 dossiers: a unit's trend 7–11 s → 0.6 s). A SQLite desk holds one
unit: its plans stay on the indexes they were tuned on (docs/performance.md), so the indexes
are made on PostgreSQL only, like the trigram index of revision 0002.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_dossier_unit_received": ["unit_id", "received_at"],
    "ix_dossier_unit_finished": ["unit_id", "finished_at"],
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, columns in INDEXES.items():
        op.create_index(name, "dossier", columns)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in INDEXES:
        op.drop_index(name, table_name="dossier")
