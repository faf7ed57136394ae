"""The law, second pass (issue 9): register-book entry numbers stored at registration, yearly
sequences, and refusals at the counter (which create no dossier).

Existing dossiers of the unit's own desk are numbered here once, per year of their receipt (in
the unit's time zone), in receipt order: exactly the numbers the receipts printed until now.
From this revision on a number is given at registration and never changes.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Moments are epoch seconds: INTEGER on SQLite (64-bit already), BIGINT on PostgreSQL (its
# INTEGER would end in 2038).
MOMENT = sa.Integer().with_variant(sa.BigInteger(), "postgresql")

BATCH = 20_000


def upgrade() -> None:
    with op.batch_alter_table("dossier", schema=None) as batch_op:
        batch_op.add_column(sa.Column("book_year", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("book_number", sa.Integer(), nullable=True))
    op.create_table(
        "yearly_sequence",
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_yearly_sequence_unit_id_unit")
        ),
        sa.PrimaryKeyConstraint("unit_id", "kind", "year", name=op.f("pk_yearly_sequence")),
    )
    op.create_table(
        "counter_refusal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("regime_code", sa.String(length=8), nullable=False),
        sa.Column("procedure_id", sa.Integer(), nullable=False),
        sa.Column("applicant_name", sa.Text(), nullable=False),
        sa.Column("applicant_address", sa.Text(), server_default="", nullable=False),
        sa.Column("applicant_phone", sa.String(length=32), server_default="", nullable=False),
        sa.Column("applicant_email", sa.Text(), server_default="", nullable=False),
        sa.Column("channel", sa.String(length=1), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("at", MOMENT, nullable=False),
        sa.Column("recorded_at", MOMENT, nullable=False),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officer.id"], name=op.f("fk_counter_refusal_officer_id_officer")
        ),
        sa.ForeignKeyConstraint(
            ["procedure_id"],
            ["procedure.id"],
            name=op.f("fk_counter_refusal_procedure_id_procedure"),
        ),
        sa.ForeignKeyConstraint(
            ["regime_code"],
            ["legal_regime.code"],
            name=op.f("fk_counter_refusal_regime_code_legal_regime"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_counter_refusal_unit_id_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_counter_refusal")),
        sa.UniqueConstraint(
            "unit_id", "year", "number", name=op.f("uq_counter_refusal_unit_id_year_number")
        ),
    )
    op.create_index(
        op.f("ix_counter_refusal_unit_id_at"), "counter_refusal", ["unit_id", "at"], unique=False
    )
    _number_existing_dossiers()


def _number_existing_dossiers() -> None:
    """Number the own unit's dossiers per local receipt year, in receipt order (id breaks ties),
    as the receipts printed them before this revision."""
    conn = op.get_bind()
    own = conn.execute(
        sa.text("SELECT id, timezone FROM unit WHERE is_own = :own").bindparams(own=True)
    ).first()
    if own is None:
        return
    unit_id, zone = int(own[0]), ZoneInfo(own[1] or "Asia/Ho_Chi_Minh")
    rows = conn.execute(
        sa.text(
            "SELECT id, received_at FROM dossier WHERE unit_id = :unit ORDER BY received_at, id"
        ),
        {"unit": unit_id},
    )
    last: dict[int, int] = {}
    pending: list[dict[str, int]] = []
    update = sa.text("UPDATE dossier SET book_year = :year, book_number = :number WHERE id = :id")
    for dossier_id, received in rows.fetchall():
        year = datetime.fromtimestamp(int(received), UTC).astimezone(zone).year
        last[year] = last.get(year, 0) + 1
        pending.append({"id": int(dossier_id), "year": year, "number": last[year]})
        if len(pending) >= BATCH:
            conn.execute(update, pending)
            pending = []
    if pending:
        conn.execute(update, pending)
    if last:
        conn.execute(
            sa.text(
                "INSERT INTO yearly_sequence (unit_id, kind, year, last) "
                "VALUES (:unit, 'book', :year, :last)"
            ),
            [{"unit": unit_id, "year": y, "last": n} for y, n in sorted(last.items())],
        )


def downgrade() -> None:
    op.drop_index(op.f("ix_counter_refusal_unit_id_at"), table_name="counter_refusal")
    op.drop_table("counter_refusal")
    op.drop_table("yearly_sequence")
    with op.batch_alter_table("dossier", schema=None) as batch_op:
        batch_op.drop_column("book_number")
        batch_op.drop_column("book_year")
