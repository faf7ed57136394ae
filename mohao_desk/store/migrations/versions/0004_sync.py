"""Sync by files (issue 5): trusted keys, packages written and imported, and which package
last wrote each imported dossier.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Moments are epoch seconds: INTEGER on SQLite (64-bit already), BIGINT on PostgreSQL (its
# INTEGER would end in 2038).
MOMENT = sa.Integer().with_variant(sa.BigInteger(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "sync_key",
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("trusted_at", MOMENT, nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_sync_key_unit_id_unit")),
        sa.PrimaryKeyConstraint("unit_id", name=op.f("pk_sync_key")),
    )
    op.create_table(
        "sync_export",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("previous_sha256", sa.String(length=64), nullable=True),
        sa.Column("since", MOMENT, nullable=True),
        sa.Column("until", MOMENT, nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("created_at", MOMENT, nullable=False),
        sa.PrimaryKeyConstraint("kind", "sequence", name=op.f("pk_sync_export")),
    )
    op.create_table(
        "sync_import",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("previous_sha256", sa.String(length=64), nullable=True),
        sa.Column("since", MOMENT, nullable=True),
        sa.Column("until", MOMENT, nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("personal_data", sa.Boolean(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("created_at", MOMENT, nullable=False),
        sa.Column("imported_at", MOMENT, nullable=False),
        sa.Column("applied", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_sync_import_unit_id_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_import")),
        sa.UniqueConstraint(
            "unit_id", "kind", "sequence", name=op.f("uq_sync_import_unit_id_kind_sequence")
        ),
    )
    op.create_table(
        "synced_dossier",
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("package_sequence", sa.Integer(), nullable=False),
        sa.Column("facts", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossier.id"],
            name=op.f("fk_synced_dossier_dossier_id_dossier"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("dossier_id", name=op.f("pk_synced_dossier")),
    )


def downgrade() -> None:
    op.drop_table("synced_dossier")
    op.drop_table("sync_import")
    op.drop_table("sync_export")
    op.drop_table("sync_key")
