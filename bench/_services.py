"""Private Redis and memcached instances on free loopback ports, for the cache benchmarks
(REDIS_URL / MEMCACHED_URL name existing ones instead)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Callable

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _start(argv: list[str], port: int) -> subprocess.Popen | None:
    if shutil.which(argv[0]) is None:
        return None
    server = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection((HOST, port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.05)
    server.kill()
    server.wait()
    return None


def _service(
    variable: str, argv: Callable[[int], list[str]], location: Callable[[int], str]
) -> tuple[str, subprocess.Popen | None]:
    if os.environ.get(variable):
        return os.environ[variable], None
    port = free_port()
    server = _start(argv(port), port)
    return (location(port), server) if server else ("", None)


def redis() -> tuple[str, subprocess.Popen | None]:
    """(URL, the process to stop or None); ("", None) when there is no redis-server."""
    return _service(
        "REDIS_URL",
        lambda port: ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no"],
        lambda port: f"redis://{HOST}:{port}/0",
    )


def memcached() -> tuple[str, subprocess.Popen | None]:
    user = ["-u", "nobody"] if os.geteuid() == 0 else []
    return _service(
        "MEMCACHED_URL",
        lambda port: ["memcached", "-p", str(port), "-l", HOST, "-U", "0", *user],
        lambda port: f"{HOST}:{port}",
    )


def stop(*servers: subprocess.Popen | None) -> None:
    for server in servers:
        if server is not None:
            server.kill()
            server.wait()
