"""The tamper-evident history (issue 11): the audit chain's tables, the chain heads that travel
in packages (``sync_export``, ``sync_import``), and the sealing of what the database already
holds.

A database with history gets one ``batch`` link over every dossier (with all its events) and
every object the chain covers, computed by streaming the rows with the program's own sealer
(``store/audit.py``; about 0.3 s per 10,000 dossiers). From then on, editing what existed
before this revision is detected like any other edit; what happened to it *before* cannot be
known. An empty database gets no link (and no row: ``migrate-to`` wants its target empty).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

MOMENT = sa.Integer().with_variant(sa.BigInteger(), "postgresql")
SEAL_REF = "niêm phong dữ liệu có trước phiên bản 0009"


def upgrade() -> None:
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    op.create_table(
        "audit_link",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("ref", sa.Text(), nullable=False),
        sa.Column("content_sha", sa.String(length=64), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("at", MOMENT, nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_link")),
    )
    op.create_table(
        "audit_state",
        sa.Column("dossier_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("first_event", sa.Integer(), nullable=True),
        sa.Column("last_event", sa.Integer(), nullable=True),
        sa.Column("events_sha", sa.String(length=64), nullable=True),
        sa.Column("state_sha", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("dossier_id", "seq", name=op.f("pk_audit_state")),
        sqlite_with_rowid=False,
    )
    op.create_index(
        op.f("ix_audit_state_seq_dossier_id"), "audit_state", ["seq", "dossier_id"], unique=False
    )
    op.create_table(
        "audit_object",
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("state_sha", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("subject", "seq", name=op.f("pk_audit_object")),
        sqlite_with_rowid=False,
    )
    op.create_index(
        op.f("ix_audit_object_seq_subject"), "audit_object", ["seq", "subject"], unique=False
    )
    op.create_table(
        "audit_checkpoint",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("verified_at", MOMENT, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_checkpoint")),
    )
    # Nullable columns: added in place on SQLite too (no table copy).
    op.add_column("sync_export", sa.Column("audit_seq", sa.Integer(), nullable=True))
    op.add_column("sync_export", sa.Column("audit_hash", sa.String(length=64), nullable=True))
    op.add_column("sync_import", sa.Column("audit_seq", sa.Integer(), nullable=True))
    op.add_column("sync_import", sa.Column("audit_hash", sa.String(length=64), nullable=True))
    op.add_column("sync_import", sa.Column("audit_previous_seq", sa.Integer(), nullable=True))
    op.add_column(
        "sync_import", sa.Column("audit_previous_hash", sa.String(length=64), nullable=True)
    )
    op.add_column(
        "sync_import",
        sa.Column("audit_rewritten", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    # The program's own sealer, on the migration's connection and in its transaction.
    from mohao_desk.store import audit

    audit.seal_everything(op.get_bind(), SEAL_REF)


def downgrade() -> None:
    with op.batch_alter_table("sync_import", schema=None) as batch_op:
        batch_op.drop_column("audit_rewritten")
        batch_op.drop_column("audit_previous_hash")
        batch_op.drop_column("audit_previous_seq")
        batch_op.drop_column("audit_hash")
        batch_op.drop_column("audit_seq")
    with op.batch_alter_table("sync_export", schema=None) as batch_op:
        batch_op.drop_column("audit_hash")
        batch_op.drop_column("audit_seq")
    op.drop_table("audit_checkpoint")
    op.drop_index(op.f("ix_audit_object_seq_subject"), table_name="audit_object")
    op.drop_table("audit_object")
    op.drop_index(op.f("ix_audit_state_seq_dossier_id"), table_name="audit_state")
    op.drop_table("audit_state")
    op.drop_table("audit_link")
    op.drop_table("audit_head")
