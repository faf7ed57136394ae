"""A database as an older program left it, for the bundle's upgrade smoke test
(installer/smoke_test.sh): demo data, then the schema taken back to ``REVISION`` with Alembic.
Run with a Python that has mohao_desk installed (the build venv of installer/build.sh):

    python installer/make_old_database.py FILE [REVISION]
"""

from __future__ import annotations

import sys
from datetime import datetime
from importlib import resources

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine

from mohao_desk.services.demo import fill_demo
from mohao_desk.store.db import open_database


def main() -> int:
    path = sys.argv[1]
    revision = sys.argv[2] if len(sys.argv) > 2 else "0001"
    db = open_database(path)
    fill_demo(db, dossiers=100, seed=5, now=datetime(2026, 11, 27, 10, 0))
    db.close()
    engine = create_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("mohao_desk.store") / "migrations")
    )
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)
        conn.exec_driver_sql(f"PRAGMA user_version={int(revision)}")
    engine.dispose()
    print(f"make_old_database: {path} at revision {revision}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
