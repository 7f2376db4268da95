"""Slow clients against a real gunicorn on 127.0.0.1: how long does a reader wait while a few
connections send half a request and stop (the "slowloris" pattern of a bad mobile link, or of
someone who means harm)?

Each case starts gunicorn with the project's gunicorn.conf.py and some environment overrides,
opens N raw sockets that send an incomplete request line and headers, then times one complete
request on a new connection. Every wait is bounded (WAIT_LIMIT); the half-open sockets are closed
at the end. Run alone with `python bench/slow_clients.py`; `make bench` includes it.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
WAIT_LIMIT = 45.0  # seconds: the longest a case waits for the complete request
PATH = "/robots.txt"  # a real view that needs no database rows


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(workdir: Path, **overrides: str) -> Iterator[int]:
    """Runs gunicorn with gunicorn.conf.py and `overrides` in its environment; yields the port."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lantoa.settings",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "PRIVATE_MEDIA_ROOT": str(workdir / "private"),
        "STATIC_ROOT": str(workdir / "static"),
        "DEBUG": "0",
        "GUNICORN_BIND": f"{HOST}:{port}",
        "GUNICORN_ACCESS_LOG": "",
        "GUNICORN_LOG_LEVEL": "critical",
        **overrides,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while request_seconds(port, timeout=2) is None:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not start ({process.returncode})")
            time.sleep(0.2)
        # Every worker has booted once the arbiter's children answer; give the last ones a moment.
        time.sleep(1.5)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def half_sent(port: int, count: int) -> list[socket.socket]:
    """Opens `count` connections that each send half a request and then nothing."""
    sockets = []
    for number in range(count):
        sock = socket.create_connection((HOST, port), timeout=5)
        sock.sendall(
            f"GET {PATH}?slow={number} HTTP/1.1\r\nHost: {HOST}\r\nUser-Agent: sl".encode()
        )
        sockets.append(sock)
    time.sleep(0.5)  # let the workers (or threads) pick them up
    return sockets


def request_seconds(port: int, timeout: float = WAIT_LIMIT) -> float | None:
    """Seconds a complete GET takes to get a 200 on a new connection; None if not within timeout."""
    started = time.monotonic()
    try:
        with socket.create_connection((HOST, port), timeout=timeout) as sock:
            sock.sendall(
                f"GET {PATH} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n".encode()
            )
            answer = b""
            while b"\r\n" not in answer:
                chunk = sock.recv(4096)
                if not chunk:
                    return None
                answer += chunk
    except OSError:
        return None
    if not answer.startswith(b"HTTP/1.1 200"):
        return None
    return time.monotonic() - started


CASES = [
    # (label, environment, half-sent connections)
    (
        "before: 3 sync workers, timeout 30 s",
        {"WEB_CONCURRENCY": "3", "GUNICORN_THREADS": "1", "GUNICORN_CLIENT_TIMEOUT": "0"},
        3,
    ),
    ("sync workers, client timeout 10 s", {"WEB_CONCURRENCY": "3", "GUNICORN_THREADS": "1"}, 3),
    ("shipped: 3 gthread workers × 4 threads", {"WEB_CONCURRENCY": "3"}, 3),
    ("shipped, every thread held (12 clients)", {"WEB_CONCURRENCY": "3"}, 12),
    (
        "gthread without client timeout, 12 clients",
        {"WEB_CONCURRENCY": "3", "GUNICORN_CLIENT_TIMEOUT": "0"},
        12,
    ),
]


def main() -> str:
    rows = []
    with tempfile.TemporaryDirectory(prefix="lantoa-slow-") as tmp:
        for label, overrides, count in CASES:
            with gunicorn(Path(tmp), **overrides) as port:
                idle = request_seconds(port)
                sockets = half_sent(port, count)
                try:
                    waited = request_seconds(port)
                finally:
                    for sock in sockets:
                        sock.close()
            shown = f"{waited:.2f} s" if waited is not None else f"no answer in {WAIT_LIMIT:.0f} s"
            rows.append(f"| {label} | {count} | {idle * 1000:.0f} ms | {shown} |")
    return "\n".join(
        [
            "## Slow clients (gunicorn alone, no proxy in front)",
            "",
            "A complete request on a new connection while N connections have sent half a request "
            f"and stopped; `{PATH}`, 127.0.0.1, `bench/slow_clients.py`.",
            "",
            "| configuration | half-sent | idle request | request while they hang |",
            "| --- | ---: | ---: | ---: |",
            *rows,
            "",
        ]
    )


if __name__ == "__main__":
    print(main())
