"""One engine at one corpus size for bench/search_typing.py, in its own process (Django is set
up once per process): builds the index, then times every way of typing. Prints JSON.

    python bench/_typing_worker.py sqlite 100000
    python bench/_typing_worker.py postgres 100000 postgres://lantoa@127.0.0.1:54329/lantoa
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._corpus import JOBS, make_corpus, make_queries
from bench._django import setup_django
from bench.search import _run

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


def _timed(queries, facets: bool) -> dict:
    """Recall@10 from a first run (not timed); latency over REPEAT further runs of each."""
    from django.http import QueryDict

    from search import queries as results_page

    def search(text: str) -> list[int]:
        outcome = results_page.run(QueryDict(urlencode({"q": text})), facets=facets)
        return [hit.page_id - 1 for hit in (outcome.page or [])]

    return _run(search, queries, repeat=REPEAT)


def _index_bytes() -> int:
    """Bytes on disk of the documents, their tags and every text index over them."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'lantoa_search_%' "
                "OR name IN (SELECT name FROM sqlite_master WHERE tbl_name LIKE 'lantoa_search_%')"
            )
        else:
            cursor.execute(
                "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c "
                "WHERE c.relkind = 'r' AND c.relname LIKE 'lantoa_search_%'"
            )
        return int(cursor.fetchone()[0] or 0)


def measure(size: int) -> dict:
    from django.db import connection

    from search import vocabulary
    from search.backends import get_backend
    from search.backends.base import IndexedDocument
    from search.models import SearchSyllable
    from vietnamese.keyboard import encode_telex, encode_vni
    from vietnamese.text import fold

    started = time.perf_counter()
    corpus = make_corpus(size)
    accented = make_queries(corpus)
    prepared = time.perf_counter() - started
    backend = get_backend()
    documents = (
        IndexedDocument(
            page_id=s.number + 1, kind="story", title=s.title, url=f"/{s.number}/", body=s.body
        )
        for s in corpus
    )
    started = time.perf_counter()
    learned = vocabulary.Learned()
    batch = []
    for document in documents:
        batch.append(document)
        learned.add(document)
        if len(batch) == BATCH:
            backend.index(batch)
            batch = []
    backend.index(batch)
    learned.save()
    build_seconds = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE lantoa_search_searchdocument")
    del corpus

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
        # One common phrase, found in most stories: the engine ranks every match.
        "broad (one common phrase)": [(fold(job), set()) for job in JOBS],
    }
    return {
        "engine": backend.name,
        "size": size,
        "prepare_seconds": prepared,
        "build_seconds": build_seconds,
        "index_bytes": _index_bytes(),
        "syllables": SearchSyllable.objects.count(),
        "kinds": {
            kind: {"query": _timed(queries, False), "page": _timed(queries, True)}
            for kind, queries in kinds.items()
        },
    }


def _database(server_url: str) -> tuple[str, callable]:
    """An empty database of its own on the PostgreSQL server, and how to drop it."""
    import psycopg

    name = f"lantoa_bench_{os.getpid()}"
    parts = urlsplit(server_url)
    admin = psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True)
    admin.execute(f"DROP DATABASE IF EXISTS {name}")
    admin.execute(f"CREATE DATABASE {name}")

    def drop() -> None:
        from django.db import connections

        connections.close_all()
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.close()

    return urlunsplit(parts._replace(path=f"/{name}")), drop


def main() -> None:
    engine, size = sys.argv[1], int(sys.argv[2])
    drop = None
    database_url = ""
    if engine == "postgres":
        database_url, drop = _database(sys.argv[3])
    try:
        setup_django(database_url)
        print(json.dumps(measure(size)))
    finally:
        if drop:
            drop()


if __name__ == "__main__":
    main()
