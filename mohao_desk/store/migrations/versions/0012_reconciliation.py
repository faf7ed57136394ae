"""The reconciliation with the province's electronic one-stop system (issue 13): the
reconciliations done (when, by whom, which file, the period, the five counts) and the dossiers
the latest one's file did not have, for the board view "Chưa có trên hệ thống".

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

MOMENT = sa.Integer().with_variant(sa.BigInteger(), "postgresql")

COUNTS = (
    "missing_in_system", "finished_here_open_there", "open_here_finished_there", "due_differs",
    "unknown_here",
)  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "reconciliation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("done_at", MOMENT, nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("period_from", sa.String(length=10), nullable=False),
        sa.Column("period_to", sa.String(length=10), nullable=False),
        sa.Column("rows_read", sa.Integer(), nullable=False),
        sa.Column("desk_in_period", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in COUNTS),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officer.id"], name=op.f("fk_reconciliation_officer_id_officer")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reconciliation")),
    )
    op.create_table(
        "reconciliation_missing",
        sa.Column("dossier_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("reconciliation_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossier.id"],
            name=op.f("fk_reconciliation_missing_dossier_id_dossier"),
        ),
        sa.ForeignKeyConstraint(
            ["reconciliation_id"],
            ["reconciliation.id"],
            name=op.f("fk_reconciliation_missing_reconciliation_id_reconciliation"),
        ),
        sa.PrimaryKeyConstraint("dossier_id", name=op.f("pk_reconciliation_missing")),
    )


def downgrade() -> None:
    op.drop_table("reconciliation_missing")
    op.drop_table("reconciliation")
