"""The search engine is a setting: SEARCH_URL picks one backend for the whole site.

sqlite-fts5://                     SQLite FTS5 in the site's database (default)
postgres://                        PostgreSQL full text in the site's (PostgreSQL) database
elasticsearch://host:9200/index    Elasticsearch 8; `index` is the alias readers query
"""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .base import SearchBackend


def backend_for_url(url: str) -> SearchBackend:
    parts = urlsplit(url or "sqlite-fts5://")
    scheme = parts.scheme.lower()
    if scheme in ("sqlite-fts5", "sqlite", ""):
        from .sqlite import SQLiteFTSBackend

        return SQLiteFTSBackend()
    if scheme in ("postgres", "postgresql"):
        from .postgres import PostgresBackend

        return PostgresBackend()
    if scheme in ("elasticsearch", "elasticsearch+https", "es"):
        from .elastic import ElasticsearchBackend

        http = "https" if scheme.endswith("https") else "http"
        host = f"{http}://{parts.hostname or 'localhost'}:{parts.port or 9200}"
        index = parts.path.strip("/") or "lantoa"
        return ElasticsearchBackend(hosts=[host], alias=index)
    raise ImproperlyConfigured(f"SEARCH_URL: unknown search engine {scheme!r}")


@cache
def get_backend() -> SearchBackend:
    return backend_for_url(getattr(settings, "SEARCH_URL", "sqlite-fts5://"))
