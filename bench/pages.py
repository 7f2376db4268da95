"""Public page rendering: uncached latency, queries and memory, on the demo content.

Pages are requested in-process through Django's test client with DEBUG off, so the figures are
the application's own cost (routing, queries, templates), without a network or WSGI server.

The story page (issue 10: p50 at most 15 ms) is also timed in alternating rounds against a
baseline commit (BENCH_PAGES_BASELINE, default: main before the story-page work; "" skips it),
each tree in its own process (bench/_story_worker.py), and its time is broken down by category
(bench/_breakdown.py).
"""

from __future__ import annotations

import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._django import ROOT, setup_django
from bench._story_worker import count_queries, percentile, richest_story

REQUESTS_PER_PAGE = 200
QUERY_BUDGET = 15
STORY_TARGET_MS = 15
BASELINE_REF = os.environ.get("BENCH_PAGES_BASELINE", "24a575d")
BASELINE_NAME = "main before issue 10"
ROUNDS = 7
ROUND_REQUESTS = 60
BREAKDOWN_REQUESTS = 200
COLD = "this tree, route cache off (core.routecache)"


def _measure(client, url: str) -> dict:
    response = client.get(url)  # warm: renditions are created on first view
    assert response.status_code == 200, (url, response.status_code)
    queries = count_queries(client, url)
    timings = []
    for _ in range(REQUESTS_PER_PAGE):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "queries": queries,
        "p50": statistics.median(timings),
        "p95": percentile(timings, 0.95),
        "rps": 1000 / statistics.mean(timings),
        "bytes": len(response.content),
    }


def main() -> str:
    os.environ["PAGE_CACHE"] = "0"  # the pages' own rendering (bench/pagecache.py: the cache)
    setup_django()
    from django.core.management import call_command
    from django.test import Client

    from campaigns.models import ExemplarIndexPage, LegalDocumentIndexPage
    from stories.models import ColumnIndexPage

    call_command("load_demo", stdout=io.StringIO())
    richest = richest_story()
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
            "no page cache (the route cache on, as in production). Target: a story page in at most "
            f"{QUERY_BUDGET} queries ({verdict}).",
            "",
            "| page | SQL queries | p50 ms | p95 ms | requests/s (1 thread) | HTML KiB |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
            *rows,
            "",
            f"Peak resident memory of the benchmark process: {peak_mb:.0f} MiB.",
            "",
            *story_section(),
        ]
    )


class Worker:
    """A bench/_story_worker.py process for one source tree."""

    def __init__(self, tree: Path, **env: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "bench" / "_story_worker.py"), str(tree)],
            env={**os.environ, **env},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.ready = self._answer()

    def _answer(self) -> dict:
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"story worker ended (exit {self.process.wait()})")
        return json.loads(line)

    def ask(self, command: str, count: int) -> dict:
        self.process.stdin.write(f"{command} {count}\n")
        self.process.stdin.flush()
        return self._answer()

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()


def export_tree(ref: str) -> Path | None:
    """The files of commit `ref` in a temporary folder, or None without git or that commit."""
    try:
        archive = subprocess.run(
            ["git", "archive", "--format=tar", ref], cwd=ROOT, capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    tree = Path(tempfile.mkdtemp(prefix="lantoa-bench-baseline-"))
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(tree, filter="data")
    return tree


def _spread(rounds: list[dict], key: str) -> str:
    values = [round_[key] for round_ in rounds]
    return f"{statistics.median(values):.1f} ({min(values):.1f}–{max(values):.1f})"


def story_section() -> list[str]:
    """The story page against the baseline in alternating rounds, and its time by category."""
    workers = {
        "this tree": Worker(ROOT),
        # Every render cold: what the first reader after a change pays.
        COLD: Worker(ROOT, ROUTE_CACHE="0"),
    }
    baseline = export_tree(BASELINE_REF) if BASELINE_REF else None
    if baseline is not None:
        workers[f"baseline `{BASELINE_REF}` ({BASELINE_NAME})"] = Worker(baseline)
    rounds: dict[str, list[dict]] = {label: [] for label in workers}
    for _ in range(ROUNDS):
        for label, worker in workers.items():
            rounds[label].append(worker.ask("time", ROUND_REQUESTS))
    current = workers["this tree"]
    profile = current.ask("breakdown", BREAKDOWN_REQUESTS)
    plain = current.ask("time", BREAKDOWN_REQUESTS)
    for worker in workers.values():
        worker.close()

    rows = [
        f"| {label} | {workers[label].ready['queries']} | {_spread(results, 'p50')} "
        f"| {_spread(results, 'p95')} | {_spread(results, 'cpu_p50')} |"
        for label, results in rounds.items()
    ]
    p50 = statistics.median(r["p50"] for r in rounds["this tree"])
    cpu = statistics.median(r["cpu_p50"] for r in rounds["this tree"])
    verdict = "met" if p50 <= STORY_TARGET_MS else "NOT met"
    notes = [f"- Target: p50 ≤ {STORY_TARGET_MS} ms; this tree {p50:.1f} ms ({verdict})."]
    if len(rounds) == 3:
        label = next(label for label in rounds if label not in ("this tree", COLD))
        before = statistics.median(r["p50"] for r in rounds[label])
        before_cpu = statistics.median(r["cpu_p50"] for r in rounds[label])
        notes.append(
            f"- Against the baseline: p50 {before:.1f} → {p50:.1f} ms "
            f"({before / p50:.2f}× faster), CPU {before_cpu:.1f} → {cpu:.1f} ms "
            f"({before_cpu / cpu:.2f}×)."
        )
    else:
        notes.append(f"- No baseline: commit `{BASELINE_REF}` could not be exported.")
    whole = sum(ms for _, ms, _ in profile["rows"])
    calls = profile["calls"]
    breakdown = [
        f"| {category} | {ms:.2f} | {share:.0%} "
        f"| {f'{calls[category]:.0f}' if category in calls else '—'} |"
        for category, ms, share in profile["rows"]
    ]
    return [
        "### Story page: p50 against the baseline (issue 10)",
        "",
        f"The richest demo story (`{current.ready['url']}`), without the page cache: every "
        'request renders the page. "This tree" runs as production does, with the route cache '
        "(core.routecache: the page and what its last render read, kept under the site "
        "generation); the second row turns it off, as for the first reader after a change. "
        "Each tree runs in its "
        f"own process on its own database; {ROUNDS} alternating rounds of {ROUND_REQUESTS} "
        "requests; each figure is the median of the rounds' values, their range in brackets. "
        "Wall time includes waiting for a core on a shared machine; CPU time (this thread) "
        "does not.",
        "",
        "| code | SQL queries | p50 ms | p95 ms | CPU p50 ms |",
        "| --- | ---: | ---: | ---: | ---: |",
        *rows,
        "",
        *notes,
        "",
        "### Where the story page's time goes",
        "",
        f"CPU time per request by category, {BREAKDOWN_REQUESTS} requests of this tree; each "
        "moment is charged to the innermost category running (a query run by a template tag "
        "counts as ORM and SQL, not as templates), so the rows add up to the request. The "
        f"instrumented requests took {whole:.1f} ms of CPU, plain ones "
        f"{plain['cpu_p50']:.1f} ms (p50): the wrappers' own cost is spread over the rows.",
        "",
        "| category | CPU ms per request | share | calls per request |",
        "| --- | ---: | ---: | ---: |",
        *breakdown,
        "",
    ]
