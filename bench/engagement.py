"""Engagement ingest under load: gunicorn on 127.0.0.1 with a real SQLite file, an asyncio load
generator for a bounded time and request count, accepted events per second, latency
percentiles and events lost (rows counted afterwards) — beside a bare Django view that does
nothing, served by the same server in the same run (the ceiling).

Standalone: `python bench/engagement.py`; `make bench` writes the table into docs/benchmarks.md.
Loopback only. Settings: BENCH_SECONDS (default 8), BENCH_MAX_REQUESTS (40000),
BENCH_CONCURRENCY (8), BENCH_WORKERS (gunicorn sync workers, default cores + 1: with SQLite one
worker is always waiting on the write lock, so one more than the cores keeps both busy).
"""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._django import setup_django  # noqa: E402
from bench._load import load, merge  # noqa: E402

SECONDS = float(os.environ.get("BENCH_SECONDS", "8"))
MAX_REQUESTS = int(os.environ.get("BENCH_MAX_REQUESTS", "40000"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "8"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str((os.cpu_count() or 2) + 1)))
ROUNDS = 4
VISITORS = 5000
ADDRESSES = 500  # readers share addresses (NAT), as behind nginx: X-Forwarded-For
HOST = "127.0.0.1"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _start_server(port: int) -> subprocess.Popen:
    # Persistent connections: opening SQLite and its PRAGMAs per request costs ~3 ms. The
    # readers' addresses come in X-Forwarded-For, as from nginx (the flood limits key on them).
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench._settings",
        "CONN_MAX_AGE": "600",
        "ENGAGEMENT_TRUST_X_FORWARDED_FOR": "1",
    }
    options = ["-b", f"{HOST}:{port}", "-w", str(WORKERS), "--log-level", "warning"]
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "lantoa.wsgi:application", *options],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/robots.txt")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("gunicorn did not start")


def _request(path: str, body: bytes, visitor: int) -> bytes:
    agent = (
        f"Mozilla/5.0 (Linux; Android 13; SM-A{visitor % VISITORS:04d}) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36"
    )
    address = f"10.{visitor % ADDRESSES // 250}.{visitor % ADDRESSES % 250}.1"
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {HOST}\r\nUser-Agent: {agent}\r\n"
        f"X-Forwarded-For: {address}\r\n"
        f"Content-Type: text/plain;charset=UTF-8\r\nContent-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    )
    return head.encode() + body


def _load(port: int, path: str, body: bytes, seconds: float, first: int) -> dict:
    """CONCURRENCY clients sending one event per connection until the time or count is up."""
    return asyncio.run(
        load(
            port,
            lambda sent: _request(path, body, sent),
            seconds,
            concurrency=CONCURRENCY,
            max_requests=MAX_REQUESTS // 2,
            first=first,
        )
    )


def _compare(port: int, body: bytes) -> tuple[dict, dict]:
    """Bare view and ingest in alternating rounds, so other load on the machine hits both."""
    bare, ingest = [], []
    slot = SECONDS / ROUNDS
    for number in range(ROUNDS):
        bare.append(_load(port, "/bench/noop/", body, slot, number * 100_000))
        ingest.append(_load(port, "/e/", body, slot, number * 100_000 + 50_000))
    return merge(bare), merge(ingest)


def main() -> str:
    """Runs the benchmark and returns its section of docs/benchmarks.md (Markdown)."""
    setup_django()
    from engagement.models import Event
    from lantoa.models import HomePage

    page_id = HomePage.objects.get().pk
    body = json.dumps({"t": "view", "p": page_id, "r": "https://www.facebook.com/"}).encode()
    port = _free_port()
    server = _start_server(port)
    try:
        _load(port, "/bench/noop/", body, 1.0, 0)  # warm-up
        bare, ingest = _compare(port, body)
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=30)
    stored = Event.objects.count()
    accepted = ingest["statuses"].get(204, 0)
    lost = accepted - stored

    def row(name: str, result: dict, ok: int) -> str:
        rate = ok / result["elapsed"]
        others = ", ".join(
            f"{count}×{status or 'error'}"
            for status, count in sorted(result["statuses"].items())
            if status != 204
        )
        return (
            f"| {name} | {result['requests']} | {rate:,.0f} | {result['p50']:.1f} | "
            f"{result['p99']:.1f} | {others or '—'} |"
        )

    ingest_rate = accepted / ingest["elapsed"]
    bare_rate = bare["statuses"].get(204, 0) / bare["elapsed"]
    lines = [
        "## Engagement ingest (`bench/engagement.py`)",
        "",
        f"gunicorn ({WORKERS} sync workers) on 127.0.0.1 with the full middleware stack and a "
        f"SQLite file in WAL mode; an asyncio load generator in the same machine with "
        f"{CONCURRENCY} concurrent clients, one event per connection, {VISITORS} simulated "
        f"visitors behind {ADDRESSES} addresses (X-Forwarded-For; the flood limits per visitor "
        f"key and per address counted in the shared cache), each endpoint for {SECONDS:.0f} s "
        f"or {MAX_REQUESTS // 2} requests in "
        f"{ROUNDS} alternating rounds. The machine's {os.cpu_count()} "
        "cores are shared by the server, the load generator (and whatever else runs).",
        "",
        "| endpoint | requests | accepted/s | p50 ms | p99 ms | other answers |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
        row("bare Django view (does nothing)", bare, bare["statuses"].get(204, 0)),
        row("POST /e/ (validate, one INSERT, 204)", ingest, accepted),
        "",
        f"- Accepted events: {accepted}; rows in the database afterwards: {stored}; "
        f"**lost: {lost}** (target 0).",
        f"- Ingest throughput: {ingest_rate:,.0f} events/s (target ≥ 2,000), "
        f"{ingest_rate / bare_rate:.0%} of the bare view's {bare_rate:,.0f} requests/s; "
        f"p99 {ingest['p99']:.1f} ms (target < 50 ms).",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(main())
