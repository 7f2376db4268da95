"""Times the richest demo story page of one source tree, on command, for bench/pages.py.

`python bench/_story_worker.py TREE` sets Django up from TREE (this tree, or an exported older
commit for the baseline) on its own temporary database, loads the demo, warms the page, prints
"ready", then answers each stdin line with one JSON line:

- `time N`: N requests; wall p50/p95 and CPU (this thread) p50 in ms;
- `breakdown N`: N requests under bench/_breakdown.py (this tree's code only).

Running every tree in its own long-lived process lets pages.py alternate short rounds between
them, so the other load on a shared machine weighs on baseline and result alike.
"""

from __future__ import annotations

import io
import json
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def richest_story():
    """The live demo story with the longest body (then most exemplars, most corrections)."""
    from stories.models import StoryPage

    return max(
        StoryPage.objects.live(),
        key=lambda s: (len(s.body), s.exemplar_links.count(), s.corrections.count()),
    )


def count_queries(client, url: str) -> int:
    """SQL statements one request of `url` runs."""
    from django.db import connection

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get(url)
    return len(queries)


def timed(client, url: str, count: int) -> dict:
    wall, cpu = [], []
    for _ in range(count):
        started, started_cpu = time.perf_counter(), time.thread_time()
        response = client.get(url)
        cpu.append((time.thread_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return {
        "p50": statistics.median(wall),
        "p95": percentile(wall, 0.95),
        "cpu_p50": statistics.median(cpu),
    }


def breakdown(client, url: str, count: int) -> dict:
    sys.path.insert(0, str(HERE.parent))
    from bench._breakdown import Breakdown

    profile = Breakdown()
    profile.install()
    try:
        for _ in range(count):
            with profile.measure():
                client.get(url)
    finally:
        profile.uninstall()
    return {
        "rows": profile.rows(count),
        "calls": {category: calls / count for category, calls in profile.calls.items()},
    }


def main() -> None:
    tree = Path(sys.argv[1]).resolve()
    os.chdir(tree)
    # Not this folder (its search.py, feeds.py… would shadow the apps): the tree's code only.
    sys.path[:] = [str(tree), *(p for p in sys.path if Path(p).resolve() != HERE)]
    from bench._django import setup_django  # the tree's own

    setup_django()
    from django.core.management import call_command
    from django.test import Client

    call_command("load_demo", stdout=io.StringIO())
    url = richest_story().url
    client = Client()
    for _ in range(30):  # renditions are made on the first view; caches fill
        client.get(url)
    print(
        json.dumps({"ready": True, "url": url, "queries": count_queries(client, url)}), flush=True
    )
    for line in sys.stdin:
        command, count = line.split()
        if command == "time":
            answer = timed(client, url, int(count))
        else:
            answer = breakdown(client, url, int(count))
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
