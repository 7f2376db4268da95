"""SQLite FTS5 backend (the embedded default), following docs/search.md's recipe.

FTS5's unicode61 tokenizer cannot fold đ and Django's sqlite3 cannot register a tokenizer, so
text is folded in Python (`vietnamese.text.fold`) and indexed twice: as written (`title`,
`body`) and folded (`title_folded`, `body_folded`), all with `remove_diacritics 0`. A query
matches `{title body}: exact terms OR {title_folded body_folded}: folded terms`, and bm25
weighs the exact columns 10× so "má" ranks "má" above "mà" and "mã".
"""

from __future__ import annotations

from django.db import connection

from vietnamese.text import fold

from .. import synonyms
from ..analysis import parse_query
from ..models import SearchDocument
from .database import TYPED_FIRST, DatabaseBackend

FTS_TABLE = "lantoa_search_fts"
CREATE_FTS = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "title, body, title_folded, body_folded, "
    "tokenize = 'unicode61 remove_diacritics 0')"
)
BM25 = f"bm25({FTS_TABLE}, 20.0, 10.0, 2.0, 1.0)"


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


def match_expression(text: str, prefix: bool = False) -> str | None:
    parts = fts_expression(text, prefix)
    if parts is None:
        return None
    exact, folded = parts
    if exact == folded:  # typed without diacritics: one pass over all columns, not two
        return folded
    return f"{{title body}} : ({exact}) OR {{title_folded body_folded}} : ({folded})"


def _alternatives(part: synonyms.Part) -> str:
    quoted = [_quoted(list(phrase)) for phrase in part]
    return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


def synonym_expression(text: str) -> str | None:
    """`match_expression` with the editors' abbreviations applied to the folded columns
    ("htx" → `("htx" OR "hop tac xa")`); None when none applies."""
    parts = fts_expression(text)
    if parts is None:
        return None
    exact, folded = parts
    widened = synonyms.expand(*parse_query(text))
    if not synonyms.widens(widened):
        return None
    wide = " AND ".join(_alternatives(part) for part in widened)
    if exact == folded:
        return wide
    return f"{{title body}} : ({exact}) OR {{title_folded body_folded}} : ({wide})"


class SQLiteFTSBackend(DatabaseBackend):
    name = "sqlite-fts5"

    def _index_text(self, rows: list[SearchDocument]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, title, body, title_folded, body_folded) "
                "VALUES (%s, %s, %s, %s, %s)",
                [(r.pk, r.title, r.body, r.title_folded, r.body_folded) for r in rows],
            )

    def _unindex_text(self, row_ids: list[int]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(pk,) for pk in row_ids]
            )

    def clear(self) -> None:
        super().clear()
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")

    def matching_sql(self, text: str) -> tuple[str, list] | None:
        expression = match_expression(text)
        if expression is None:
            return None
        widened = synonym_expression(text)
        if widened is None:
            # bm25 is lower-is-better; the contract's score is higher-is-better.
            return (
                f"SELECT rowid AS id, -{BM25} AS score FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
                [expression],
            )
        # Pages found as typed outrank those found only through an abbreviation.
        return (
            f"SELECT rowid AS id, -{BM25} + CASE WHEN rowid IN (SELECT rowid FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH %s) THEN {TYPED_FIRST} ELSE 0 END AS score "
            f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
            [expression, widened],
        )
