"""This suite runs on both databases: a SQLite file and a database on the private PostgreSQL
cluster (tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)
