"""SQLite FTS5 backend (the embedded default), following docs/search.md's recipe.

FTS5's unicode61 tokenizer cannot fold đ and Django's sqlite3 cannot register a tokenizer, so
text is folded in Python (`vietnamese.text.fold`) into `SearchDocument.title_folded` and
`body_folded`. Two FTS5 tables index the document rows (external content: the text is stored
once, in `SearchDocument`, and triggers keep both tables in step with every insert, update and
delete; migration search/0010): `lantoa_search_fts_folded` over the folded columns, which every
query matches, and `lantoa_search_fts_exact` over the text as written, which only ranks: a
query typed with diacritics adds the exact table's bm25, weighed 10×, so "má" ranks "má" above
"mà" and "mã". Separate tables need no column filter, which FTS5 evaluates slowly.
"""

from __future__ import annotations

from vietnamese.text import fold

from .. import synonyms
from ..analysis import parse_query
from .database import TYPED_FIRST, DatabaseBackend

FOLDED_TABLE = "lantoa_search_fts_folded"
EXACT_TABLE = "lantoa_search_fts_exact"
FOLDED_SCORE = f"-bm25({FOLDED_TABLE}, 2.0, 1.0)"  # title, body: higher is better
EXACT_SCORE = f"-bm25({EXACT_TABLE}, 20.0, 10.0)"


def _quoted(words: list[str]) -> str:
    # Terms are \w+ syllables (no quotes), so a double-quoted string is always a plain phrase:
    # FTS5 operators (NEAR, AND, *, :, -) typed by the reader are only ever text.
    return '"' + " ".join(words) + '"'


def fts_expression(text: str, prefix: bool = False) -> tuple[str, str] | None:
    """(exact, folded) FTS5 expressions for a reader's query; None if nothing to search."""
    loose, phrases = parse_query(text)
    if not loose and not phrases:
        return None
    exact = [_quoted([t]) for t in loose] + [_quoted(p) for p in phrases]
    folded = [_quoted([fold(t)]) for t in loose] + [_quoted([fold(t) for t in p]) for p in phrases]
    if prefix and loose:
        exact[len(loose) - 1] += "*"
        folded[len(loose) - 1] += "*"
    return " AND ".join(exact), " AND ".join(folded)


def _alternatives(part: synonyms.Part) -> str:
    quoted = [_quoted(list(phrase)) for phrase in part]
    return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


def synonym_expression(text: str) -> str | None:
    """The folded expression with the editors' abbreviations applied ("htx" →
    `("htx" OR "hop tac xa")`); None when none applies."""
    widened = synonyms.expand(*parse_query(text))
    if not synonyms.widens(widened):
        return None
    return " AND ".join(_alternatives(part) for part in widened)


def matching_statement(text: str) -> tuple[str, list] | None:
    """SQL selecting `id, score` of the documents matching a reader's query: the folded table
    decides what matches (abbreviations widened, pages found as typed first); the exact table
    adds its score when the query has diacritics."""
    parts = fts_expression(text)
    if parts is None:
        return None
    exact, folded = parts
    wide = synonym_expression(text)
    if wide is None:
        score, params = FOLDED_SCORE, [folded]
    else:
        score = (
            f"{FOLDED_SCORE} + CASE WHEN rowid IN (SELECT rowid FROM {FOLDED_TABLE} "
            f"WHERE {FOLDED_TABLE} MATCH %s) THEN {TYPED_FIRST} ELSE 0 END"
        )
        params = [folded, wide]
    matched = (
        f"SELECT rowid AS id, {score} AS score FROM {FOLDED_TABLE} WHERE {FOLDED_TABLE} MATCH %s"
    )
    if exact == folded:  # typed without diacritics: nothing for the exact table to rank
        return matched, params
    return (
        f"SELECT f.id AS id, f.score + coalesce(e.score, 0) AS score FROM ({matched}) f "
        f"LEFT JOIN (SELECT rowid AS id, {EXACT_SCORE} AS score FROM {EXACT_TABLE} "
        f"WHERE {EXACT_TABLE} MATCH %s) e ON e.id = f.id",
        [*params, exact],
    )


class SQLiteFTSBackend(DatabaseBackend):
    """The FTS5 tables follow `SearchDocument` through triggers: indexing and deleting are the
    shared database backend's row writes, nothing more."""

    name = "sqlite-fts5"

    def matching_sql(self, text: str) -> tuple[str, list] | None:
        return matching_statement(text)


__all__ = [
    "EXACT_TABLE",
    "FOLDED_TABLE",
    "SQLiteFTSBackend",
    "matching_statement",
    "synonym_expression",
]
