"""Accounts and roles (issue 11): a password hash, roles and a lock on each officer, and the
account events (log-ins, refusals, locks, passwords set).

Existing officers keep working as before with the roles of the desk and of processing, and no
password: an administrator sets one (the first start after this revision asks for the
administrator's account).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

MOMENT = sa.Integer().with_variant(sa.BigInteger(), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("officer", schema=None) as batch_op:
        batch_op.add_column(sa.Column("password_hash", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("roles", sa.String(length=64), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("failed_logins", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(sa.Column("locked_until", MOMENT, nullable=True))
    op.execute("UPDATE officer SET roles = 'tiep_nhan,xu_ly'")
    op.create_table(
        "account_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("at", MOMENT, nullable=False),
        sa.Column("by_username", sa.String(length=64), nullable=True),
        sa.Column("detail", sa.Text(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_account_event_unit_id_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_event")),
    )
    op.create_index(
        op.f("ix_account_event_unit_id_at"), "account_event", ["unit_id", "at"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_account_event_unit_id_at"), table_name="account_event")
    op.drop_table("account_event")
    with op.batch_alter_table("officer", schema=None) as batch_op:
        batch_op.drop_column("locked_until")
        batch_op.drop_column("failed_logins")
        batch_op.drop_column("roles")
        batch_op.drop_column("password_hash")
