"""Fixtures for the tests that run the project's real processes on a real SQLite file."""

from __future__ import annotations

import os

import pytest

from tests.sites import copy_database


@pytest.fixture
def process_env(request, tmp_path) -> dict[str, str]:
    """The environment for a subprocess of the project on its own copy of the migrated SQLite
    file (`migrated_sqlite`, tests/conftest.py).

    These tests run the processes themselves, on SQLite files of their own, whatever the suite's
    database; `make test` runs them, and `make test-postgres` skips them rather than repeat them
    (the end-to-end suite runs the same processes on PostgreSQL).
    """
    if os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        pytest.skip("process tests on SQLite files: run by `make test`")
    # Asked for only now: on PostgreSQL the template would be migrated for nothing.
    database = copy_database(request.getfixturevalue("migrated_sqlite"), tmp_path / "db.sqlite3")
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lantoa.settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "PYTHONUNBUFFERED": "1",
    }
