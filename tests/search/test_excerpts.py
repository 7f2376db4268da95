"""Excerpts of a results page: made for the whole page at once, on every engine."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.backends.base import SearchQuery


def test_a_page_of_hits_is_excerpted_in_one_statement(backend, indexed):
    """PostgreSQL's ts_headline used to run once per hit (ten round trips a page)."""
    indexed(*[(f"Vườn ươm số {n}", f"Hợp tác xã vườn ươm thứ {n}.") for n in range(10)])
    with CaptureQueriesContext(connection) as queries:
        hits = backend.search(SearchQuery(text="vuon uom", with_facets=False)).hits
    assert len(hits) == 10
    assert all("<mark>" in hit.snippet for hit in hits)
    headlines = [q for q in queries.captured_queries if "ts_headline" in q["sql"]]
    assert len(headlines) == (1 if connection.vendor == "postgresql" else 0)
