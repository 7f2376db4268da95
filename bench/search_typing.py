"""Search as people type (issue 15) on SQLite FTS5 and PostgreSQL side by side, at 100k and 1M
stories: the results page's own path (`search.queries.run`) for the same queries typed five
ways — without diacritics, with them, in Telex and in VNI with the input method off, with one
typo — plus one common phrase that most stories hold; timed without facets (the query) and
with them (the results page), with recall@10, build time and index size.

Each engine and size runs in its own process (bench/_typing_worker.py) on an empty database.
PostgreSQL: the throwaway server of scripts/postgres.sh, or BENCH_POSTGRES_URL; sizes:
BENCH_TYPING_SIZES (default 100000,1000000); engines: BENCH_TYPING_ENGINES (sqlite,postgres).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKER = ROOT / "bench" / "_typing_worker.py"
REPEAT = 3  # bench/_typing_worker.py
SIZES = tuple(
    int(n) for n in os.environ.get("BENCH_TYPING_SIZES", "100000,1000000").split(",") if n
)
ENGINES = tuple(os.environ.get("BENCH_TYPING_ENGINES", "sqlite,postgres").split(","))
TARGETS = "p95 ≤ 20 ms for every kind (query), ≤ 30 ms for the results page with facets, at 100k"


BENCH_PG_PORT = "54339"  # not the test suite's server (54329): a run never stops that one


def _postgres() -> tuple[str, bool]:
    """(server URL, whether this run started the server); ("", False) when there is none."""
    if os.environ.get("BENCH_POSTGRES_URL"):
        return os.environ["BENCH_POSTGRES_URL"], False
    result = subprocess.run(
        ["bash", str(ROOT / "scripts" / "postgres.sh")],
        capture_output=True,
        text=True,
        env={**os.environ, "LANTOA_PG_PORT": BENCH_PG_PORT},
    )
    url = result.stdout.strip().splitlines()[-1] if result.returncode == 0 else ""
    return url, bool(url)


def _stop_postgres() -> None:
    subprocess.run(
        ["bash", str(ROOT / "scripts" / "postgres.sh"), "stop"],
        check=False,
        capture_output=True,
        env={**os.environ, "LANTOA_PG_PORT": BENCH_PG_PORT},
    )


def _worker(engine: str, size: int, server: str) -> dict | str:
    argv = [sys.executable, str(WORKER), engine, str(size)] + ([server] if server else [])
    result = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
    if result.returncode:
        return result.stderr.strip().splitlines()[-1] if result.stderr else "failed"
    return json.loads(result.stdout.strip().splitlines()[-1])


def _cell(figure: float | None, unit: str = "") -> str:
    return "—" if figure is None else f"{figure:.2f}" if unit == "r" else f"{figure:.1f}"


def main() -> str:
    server, started = ("", False)
    if "postgres" in ENGINES:
        server, started = _postgres()
    rows, builds, notes = [], [], []
    try:
        for size in SIZES:
            for engine in ENGINES:
                if engine == "postgres" and not server:
                    notes.append(f"- PostgreSQL not measured at {size:,}: no server.")
                    continue
                print(f"bench/search_typing.py: {engine}, {size:,} stories …", file=sys.stderr)
                m = _worker(engine, size, server if engine == "postgres" else "")
                if isinstance(m, str):
                    notes.append(f"- {engine} at {size:,} stories failed: {m}")
                    continue
                for kind, r in m["kinds"].items():
                    q, p = r["query"], r["page"]
                    rows.append(
                        f"| {size:,} | {m['engine']} | {kind} | {q['count']} | {q['p50']:.1f} "
                        f"| {q['p95']:.1f} | {p['p50']:.1f} | {p['p95']:.1f} "
                        f"| {_cell(p['recall'], 'r')} |"
                    )
                builds.append(
                    f"| {size:,} | {m['engine']} | {m['build_seconds']:.0f} "
                    f"| {size / m['build_seconds']:,.0f} | {m['index_bytes'] / 2**20:,.0f} "
                    f"| {m['syllables']:,} |"
                )
    finally:
        if started:
            _stop_postgres()
    return "\n".join(
        [
            "## Search as people type (bench/search_typing.py)",
            "",
            "The results page's own path (`search.queries.run`: the query as typed, then its "
            "Telex/VNI reading and its typo correction when it finds fewer than 3, the accented "
            "suggestion for unaccented queries), in-process, on SQLite FTS5 and PostgreSQL side "
            "by side, each engine and size in its own process on an empty database. “query”: "
            "without facet counts; “page”: with them (what the results page shows, before the "
            f"template renders it). Each query is timed {REPEAT}× after a first run that gives "
            "recall@10. Queries: a person's name and commune from the generated corpus "
            "(`bench/_corpus.py`), typed five ways; the unaccented and accented rows are the "
            "baseline, which needs no fallback. Typo: two neighbouring letters of one syllable "
            "swapped or one doubled, into a spelling the corpus does not use. Broad: one "
            'occupation ("nong dan"), found in most stories: every match is ranked. '
            f"Targets (issue 15): {TARGETS}; recall@10 ≥ 0.95 on Telex and typo.",
            "",
            "| stories | engine | typed | queries | query p50 ms | query p95 ms | page p50 ms "
            "| page p95 ms | recall@10 |",
            "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
            *rows,
            "",
            "Build: documents written through the backend's `index` (as `search_reindex` does, "
            "in batches of 1,000) with the vocabulary learned alongside; size: the documents, "
            "their tags and every text index over them, on disk.",
            "",
            "| stories | engine | build s | docs/s | index MB | vocabulary syllables |",
            "| ---: | --- | ---: | ---: | ---: | ---: |",
            *builds,
            "",
            *notes,
            "",
        ]
    )


if __name__ == "__main__":
    print(main())
