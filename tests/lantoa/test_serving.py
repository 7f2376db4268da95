"""The production stack's parts as real processes on 127.0.0.1: gunicorn with gunicorn.conf.py
against slow clients (raw sockets that send half a request), and scripts/serve.sh stopping its
three processes together."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bench.slow_clients import free_port, gunicorn, half_sent, request_seconds

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def test_half_sent_requests_hold_a_thread_only_until_the_client_timeout(tmp_path):
    # One worker with two threads; both threads take a client that sent half a request.
    options = {"WEB_CONCURRENCY": "1", "GUNICORN_THREADS": "2", "GUNICORN_CLIENT_TIMEOUT": "2"}
    with gunicorn(tmp_path, **options) as port:
        assert _served_by(port) is None  # the worker-pid header is for tests that ask for it
        stalled = half_sent(port, 2)
        try:
            waited = request_seconds(port, timeout=15)
            assert waited is not None and waited < 2 + 3, waited
            # The server dropped the stalled clients instead of waiting for them for ever.
            for sock in stalled:
                sock.settimeout(5)
                assert sock.recv(4096) == b""
        finally:
            for sock in stalled:
                sock.close()


def test_without_the_client_timeout_half_sent_requests_block_the_next_reader(tmp_path):
    """The same set-up with GUNICORN_CLIENT_TIMEOUT=0: what the timeout is there for."""
    options = {"WEB_CONCURRENCY": "1", "GUNICORN_THREADS": "2", "GUNICORN_CLIENT_TIMEOUT": "0"}
    with gunicorn(tmp_path, **options) as port:
        stalled = half_sent(port, 2)
        try:
            assert request_seconds(port, timeout=6) is None
        finally:
            for sock in stalled:
                sock.close()


def test_a_sync_worker_is_freed_by_the_client_timeout_not_the_worker_timeout(tmp_path):
    options = {
        "WEB_CONCURRENCY": "1",
        "GUNICORN_THREADS": "1",  # the sync worker
        "GUNICORN_TIMEOUT": "30",
        "GUNICORN_CLIENT_TIMEOUT": "2",
    }
    with gunicorn(tmp_path, **options) as port:
        stalled = half_sent(port, 1)
        try:
            waited = request_seconds(port, timeout=20)
            assert waited is not None and waited < 2 + 4, waited
        finally:
            for sock in stalled:
                sock.close()


def _served_by(port: int) -> str | None:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=10) as response:
        return response.headers.get("X-Served-By")


# --- scripts/serve.sh ------------------------------------------------------------------------


@pytest.fixture
def migrated(process_env) -> dict[str, str]:
    return {
        **process_env,
        "PYTHON": sys.executable,
        "WEB_CONCURRENCY": "2",
        "GUNICORN_ACCESS_LOG": "",
        "LANTOA_SERVED_BY_HEADER": "1",
    }


def _start(env: dict[str, str], log: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    with log.open("w") as out:
        process = subprocess.Popen(
            ["bash", "scripts/serve.sh"],
            cwd=ROOT,
            env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + 90
    while request_seconds(port, timeout=2) is None:
        assert process.poll() is None, log.read_text()
        assert time.monotonic() < deadline, log.read_text()
        time.sleep(0.3)
    return process, port


def _children(process: subprocess.Popen) -> dict[str, int]:
    """The stack's processes by role, found from the commands they run."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if os.getpgid(int(entry.name)) != process.pid:
                continue
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except (OSError, ProcessLookupError):
            continue
        for role, marker in (("web", b"gunicorn"), ("worker", b"db_worker")):
            if marker in argv and role not in found:
                found[role] = int(entry.name)
        if b"run_scheduler" in argv:
            found["scheduler"] = int(entry.name)
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead
        return (Path(f"/proc/{pid}/stat").read_text().split()[2]) != "Z"
    except OSError:
        return False


def _wait_gone(pids, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(_alive(pid) for pid in pids):
            return True
        time.sleep(0.2)
    return False


def test_sigterm_stops_web_worker_and_scheduler(migrated, tmp_path):
    log = tmp_path / "serve.log"
    process, port = _start(migrated, log)
    try:
        children = _children(process)
        assert set(children) == {"web", "worker", "scheduler"}, children
        pids = {_served_by(port) for _ in range(20)}
        assert all(pid and pid.isdigit() and int(pid) != children["web"] for pid in pids), pids
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0, log.read_text()
        assert _wait_gone(children.values(), 10), log.read_text()
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)


def test_one_process_dying_stops_the_others(migrated, tmp_path):
    log = tmp_path / "serve.log"
    process, port = _start(migrated, log)
    try:
        children = _children(process)
        os.kill(children["scheduler"], signal.SIGKILL)
        assert process.wait(timeout=60) != 0
        assert _wait_gone(children.values(), 10), log.read_text()
        assert "scheduler" in log.read_text() and "stopping the others" in log.read_text()
        assert request_seconds(port, timeout=2) is None  # the site is down, not half up
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
