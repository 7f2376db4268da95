"""Which cache every process of the site shares: the candidates measured side by side.

Three separate processes (the gunicorn workers, the task worker and the scheduler of a
one-machine site) hammer the same cache at once with what the site does to it: read a cached
page (13 KB), read a generation counter (the per-request check), store pages, and bump
counters. Correctness across processes: every process increments one counter K times (the
total must be 3K) and races `add` on the same keys (exactly one process must win each key).

Standalone: `python bench/cache_backends.py`; `make bench` writes the table into
docs/benchmarks.md. Redis and memcached rows appear when REDIS_URL / MEMCACHED_URL are set
(or `redis-server` / `memcached` are on PATH: then a private instance on a free port is used).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import _services  # noqa: E402

PROCESSES = 3
READS = int(os.environ.get("BENCH_CACHE_READS", "3000"))
WRITES = int(os.environ.get("BENCH_CACHE_WRITES", "300"))
INCREMENTS = int(os.environ.get("BENCH_CACHE_INCREMENTS", "300"))
ADD_KEYS = 200
SERVERLESS_SHARED = {"database", "file", "diskcache"}
PAGE = ("<p>Người tốt việc tốt ở bản Nậm Mơ, xã Tân Lập.</p>" * 260).encode()[:13_000]


def _cache_settings(name: str, location: str) -> dict:
    backends = {
        "locmem": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "database": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "lantoa_cache",
        },
        "file": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache"},
        "diskcache": {"BACKEND": "core.backends.DiskCache"},
        "redis": {"BACKEND": "django.core.cache.backends.redis.RedisCache"},
        "memcached": {"BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache"},
    }
    config = {**backends[name], "TIMEOUT": None}
    if name in {"file", "diskcache", "redis", "memcached"}:
        config["LOCATION"] = location
    if name == "file":
        config["OPTIONS"] = {"MAX_ENTRIES": 100_000}
    return config


def _configure(name: str, location: str) -> None:
    import django
    from django.conf import settings

    settings.configure(
        CACHES={"default": _cache_settings(name, location)},
        DATABASES={
            "default": {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": location if name == "database" else ":memory:",
                "OPTIONS": {
                    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                    "transaction_mode": "IMMEDIATE",
                    "timeout": 20,
                },
            }
        },
        INSTALLED_APPS=[],
        USE_TZ=True,
    )
    django.setup()


def _timed(function, count: int) -> list[float]:
    samples = []
    for number in range(count):
        started = time.perf_counter()
        function(number)
        samples.append((time.perf_counter() - started) * 1e6)
    return samples


def worker(name: str, location: str, index: int, start_at: float) -> dict:
    """One of the concurrent processes: waits for the common start, then runs every operation."""
    _configure(name, location)
    from django.core.cache import cache

    while time.time() < start_at:
        time.sleep(0.005)

    def increment(number: int) -> None:
        try:
            cache.incr("bench:counter")
        except ValueError:  # not there: a cache this process does not share
            cache.set("bench:counter", 1)

    def request(number: int) -> None:
        """What one page request costs: the generation, the page, Django's close at the end."""
        cache.get("bench:generation")
        cache.get("bench:page")
        cache.close()

    results = {
        "request": _timed(request, READS),
        "get_page": _timed(lambda n: cache.get("bench:page"), READS),
        "get_generation": _timed(lambda n: cache.get("bench:generation"), READS),
        "set_page": _timed(lambda n: cache.set(f"bench:page:{index}:{n}", PAGE), WRITES),
        "incr": _timed(increment, INCREMENTS),
    }
    wins = sum(1 for key in range(ADD_KEYS) if cache.add(f"bench:add:{key}", index))
    return {"samples": results, "add_wins": wins}


def _prepare(name: str, location: str) -> None:
    _configure(name, location)
    from django.core.cache import cache
    from django.core.management import call_command

    if name == "database":
        call_command("createcachetable", verbosity=0)
    cache.clear()
    cache.set("bench:page", PAGE)
    cache.set("bench:generation", 1)
    cache.set("bench:counter", 0)


def _final_counter(name: str, location: str) -> int | None:
    code = (
        "import sys; sys.path.insert(0, sys.argv[3]); from bench.cache_backends import _configure;"
        "_configure(sys.argv[1], sys.argv[2]); from django.core.cache import cache;"
        "print(cache.get('bench:counter'))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code, name, location, str(ROOT)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return int(output) if output.lstrip("-").isdigit() else None


def measure(name: str, location: str) -> dict:
    """Runs PROCESSES workers at once against one backend; returns the merged figures."""
    subprocess.run(
        [sys.executable, __file__, "prepare", name, location],
        check=True,
        capture_output=True,
    )
    start_at = time.time() + 1.5
    processes = [
        subprocess.Popen(
            [sys.executable, __file__, "worker", name, location, str(index), str(start_at)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for index in range(PROCESSES)
    ]
    outputs = [json.loads(process.communicate(timeout=600)[0]) for process in processes]
    merged: dict[str, list[float]] = {}
    for output in outputs:
        for operation, samples in output["samples"].items():
            merged.setdefault(operation, []).extend(samples)
    figures = {}
    for operation, samples in merged.items():
        ordered = sorted(samples)
        figures[operation] = {
            "p50": statistics.median(ordered),
            "p99": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))],
            # Each process ran its share sequentially: aggregate rate across the processes.
            "rate": PROCESSES * 1e6 / statistics.mean(ordered),
        }
    figures["counter"] = _final_counter(name, location)
    figures["add_wins"] = sum(output["add_wins"] for output in outputs)
    return figures


def main() -> str:
    workdir = Path(tempfile.mkdtemp(prefix="lantoa-bench-cache-"))
    candidates = [
        ("locmem", "", "Django local memory (the old setting; one per process)"),
        ("database", str(workdir / "site.sqlite3"), "Django DatabaseCache, SQLite WAL"),
        ("file", str(workdir / "files"), "Django FileBasedCache"),
        ("diskcache", str(workdir / "diskcache"), "diskcache (core.backends.DiskCache)"),
    ]
    redis_url, redis_server = _services.redis()
    if redis_url:
        candidates.append(("redis", redis_url, "Redis (Django's RedisCache), loopback"))
    memcached, memcached_server = _services.memcached()
    if memcached:
        candidates.append(("memcached", memcached, "memcached (PyMemcacheCache), loopback"))
    rows, embedded = [], []
    try:
        for name, location, label in candidates:
            print(f"bench: cache backend {name} …", file=sys.stderr)
            figures = measure(name, location)
            expected = PROCESSES * INCREMENTS
            counter = figures["counter"]
            incr_ok = "yes" if counter == expected else f"**no**: {counter} of {expected}"
            add_ok = (
                "yes"
                if figures["add_wins"] == ADD_KEYS
                else f"**no**: {figures['add_wins']} wins for {ADD_KEYS} keys"
            )
            shared = "no (one per process)" if name == "locmem" else "yes"
            if name in SERVERLESS_SHARED and "**no**" not in incr_ok + add_ok:
                embedded.append((figures["get_page"]["p50"], label))
            rows.append(
                f"| {label} | {shared} "
                f"| {figures['get_page']['p50']:.0f} / {figures['get_page']['p99']:.0f} "
                f"| {figures['get_page']['rate']:,.0f} "
                f"| {figures['get_generation']['p50']:.0f} "
                f"| {figures['set_page']['p50']:.0f} / {figures['set_page']['p99']:.0f} "
                f"| {figures['incr']['p50']:.0f} | {figures['request']['p50']:.0f} "
                f"| {incr_ok} | {add_ok} |"
            )
    finally:
        _services.stop(redis_server, memcached_server)
        shutil.rmtree(workdir, ignore_errors=True)
    return "\n".join(
        [
            "## Shared cache backends (`bench/cache_backends.py`)",
            "",
            f"{PROCESSES} processes at once against one cache, each: {READS} reads of a cached "
            f"13 KB page, {READS} reads of a generation counter, {WRITES} page writes, "
            f"{INCREMENTS} increments of one shared counter, then `add` on the same "
            f"{ADD_KEYS} keys. Latencies in µs (p50 / p99); reads/s summed over the processes. "
            "“request”: a page request's two reads plus the `close()` Django calls on every cache "
            "when a request ends. “incr exact”: the counter ends at processes × increments; "
            "“add exact”: each key won by exactly one process.",
            "",
            "| backend | shared | page get µs | page gets/s | generation get µs "
            "| page set µs | incr µs | request µs | incr exact | add exact |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
            *rows,
            "",
            f"- Shared with no server and exact under concurrency: "
            f"{', '.join(label for _p50, label in sorted(embedded)) or 'none'}; fastest page "
            f"read among them: **{min(embedded)[1] if embedded else 'none'}**, the embedded "
            "default (CACHE_URL unset). A backend whose `incr` is a read then a write loses "
            "increments under concurrency: a lost bump of the site generation is a stale page. "
            "Local memory is fast but not shared: the bug this replaces (docs/deployment.md, "
            "“Cache”).",
            "",
        ]
    )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "prepare":
        _prepare(sys.argv[2], sys.argv[3])
    elif len(sys.argv) > 1 and sys.argv[1] == "worker":
        print(json.dumps(worker(sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5]))))
    else:
        print(main())
