"""Fixtures for the tests that run the project's real processes on a real SQLite file."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def _migrated_template(tmp_path_factory) -> Path:
    """One `manage.py migrate` per test session; tests get copies of the result."""
    path = tmp_path_factory.mktemp("migrated") / "template.sqlite3"
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v", "0"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lantoa.settings",
            "DATABASE_URL": f"sqlite:///{path}",
            "TASKS_BACKEND": "immediate",
        },
        check=True,
        timeout=600,
    )
    return path


@pytest.fixture
def process_env(_migrated_template, tmp_path) -> dict[str, str]:
    """The environment for a subprocess of the project on its own freshly migrated SQLite file.

    These tests run the processes themselves, on SQLite files of their own, whatever the suite's
    database; `make test` runs them, and `make test-postgres` skips them rather than repeat them
    (the end-to-end suite runs the same processes on PostgreSQL).
    """
    if os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        pytest.skip("process tests on SQLite files: run by `make test`")
    database = tmp_path / "db.sqlite3"
    with sqlite3.connect(_migrated_template) as source, sqlite3.connect(database) as copy:
        source.backup(copy)
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lantoa.settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "PYTHONUNBUFFERED": "1",
    }
