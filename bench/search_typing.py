"""Search as people type (issue 15): the results page's own path (`search.queries.run`, facets
on) for the same queries typed five ways — without diacritics, with them, in Telex and in VNI
with the input method off, and with one typo — on the generated corpus, in one run, with the
recall@10 of each kind. The accented and unaccented rows are the baseline: they need none of
the fallbacks (Telex/VNI decoding, typo correction) that the other rows go through.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._corpus import make_corpus, make_queries
from bench._django import setup_django
from bench.search import _percentile, _recall

SIZES = tuple(int(n) for n in os.environ.get("BENCH_TYPING_SIZES", "10000,100000").split(","))
BATCH = 1000
REPEAT = 3


def _typo(text: str, known: set[str], rng: random.Random) -> str | None:
    """`text` (folded) with two neighbouring letters of one syllable swapped or one letter
    doubled, into a spelling our vocabulary does not have (else it is another word)."""
    words = text.split()
    for _ in range(20):
        index = rng.randrange(len(words))
        word = words[index]
        if len(word) < 3:
            continue
        at = rng.randrange(1, len(word) - 1)
        typo = (
            word[:at] + word[at + 1] + word[at] + word[at + 2 :]
            if rng.random() < 0.5
            else word[:at] + word[at] + word[at:]
        )
        if typo not in known:
            return " ".join([*words[:index], typo, *words[index + 1 :]])
    return None


def _run(queries) -> dict:
    from urllib.parse import urlencode

    from django.http import QueryDict

    from search import queries as results_page

    def search(text: str) -> list[int]:
        outcome = results_page.run(QueryDict(urlencode({"q": text})))
        return [hit.page_id - 1 for hit in (outcome.page or [])]

    timings, recalls = [], []
    for text, expected in queries:
        recalls.append(_recall(search(text), expected))
        for _ in range(REPEAT):
            started = time.perf_counter()
            search(text)
            timings.append((time.perf_counter() - started) * 1000)
    return {
        "p50": statistics.median(timings),
        "p95": _percentile(timings, 0.95),
        "recall": statistics.mean(recalls),
        "count": len(queries),
    }


def measure(size: int) -> dict:
    from django.db import connection

    from search import vocabulary
    from search.backends.base import IndexedDocument
    from search.backends.sqlite import FTS_TABLE, SQLiteFTSBackend
    from search.models import SearchDocument, SearchSyllable
    from vietnamese.keyboard import encode_telex, encode_vni
    from vietnamese.text import fold

    corpus = make_corpus(size)
    accented = make_queries(corpus)
    SearchDocument.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE}")
    vocabulary.forget_all()
    backend = SQLiteFTSBackend()
    documents = [
        IndexedDocument(
            page_id=s.number + 1, kind="story", title=s.title, url=f"/{s.number}/", body=s.body
        )
        for s in corpus
    ]
    for start in range(0, size, BATCH):
        backend.index(documents[start : start + BATCH])
    started = time.perf_counter()
    vocabulary.learn(documents)
    learn_seconds = time.perf_counter() - started

    known = set(SearchSyllable.objects.values_list("folded", flat=True))
    rng = random.Random(7)
    typos = [
        (typo, expected)
        for text, expected in accented
        if (typo := _typo(fold(text), known, rng)) is not None
    ]
    kinds = {
        "unaccented": [(fold(text), expected) for text, expected in accented],
        "accented": accented,
        "Telex": [(encode_telex(text), expected) for text, expected in accented],
        "VNI": [(encode_vni(text), expected) for text, expected in accented],
        "one typo": typos,
    }
    return {
        "size": size,
        "learn_seconds": learn_seconds,
        "syllables": SearchSyllable.objects.count(),
        "kinds": {kind: _run(queries) for kind, queries in kinds.items()},
    }


def main() -> str:
    setup_django()
    rows, notes = [], []
    for size in SIZES:
        print(f"bench/search_typing.py: {size} stories …", file=sys.stderr)
        m = measure(size)
        for kind, r in m["kinds"].items():
            rows.append(
                f"| {size:,} | {kind} | {r['count']} | {r['p50']:.1f} | {r['p95']:.1f} "
                f"| {r['recall']:.2f} |"
            )
        notes.append(
            f"- {size:,} stories: the vocabulary ({m['syllables']:,} syllables) learned in "
            f"{m['learn_seconds']:.1f} s."
        )
    return "\n".join(
        [
            "## Search as people type (bench/search_typing.py)",
            "",
            "The results page's own path (`search.queries.run`: the query as typed, then its "
            "Telex/VNI reading and its typo correction when it finds fewer than 3, facet counts "
            "on, the accented suggestion for unaccented queries) on our SQLite FTS5 backend, "
            "in-process, each query timed "
            f"{REPEAT}× after a first run that gives recall@10. Queries: a person's name and "
            "commune from the generated corpus (`bench/_corpus.py`), typed five ways; the "
            "unaccented and accented rows are the baseline, which needs no fallback. Typo: two "
            "neighbouring letters of one syllable swapped or one doubled, into a spelling the "
            "corpus does not use. Targets (issue 15): p95 ≤ 20 ms for every kind and recall@10 "
            "≥ 0.95 on Telex and typo queries at 100k stories.",
            "",
            "| stories | typed | queries | p50 ms | p95 ms | recall@10 |",
            "| ---: | --- | ---: | ---: | ---: | ---: |",
            *rows,
            "",
            *notes,
            "",
        ]
    )


if __name__ == "__main__":
    print(main())
