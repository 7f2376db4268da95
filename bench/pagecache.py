"""The page cache under load, and how fast a change reaches every process.

1. Requests/s for a cached story page beside a static file, on the same gunicorn (3 sync
   workers, the production settings, demo content), in alternating rounds of one run.
2. Propagation: three gunicorn processes (one worker each) and a script process on one
   SQLite file; the script unpublishes a story (or a column) and every process is polled until
   the story has left its page and feed (or the column its menu). Run on the embedded default,
   on Redis when `redis-server` is installed, and on the old per-process cache for contrast.

Standalone: `python bench/pagecache.py`; `make bench` writes the tables into
docs/benchmarks.md. Loopback only. BENCH_SECONDS (default 6) per endpoint, BENCH_CONCURRENCY (8).
"""

from __future__ import annotations

import asyncio
import io
import os
import sqlite3
import statistics
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import _services  # noqa: E402
from bench._django import setup_django  # noqa: E402
from bench._load import load, merge  # noqa: E402
from tests.sites import Gunicorns, ScriptProcess, environment  # noqa: E402

SECONDS = float(os.environ.get("BENCH_SECONDS", "6"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "8"))
WORKERS = 3
ROUNDS = 3
TRIALS = 3
STALE_AFTER = 5.0  # seconds of polling before a process counts as stale
HOST = "127.0.0.1"
SITE_HOST = "localhost"  # the Host a proxy in front passes: the site's hostname


def _throughput(port: int, page: str, static: str) -> dict[str, dict]:
    """Static file and cached page in alternating rounds, so other load hits both alike."""

    def run(path: str, seconds: float) -> dict:
        request = f"GET {path} HTTP/1.1\r\nHost: {SITE_HOST}\r\nConnection: close\r\n\r\n"
        return asyncio.run(
            load(port, lambda _n: request.encode(), seconds, concurrency=CONCURRENCY)
        )

    for path in (static, page):  # warm: the page is rendered and stored once
        run(path, 0.5)
    rounds: dict[str, list[dict]] = {"static": [], "page": []}
    for _ in range(ROUNDS):
        for name, path in (("static", static), ("page", page)):
            rounds[name].append(run(path, SECONDS / ROUNDS))
    results = {}
    for name, measured in rounds.items():
        result = merge(measured)
        ok = result["statuses"].get(200, 0)
        result.update(rate=ok / result["elapsed"], other=result["requests"] - ok)
        results[name] = result
    return results


def _fetch(base: str, path: str) -> tuple[int, bytes]:
    request = urllib.request.Request(base + path, headers={"Host": SITE_HOST})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def _gone_everywhere(bases: list[str], checks: list[tuple[str, bytes]]) -> bool:
    """Every process: each path answers without the marker (or not at all: 404/410)."""
    for base in bases:
        for path, marker in checks:
            status, body = _fetch(base, path)
            if status == 200 and marker in body:
                return False
    return True


SEED = """
from stories.models import ColumnIndexPage, StoryPage
from lantoa.models import HomePage
from media_pipeline.models import LanToaImage
home = HomePage.objects.get()
image = LanToaImage.objects.first()
result = []
for number in range({trials}):
    column = ColumnIndexPage(title=f"Chuyên mục thử {{number}}", show_in_menus=True)
    home.add_child(instance=column)
    column.save_revision().publish()
    story = StoryPage(title=f"Bài đo thời gian số {{number}}", sapo="Đo thời gian lan tỏa.",
                      body=[("paragraph", "<p>Nội dung.</p>")], hero_image=image, live=False)
    column.add_child(instance=story)
    story.save_revision().publish()
    result.append({{"column": column.pk, "column_title": column.title, "story": story.pk,
                   "url": story.url, "title": story.title}})
"""


def _propagation(workdir: Path, database: Path, cache_url: str) -> dict:
    """Seconds from the start of an unpublish in the script process until every process
    stopped showing it (None: still shown after STALE_AFTER seconds)."""
    copy = workdir / f"propagation-{cache_url.split(':')[0] or 'default'}.sqlite3"
    with sqlite3.connect(database) as source, sqlite3.connect(copy) as target:
        source.backup(target)  # the WAL's recent pages included (a file copy would miss them)
    env = environment(workdir, copy, cache_url=cache_url, settings="lantoa.settings")
    env["CACHE_KEY_PREFIX"] += f"-{copy.stem}"
    script = ScriptProcess(env, workdir / f"{copy.stem}.log")
    servers = None
    try:
        seed = script.run(SEED.format(trials=TRIALS))
        servers = Gunicorns(env, workdir, count=3, workers=1)
        timings: dict[str, list[float | None]] = {"story": [], "column": [], "call": []}
        for item in seed:
            title = item["title"].encode()
            story_checks = [(item["url"], title), ("/feeds/all.rss", title)]
            menu_checks = [("/", item["column_title"].encode())]
            for kind, code, checks in (
                ("story", f"StoryPage.objects.get(pk={item['story']}).unpublish()", story_checks),
                ("column", f"Page.objects.get(pk={item['column']}).unpublish()", menu_checks),
            ):
                for base in servers.bases:  # every process has the old state cached
                    for path, _marker in checks:
                        _fetch(base, path)
                assert not _gone_everywhere(servers.bases, checks)
                started = time.perf_counter()
                script.run(
                    "from wagtail.models import Page\nfrom stories.models import StoryPage\n" + code
                )
                timings["call"].append(time.perf_counter() - started)
                elapsed = None
                while time.perf_counter() - started < STALE_AFTER:
                    if _gone_everywhere(servers.bases, checks):
                        elapsed = time.perf_counter() - started
                        break
                timings[kind].append(elapsed)
        return timings
    finally:
        if servers:
            servers.stop()
        script.close()


def _describe(values: list[float | None]) -> str:
    if any(value is None for value in values):
        stale = sum(value is None for value in values)
        return f"**stale** in {stale} of {len(values)} (still shown after {STALE_AFTER:.0f} s)"
    return f"{statistics.median(values) * 1000:.0f} ms / {max(values) * 1000:.0f} ms"


def main() -> str:
    workdir = setup_django()
    from django.core.management import call_command
    from django.templatetags.static import static

    from stories.models import StoryPage

    call_command("load_demo", stdout=io.StringIO())
    story = max(StoryPage.objects.live(), key=lambda s: len(s.body))
    page_path, static_path = story.url, static("css/site.css")
    database = Path(os.environ["DATABASE_URL"].removeprefix("sqlite:///"))

    env = environment(workdir, database, settings="lantoa.settings", CONN_MAX_AGE="600")
    server = Gunicorns(env, workdir, count=1, workers=WORKERS)
    try:
        port = server.ports[0]
        sizes = {path: len(_fetch(server.bases[0], path)[1]) for path in (page_path, static_path)}
        request = urllib.request.Request(server.bases[0] + page_path, headers={"Host": SITE_HOST})
        with urllib.request.urlopen(request, timeout=10) as response:
            state = response.headers.get("X-Page-Cache")
        throughput = _throughput(port, page_path, static_path)
    finally:
        server.stop()
    ratio = throughput["page"]["rate"] / throughput["static"]["rate"]

    redis_url, redis_server = _services.redis()
    backends = [("", "embedded default (diskcache)")]
    if redis_url:
        backends.append((redis_url, "Redis"))
    backends.append(("locmem://", "local memory, one per process (the old setting)"))
    rows = []
    try:
        for url, label in backends:
            print(f"bench: propagation on {label} …", file=sys.stderr)
            timings = _propagation(workdir, database, url)
            rows.append(
                f"| {label} | {_describe(timings['story'])} | {_describe(timings['column'])} "
                f"| {_describe(timings['call'])} |"
            )
    finally:
        _services.stop(redis_server)

    def row(name: str, figures: dict, size: int) -> str:
        return (
            f"| {name} | {figures['rate']:,.0f} | {figures['p50']:.1f} | {size / 1024:.1f} "
            f"| {figures['other'] or '—'} |"
        )

    verdict = "met" if ratio >= 0.5 else "NOT met"
    return "\n".join(
        [
            "## Page cache (`bench/pagecache.py`)",
            "",
            f"gunicorn ({WORKERS} sync workers, production settings, SQLite WAL, demo content) "
            f"on 127.0.0.1; {CONCURRENCY} concurrent clients, one GET per connection, "
            f"{SECONDS:.0f} s per endpoint in {ROUNDS} alternating rounds. The machine's "
            f"{os.cpu_count()} cores are shared by the server, the load generator and whatever "
            "else runs: compare the two rows, not the absolute figures.",
            "",
            "| request | requests/s | p50 ms | KiB | non-200 |",
            "| --- | ---: | ---: | ---: | ---: |",
            row(
                f"static file ({static_path.rsplit('/', 1)[-1]}, WhiteNoise)",
                throughput["static"],
                sizes[static_path],
            ),
            row("story page from the page cache", throughput["page"], sizes[page_path]),
            "",
            f"- Cached story page: **{ratio:.2f}×** the static file's requests/s (target ≥ 0.5×, "
            f"{verdict}; before the page cache: 43 vs 2,504 requests/s, 0.017×). A repeat "
            f"request of the page answered `X-Page-Cache: {state}`.",
            "",
            "Propagation: three gunicorn processes (one worker each) and a script process on one "
            f"SQLite file, {TRIALS} trials each; from the start of the unpublish in the script "
            "process until no process shows it any more (median / worst).",
            "",
            "| cache | story leaves page and feed | column leaves the menu "
            "| of which the unpublish itself |",
            "| --- | --- | --- | --- |",
            *rows,
            "",
            "- Target: ≤ 1 s on every process. The embedded default and Redis see the change on "
            "each process's next request: the time is the unpublish itself (Wagtail's action, "
            "the search index, the page's revision) plus one round of requests to the three "
            "processes, which render the page, feed and menu afresh. "
            "With one local-memory cache per process the other processes keep the old page, "
            "feed and menu until their entries expire.",
            "",
        ]
    )


if __name__ == "__main__":
    print(main())
