import pytest
from django.core.cache import cache
from django.db import connection

from search.backends import get_backend
from search.backends.base import IndexedDocument


@pytest.fixture(autouse=True)
def fresh_cache():
    """Cached site-wide flags (view restrictions, menus) must not outlive a rolled-back test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def backend(db):
    return get_backend()


@pytest.fixture
def sqlite_only(db):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite FTS5 backend: the database is not SQLite")


@pytest.fixture
def postgres_only(db):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL backend: run with DATABASE_URL=$(bash scripts/postgres.sh)")


@pytest.fixture
def indexed(backend):
    """Index plain documents straight into the configured backend (no pages needed)."""

    def _index(*docs: tuple[str, str] | IndexedDocument, kind: str = "story"):
        made = []
        for number, doc in enumerate(docs, start=1000 + len(made)):
            if not isinstance(doc, IndexedDocument):
                title, body = doc
                doc = IndexedDocument(
                    page_id=number, kind=kind, title=title, url=f"/p/{number}/", body=body
                )
            made.append(doc)
        backend.index(made)
        return made

    return _index
