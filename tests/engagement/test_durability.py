"""An acknowledged event survives the server being killed: a real gunicorn on loopback, a real
SQLite file, SIGKILL to the whole process group right after the last 2xx, then rows counted."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.sites import copy_database, environment

ROOT = Path(__file__).resolve().parents[2]
EVENTS = 300


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(port: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/robots.txt")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("the server did not start")


@pytest.mark.slow
def test_acknowledged_events_survive_sigkill(migrated_sqlite, tmp_path):
    database = copy_database(migrated_sqlite, tmp_path / "db.sqlite3")
    env = environment(tmp_path, database, settings="lantoa.settings", ALLOWED_HOSTS="127.0.0.1")
    with sqlite3.connect(database) as db:
        page_id = db.execute("SELECT id FROM wagtailcore_page WHERE depth = 2").fetchone()[0]
    port = _free_port()
    command = [sys.executable, "-m", "gunicorn", "lantoa.wsgi:application"]
    server = subprocess.Popen(
        [*command, "-b", f"127.0.0.1:{port}", "-w", "2", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    accepted = 0
    try:
        _wait_for(port)
        for number in range(EVENTS):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            body = json.dumps({"t": "view", "p": page_id})
            connection.request(
                "POST",
                "/e/",
                body=body,
                headers={
                    "Content-Type": "text/plain",
                    "User-Agent": f"Mozilla/5.0 (X11; Linux x86_64) Firefox/{number % 50 + 100}.0",
                },
            )
            if connection.getresponse().status == 204:
                accepted += 1
            connection.close()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("POST", "/e/", body=b'{"t": "view", "p": "x"}')
        assert connection.getresponse().status == 400  # refused: never stored
        connection.close()
    finally:
        os.killpg(server.pid, signal.SIGKILL)  # no graceful shutdown, no flush
        server.wait(timeout=30)
    assert server.returncode == -signal.SIGKILL
    assert accepted == EVENTS
    with sqlite3.connect(database) as db:
        stored = db.execute("SELECT COUNT(*) FROM engagement_event").fetchone()[0]
    assert stored == accepted
    # The writers took turns on the kernel lock next to the database (engagement.ingest).
    assert (tmp_path / "db.sqlite3-engagement.lock").exists()
