"""Public page rendering: uncached latency, queries and memory, on the demo content.

Pages are requested in-process through Django's test client with DEBUG off, so the figures are
the application's own cost (routing, queries, templates), without a network or WSGI server.
"""

from __future__ import annotations

import io
import os
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._django import setup_django

REQUESTS_PER_PAGE = 200
QUERY_BUDGET = 15


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _measure(client, url: str) -> dict:
    from django.db import connection

    response = client.get(url)  # warm: renditions are created on first view
    assert response.status_code == 200, (url, response.status_code)
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get(url)
    timings = []
    for _ in range(REQUESTS_PER_PAGE):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "queries": len(queries),
        "p50": statistics.median(timings),
        "p95": _percentile(timings, 0.95),
        "rps": 1000 / statistics.mean(timings),
        "bytes": len(response.content),
    }


def main() -> str:
    os.environ["PAGE_CACHE"] = "0"  # the pages' own rendering (bench/pagecache.py: the cache)
    setup_django()
    from django.core.management import call_command
    from django.test import Client

    from campaigns.models import ExemplarIndexPage, LegalDocumentIndexPage
    from stories.models import ColumnIndexPage, StoryPage

    call_command("load_demo", stdout=io.StringIO())
    richest = max(
        StoryPage.objects.live(),
        key=lambda s: (len(s.body), s.exemplar_links.count(), s.corrections.count()),
    )
    pages = [
        ("Story (richest demo story)", richest.url),
        ("Home page", "/"),
        ("Column, page 1", ColumnIndexPage.objects.live().first().url),
        ("Exemplar directory, filtered", ExemplarIndexPage.objects.get().url + "?kind=individual"),
        ("Document list", LegalDocumentIndexPage.objects.get().url),
        ("Tag page", "/tu-khoa/" + richest.tags.first().slug + "/"),
    ]
    client = Client()
    rows = []
    for label, url in pages:
        figures = _measure(client, url)
        rows.append(
            f"| {label} | {figures['queries']} | {figures['p50']:.1f} | {figures['p95']:.1f} "
            f"| {figures['rps']:.0f} | {figures['bytes'] / 1024:.1f} |"
        )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    story_queries = int(rows[0].split("|")[2])
    verdict = "met" if story_queries <= QUERY_BUDGET else "NOT met"
    return "\n".join(
        [
            "## Public pages (uncached, in-process)",
            "",
            f"{REQUESTS_PER_PAGE} sequential requests per page after one warm-up, demo content, "
            "no page cache. Target: a story page in at most "
            f"{QUERY_BUDGET} queries ({verdict}).",
            "",
            "| page | SQL queries | p50 ms | p95 ms | requests/s (1 thread) | HTML KiB |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
            *rows,
            "",
            f"Peak resident memory of the benchmark process: {peak_mb:.0f} MiB.",
            "",
        ]
    )
