"""PostgreSQL full-text backend: tsvector over Python-folded text, ts_rank, ts_headline.

The migration adds two generated columns to `SearchDocument`: `folded_vector` (matching) and
`exact_vector` (a ranking bonus when the reader typed diacritics), and the `vi_unaccent` text
search configuration that lets ts_headline mark accented words for a folded query. An
editor's abbreviation (`search.synonyms`) widens the folded tsquery ("htx" →
`('htx' | ('hop' <-> 'tac' <-> 'xa'))`); the pages that match as typed rank first.
"""

from __future__ import annotations

from django.db import connection

from vietnamese.text import fold

from .. import synonyms
from ..analysis import parse_query
from ..models import SearchDocument
from .database import TYPED_FIRST, DatabaseBackend

TABLE = SearchDocument._meta.db_table


def _lexeme(word: str) -> str:
    # Terms are \w+ syllables: no quote, colon, & | ! ( ) that tsquery syntax would read.
    return "'" + word.replace("'", "") + "'"


def tsqueries(text: str) -> tuple[str, str] | None:
    """(folded, exact) tsquery strings: every loose term AND every phrase (<->) must match."""
    loose, phrases = parse_query(text)
    if not loose and not phrases:
        return None

    def build(transform) -> tuple[str, str]:
        parts = [_lexeme(transform(t)) for t in loose]
        parts += ["(" + " <-> ".join(_lexeme(transform(t)) for t in p) + ")" for p in phrases]
        exact_any = [_lexeme(transform(t)) for t in loose] + [
            _lexeme(transform(t)) for p in phrases for t in p
        ]
        return " & ".join(parts), " | ".join(exact_any)

    folded_all, _ = build(fold)
    _, exact_any = build(str.lower)
    return folded_all, exact_any


def _phrase(words: synonyms.Phrase) -> str:
    if len(words) == 1:
        return _lexeme(words[0])
    return "(" + " <-> ".join(_lexeme(word) for word in words) + ")"


def synonym_tsquery(text: str) -> str | None:
    """The folded tsquery with the editors' abbreviations applied; None when none applies."""
    widened = synonyms.expand(*parse_query(text))
    if not synonyms.widens(widened):
        return None
    parts = [
        _phrase(part[0]) if len(part) == 1 else "(" + " | ".join(map(_phrase, part)) + ")"
        for part in widened
    ]
    return " & ".join(parts)


class PostgresBackend(DatabaseBackend):
    name = "postgres"

    def matching_sql(self, text: str) -> tuple[str, list] | None:
        queries = tsqueries(text)
        if queries is None:
            return None
        folded, exact = queries
        widened = synonym_tsquery(text)
        if widened is None:
            return (
                f"SELECT id, ts_rank(folded_vector, to_tsquery('simple', %s)) "
                f"+ 10 * ts_rank(exact_vector, to_tsquery('simple', %s)) AS score "
                f"FROM {TABLE} WHERE folded_vector @@ to_tsquery('simple', %s)",
                [folded, exact, folded],
            )
        # Pages found as typed outrank those found only through an abbreviation.
        return (
            f"SELECT id, ts_rank(folded_vector, to_tsquery('simple', %s)) "
            f"+ 10 * ts_rank(exact_vector, to_tsquery('simple', %s)) "
            f"+ CASE WHEN folded_vector @@ to_tsquery('simple', %s) THEN {TYPED_FIRST} ELSE 0 END "
            f"AS score FROM {TABLE} WHERE folded_vector @@ to_tsquery('simple', %s)",
            [widened, exact, folded, widened],
        )

    def snippets(self, rows: list[SearchDocument], text: str) -> list[str]:
        """ts_headline through vi_unaccent marks "Điển" for the query "dien", for the whole
        page of hits in one statement; the text is escaped first so the only markup in the
        result is our <mark>."""
        from django.utils.html import escape

        queries = tsqueries(text)
        if queries is None or connection.vendor != "postgresql" or not rows:
            return super().snippets(rows, text)
        folded = synonym_tsquery(text) or queries[0]
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT ts_headline('vi_unaccent', t.text, to_tsquery('simple', %s), "
                "'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15, "
                "HighlightAll=false') FROM unnest(%s::text[]) WITH ORDINALITY AS t(text, n) "
                "ORDER BY t.n",
                [folded, [escape(row.body or row.title) for row in rows]],
            )
            return [excerpt for (excerpt,) in cursor.fetchall()]


__all__ = ["PostgresBackend", "tsqueries"]
