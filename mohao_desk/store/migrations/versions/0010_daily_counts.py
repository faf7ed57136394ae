"""The period statistics' daily counts (issue 10): an upstream office's dashboard of a month
read the province's whole ``dossier`` table twice (3.8–6.8 s at 10,000,000 dossiers); it now
sums a unit's days from ``daily_count`` and reads only the dossiers still open at the period's
end (``store/daily_counts.py``). The tables start empty, with no row in ``daily_count_kept``:
an upstream office's next import fills them (a desk never keeps them: its reports read its
own dossiers). Also a partial
index of the dossiers finished before they were received, which the statistics count one by
one (none, normally).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

COUNTS = (
    "received_direct", "received_online", "received_with_components", "received_reused",
    "resolved_early", "resolved_on_time", "resolved_late", "results", "results_electronic",
    "results_fully_digitized", "rated", "not_satisfied",
)  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "daily_count",
        sa.Column("day", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("unit_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("procedure_id", sa.Integer(), autoincrement=False, nullable=False),
        *(sa.Column(n, sa.Integer(), server_default=sa.text("0"), nullable=False) for n in COUNTS),
        sa.PrimaryKeyConstraint("day", "unit_id", "procedure_id", name=op.f("pk_daily_count")),
        sqlite_with_rowid=False,
    )
    op.create_index(op.f("ix_daily_count_unit_id_day"), "daily_count", ["unit_id", "day"])
    # One row while the counts are kept: the UTC offset (seconds) their local days were cut by.
    op.create_table(
        "daily_count_kept",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("utc_offset", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_daily_count_kept")),
    )
    op.create_index(
        "ix_dossier_finished_before_received",
        "dossier",
        ["id"],
        sqlite_where=sa.text("finished_at < received_at"),
        postgresql_where=sa.text("finished_at < received_at"),
    )


def downgrade() -> None:
    op.drop_index("ix_dossier_finished_before_received", table_name="dossier")
    op.drop_table("daily_count_kept")
    op.drop_index(op.f("ix_daily_count_unit_id_day"), table_name="daily_count")
    op.drop_table("daily_count")
