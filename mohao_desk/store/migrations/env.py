"""Alembic environment: migrations run at start-up on the connection the store opened.

SQLite cannot ALTER most things, so migrations use batch mode (``render_as_batch``).
"""

from alembic import context
from sqlalchemy import create_engine

from mohao_desk.store.schema import metadata

config = context.config


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
