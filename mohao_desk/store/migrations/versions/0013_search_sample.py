"""A sample of the search keys on a PostgreSQL server (issue 10): the search of all dossiers
asks the trigram index only for the trigrams worth reading, which it tells from how many keys
of the sample hold them (``queries._index_patterns``, ``store/search_sample.py``). The table
exists on SQLite too (one schema) and stays empty there.

On the server the migration takes the first sample (a block sample of about 20,000 keys:
well under a second at 10,000,000 dossiers); the import takes it again as the table grows.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_sample",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("words", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_sample")),
    )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        # As store/search_sample.take does today (written out: a migration stays as it was).
        rows = bind.exec_driver_sql(
            "SELECT greatest(reltuples, 1) FROM pg_class WHERE oid = 'dossier'::regclass"
        ).scalar_one()
        bind.exec_driver_sql(
            "INSERT INTO search_sample (id, words) SELECT row_number() OVER (),"
            " ' ' || regexp_replace(search_key, '[^0-9a-z]+', ' ', 'g') || ' '"
            " FROM dossier TABLESAMPLE SYSTEM (%s) LIMIT 20000",
            (min(100.0, 100.0 * 20000 / float(rows)),),
        )


def downgrade() -> None:
    op.drop_table("search_sample")
