"""Search: our SQLite FTS5 backend against Wagtail's modelsearch database backend (SQLite FTS5,
unicode61 remove_diacritics 1), on the same generated corpus, in one run.

The corpus is indexed straight into each engine's tables, not through Wagtail pages (creating
100k pages would take far longer than the benchmark): ours through `SQLiteFTSBackend.index`
(the code the index task runs), modelsearch through its own `add_bulk` on the `Author` snippet
model, an `index.Indexed` model whose one SearchField carries the story's whole text
(SQLite does not enforce the column length). Queries are a person's name and commune, typed
without diacritics (what readers type) and with them.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._corpus import make_corpus, make_queries
from bench._django import setup_django

SIZES = tuple(int(n) for n in os.environ.get("BENCH_SEARCH_SIZES", "10000,100000").split(","))
BATCH = 1000
REPEAT = 3  # each query is timed this many times (after one warm-up)
MODELSEARCH_QUERIES = 15
# modelsearch needs about 1 s (p50) to 7 s (p95) per query at 10k stories and grows with the
# corpus: at 100k the sample alone would take hours, so it is measured up to this size.
MODELSEARCH_MAX_SIZE = 10_000


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _recall(found: list[int], expected: set[int]) -> float:
    return len(set(found[:10]) & expected) / min(10, len(expected))


def _run(search, queries, repeat: int = REPEAT) -> dict:
    """Recall from the first run; latency from `repeat` further runs (or the first if 0)."""
    timings, recalls = [], []
    for text, expected in queries:
        started = time.perf_counter()
        found = search(text)
        first = (time.perf_counter() - started) * 1000
        if expected:  # a broad query has no expected set: timed only
            recalls.append(_recall(found, expected))
        if not repeat:
            timings.append(first)
        for _ in range(repeat):
            started = time.perf_counter()
            search(text)
            timings.append((time.perf_counter() - started) * 1000)
    return {
        "p50": statistics.median(timings),
        "p95": _percentile(timings, 0.95),
        "recall": statistics.mean(recalls) if recalls else None,
        "count": len(queries),
    }


def measure(size: int) -> dict:
    from wagtail.search.backends import get_search_backend

    from search.backends.base import IndexedDocument, SearchQuery
    from search.backends.sqlite import SQLiteFTSBackend
    from stories.models import Author
    from vietnamese.text import fold

    corpus = make_corpus(size)
    accented = make_queries(corpus)
    plain = [(fold(text), expected) for text, expected in accented]
    ours, theirs = SQLiteFTSBackend(), get_search_backend()

    ours.clear()  # the FTS5 tables follow the documents (triggers)
    Author.objects.all().delete()

    started = time.perf_counter()
    for start in range(0, size, BATCH):
        ours.index(
            [
                IndexedDocument(
                    page_id=s.number + 1,
                    kind="story",
                    title=s.title,
                    url=f"/{s.number}/",
                    body=s.body,
                )
                for s in corpus[start : start + BATCH]
            ]
        )
    ours_rate = size / (time.perf_counter() - started)

    with_modelsearch = size <= MODELSEARCH_MAX_SIZE
    by_author, theirs_rate = {}, 0.0
    if with_modelsearch:
        authors = Author.objects.bulk_create(
            Author(
                name=f"{s.title}\n{s.body}",
                slug=f"bench-{s.number + 1}",  # bulk_create skips save(), which makes slugs
                role="",
                organisation=str(s.number + 1),
            )
            for s in corpus
        )
        started = time.perf_counter()
        for start in range(0, size, BATCH):
            theirs.add_bulk(Author, authors[start : start + BATCH])
        theirs_rate = size / (time.perf_counter() - started)
        by_author = {a.pk: int(a.organisation) - 1 for a in authors}

    def ours_search(text: str) -> list[int]:
        hits = ours.search(SearchQuery(text=text, limit=10, with_facets=False)).hits
        return [h.page_id - 1 for h in hits]

    def ours_page(text: str) -> list[int]:
        hits = ours.search(SearchQuery(text=text, limit=10)).hits
        return [h.page_id - 1 for h in hits]

    def theirs_search(text: str) -> list[int]:
        return [by_author[a.pk] for a in theirs.search(text, Author)[:10]]

    measured = {
        "size": size,
        "queries": len(plain),
        "ours_rate": ours_rate,
        "theirs_rate": theirs_rate,
        "ours_plain": _run(ours_search, plain),
        "ours_accented": _run(ours_search, accented),
        "ours_facets": _run(ours_page, plain),
    }
    if with_modelsearch:
        # A sample, each query timed once (seconds per query).
        measured["theirs_plain"] = _run(theirs_search, plain[:MODELSEARCH_QUERIES], repeat=0)
        measured["theirs_accented"] = _run(theirs_search, accented[:MODELSEARCH_QUERIES], repeat=0)
    return measured


def main() -> str:
    setup_django()
    rows, notes = [], []
    for size in SIZES:
        print(f"bench/search.py: {size} stories …", file=sys.stderr)
        m = measure(size)
        for label, key, rate in [
            ("ours (SQLite FTS5, folded)", "ours", m["ours_rate"]),
            ("modelsearch (database, SQLite)", "theirs", m["theirs_rate"]),
        ]:
            if f"{key}_plain" not in m:
                rows.append(f"| {size:,} | {label} | not measured (see below) | | | | | |")
                continue
            p, a = m[f"{key}_plain"], m[f"{key}_accented"]
            rows.append(
                f"| {size:,} | {label} | {p['p50']:.1f} | {p['p95']:.1f} | {p['recall']:.2f} "
                f"| {a['recall']:.2f} | {a['p95']:.1f} | {rate:,.0f} |"
            )
        f = m["ours_facets"]
        comparison = (
            f"ours is {m['theirs_plain']['p95'] / m['ours_plain']['p95']:.0f}× faster than "
            "modelsearch at p95 (unaccented)"
            if "theirs_plain" in m
            else f"modelsearch not measured (above {MODELSEARCH_MAX_SIZE:,} stories its "
            "query sample would take hours)"
        )
        notes.append(
            f"- {size:,} stories, {m['queries']} queries: {comparison}; with the results "
            f"page's facet counts ours is p50 {f['p50']:.1f} ms, p95 {f['p95']:.1f} ms."
        )
    lines = [
        "## Search (bench/search.py)",
        "",
        "Our SQLite FTS5 backend (`search/backends/sqlite.py`) and Wagtail's modelsearch "
        "database backend, on the same generated corpus (`bench/_corpus.py`: stories of about "
        "170 syllables from our own name, commune and sentence lists). The corpus is indexed "
        "directly into each engine's tables, not through Wagtail pages; modelsearch indexes "
        "the same text through the `Author` snippet model. Queries: a person's full name and "
        "commune; expected hits by brute force over folded syllables (1–10 per query). Latency "
        f"is the backend's `search` call for the top 10, in-process, each query {REPEAT}× after "
        f"a warm-up (modelsearch: the first {MODELSEARCH_QUERIES} queries, each timed once: it "
        "takes seconds per query); facet counts off except where noted. "
        "Targets (issue 4): recall@10 = 1.0 unaccented, p95 ≤ 20 ms at 100k, "
        "≥ 3× faster than modelsearch at p95.",
        "",
        "| stories | engine | p50 ms (unaccented) | p95 ms (unaccented) | recall@10 unaccented "
        "| recall@10 accented | p95 ms (accented) | indexing docs/s |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        *rows,
        "",
        *notes,
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(main())
