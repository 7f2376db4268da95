"""Hostile input straight at the backends (the views add nothing that makes it safe)."""

import pytest

from search.analysis import clean_query
from search.backends.base import SearchQuery
from search.backends.sqlite import matching_statement

from .test_views import HOSTILE

RAW_ONLY = ["\ud800", "a\udfffb", "bưởi\ud83d", "\x00bưởi\x7f", "\u0301\u0301", "đ" * 5000]


@pytest.mark.parametrize("text", HOSTILE + RAW_ONLY)
def test_sqlite_backend_survives_hostile_queries(sqlite_only, backend, indexed, text):
    indexed(("Bưởi da xanh", "AND OR NOT NEAR title body"))
    cleaned = clean_query(text)
    results = backend.search(SearchQuery(text=cleaned))
    assert results.total == len(results.hits) <= 1
    assert isinstance(backend.suggest(cleaned), list)


@pytest.mark.parametrize("text", HOSTILE + RAW_ONLY)
def test_any_backend_survives_hostile_queries(backend, indexed, text):
    indexed(("Bưởi da xanh", "AND OR NOT NEAR title body"))
    results = backend.search(SearchQuery(text=clean_query(text)))
    assert results.total >= 0


def test_operators_typed_by_readers_are_words_not_syntax(sqlite_only, backend, indexed):
    indexed(("Bưởi da xanh", "AND OR NOT NEAR"), ("Cam sành", "cam"))
    # Unquoted FTS5 would read "NOT cam" as an operator; we search the word "not" too.
    assert [h.title for h in backend.search(SearchQuery(text="bưởi NOT")).hits] == ["Bưởi da xanh"]
    # Column filters typed by readers ("title:x") are words too: (folded, exact) expressions.
    assert matching_statement("title:x")[1] == ['"title" AND "x"']
    assert matching_statement("má:x")[1] == ['"ma" AND "x"', '"má" AND "x"']


@pytest.mark.parametrize("text", ["\ud800", "\x00", "a\x1fb", "x" * 3000])
def test_clean_query_removes_what_engines_refuse(text):
    cleaned = clean_query(text)
    assert len(cleaned) <= 200
    assert not any(0xD800 <= ord(c) <= 0xDFFF or ord(c) < 0x20 for c in cleaned)
    cleaned.encode("utf-8")  # would raise on a lone surrogate


# Long: started first so the workers end together (tests/conftest.py).
pytestmark = pytest.mark.slow
