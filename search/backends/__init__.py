"""The search engine is a setting: SEARCH_URL picks one backend for the whole site.

sqlite-fts5://                     SQLite FTS5 in the site's database (default)
postgres://                        PostgreSQL full text in the site's (PostgreSQL) database
elasticsearch://host:9200/index    Elasticsearch 8; `index` is the alias readers query
                                   (elasticsearch+https://… for TLS)

`parse_search_url` is the one reading of the setting: the backend factory and the system check
(`search/checks.py`, run by `manage.py check` and at start-up) both use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .base import SearchBackend

SQLITE_FTS5 = "sqlite-fts5"
POSTGRES = "postgres"
ELASTICSEARCH = "elasticsearch"
ACCEPTED_FORMS = (
    "sqlite-fts5:// (on SQLite), postgres:// (on PostgreSQL), "
    "elasticsearch://host:9200/alias or elasticsearch+https://host:9200/alias"
)
_SCHEMES = {
    "sqlite-fts5": SQLITE_FTS5,
    "sqlite": SQLITE_FTS5,
    "postgres": POSTGRES,
    "postgresql": POSTGRES,
    "elasticsearch": ELASTICSEARCH,
    "elasticsearch+https": ELASTICSEARCH,
    "es": ELASTICSEARCH,
}
# Elasticsearch index and alias names: lower case, no path separators or wildcards.
_ALIAS = re.compile(r"[a-z0-9][a-z0-9._-]{0,200}")


class InvalidSearchURL(ImproperlyConfigured):
    """SEARCH_URL cannot be read; `code` is the system check's id suffix."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message, self.code = message, code


@dataclass(frozen=True)
class SearchEngine:
    """What SEARCH_URL names: the engine and, for Elasticsearch, where and which alias."""

    engine: str
    hosts: tuple[str, ...] = ()
    alias: str = ""


def parse_search_url(url: str | None) -> SearchEngine:
    """The engine SEARCH_URL names; raises InvalidSearchURL saying what is wrong."""
    if not url:
        return SearchEngine(SQLITE_FTS5)
    if "://" not in url:
        raise InvalidSearchURL(
            f"SEARCH_URL {url!r} is not a URL (no '://'). Accepted: {ACCEPTED_FORMS}.", "E002"
        )
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        engine = _SCHEMES.get(scheme)
        if engine is None:
            raise InvalidSearchURL(
                f"SEARCH_URL {url!r} names an unknown search engine {scheme!r}. "
                f"Accepted: {ACCEPTED_FORMS}.",
                "E001",
            )
        if engine != ELASTICSEARCH:
            return SearchEngine(engine)
        hostname, port = parts.hostname, parts.port or 9200  # .port raises on "host:abc"
    except ValueError as error:
        raise InvalidSearchURL(
            f"SEARCH_URL {url!r} is not a valid URL ({error}). Accepted: {ACCEPTED_FORMS}.",
            "E002",
        ) from error
    if not hostname:
        raise InvalidSearchURL(
            f"SEARCH_URL {url!r} names Elasticsearch without a host. "
            "Write elasticsearch://host:9200/alias.",
            "E003",
        )
    alias = parts.path.strip("/") or "lantoa"
    if not _ALIAS.fullmatch(alias):
        raise InvalidSearchURL(
            f"SEARCH_URL {url!r}: {alias!r} is not a valid Elasticsearch alias (lower-case "
            "letters, digits, '.', '_', '-'; one path segment). "
            "Write elasticsearch://host:9200/alias.",
            "E002",
        )
    http = "https" if scheme.endswith("https") else "http"
    host = f"[{hostname}]" if ":" in hostname else hostname
    return SearchEngine(ELASTICSEARCH, hosts=(f"{http}://{host}:{port}",), alias=alias)


def backend_for_url(url: str) -> SearchBackend:
    engine = parse_search_url(url)
    if engine.engine == SQLITE_FTS5:
        from .sqlite import SQLiteFTSBackend

        return SQLiteFTSBackend()
    if engine.engine == POSTGRES:
        from .postgres import PostgresBackend

        return PostgresBackend()
    from .elastic import ElasticsearchBackend

    return ElasticsearchBackend(hosts=list(engine.hosts), alias=engine.alias)


@cache
def get_backend() -> SearchBackend:
    return backend_for_url(getattr(settings, "SEARCH_URL", "sqlite-fts5://"))
