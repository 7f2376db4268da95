"""The contract every search engine fulfils: one query in, one `SearchResults` out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

SORT_RELEVANCE = "relevance"
SORT_DATE = "date"
FACETS = ("kind", "column", "field", "locality", "tag")


class SearchUnavailable(Exception):
    """The engine did not answer: unreachable, timed out, misconfigured or refused the query.

    Readers get a 503 page saying so (never a 500); the original error is the `__cause__`.
    """


@dataclass
class IndexedDocument:
    """One live, public page as every engine indexes it, built by the page model's own
    `search_document()` (`search.documents`). Facets store their labels beside their values,
    so every engine shows "Kinh tế", never the code "economy"."""

    page_id: int
    kind: str
    title: str
    url: str
    kind_label: str = ""
    summary: str = ""
    body: str = ""
    date: datetime | None = None
    column_id: int | None = None
    column_title: str = ""
    exemplar_field: str = ""
    exemplar_field_label: str = ""
    locality_id: int | None = None
    locality_name: str = ""
    tags: list[tuple[str, str]] = field(default_factory=list)  # (slug, name)


@dataclass
class SearchQuery:
    text: str
    kind: str = ""
    column: int | None = None
    field: str = ""
    locality: int | None = None
    tag: str = ""
    date_from: date | None = None
    date_to: date | None = None
    sort: str = SORT_RELEVANCE
    offset: int = 0
    limit: int = 10
    with_facets: bool = True


@dataclass
class Hit:
    page_id: int
    kind: str
    title: str
    url: str
    snippet: str  # safe HTML: escaped text with <mark> around matched syllables
    date: datetime | None = None
    score: float = 0.0

    @property
    def kind_label(self) -> str:
        from ..models import DocumentKind

        return str(dict(DocumentKind.choices).get(self.kind, ""))


@dataclass
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class SearchResults:
    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)


@dataclass
class Suggestion:
    title: str
    url: str
    kind: str


class SearchBackend:
    """Subclasses implement the four operations; all take text already cleaned by
    `search.analysis.clean_query`, and never raise on odd input."""

    name = "base"

    def index(self, documents: list[IndexedDocument]) -> None:
        raise NotImplementedError

    def delete(self, page_ids: list[int]) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def search(self, query: SearchQuery) -> SearchResults:
        raise NotImplementedError

    def suggest(self, prefix: str, limit: int = 8) -> list[Suggestion]:
        raise NotImplementedError

    def update_synonyms(self) -> str:
        """Gives the engine the editors' abbreviations (`search.synonyms`) when it holds them
        itself; the database engines read them at query time. Returns what was done."""
        return "read at query time"

    def describe(self) -> str:
        """How this engine analyses text, for `manage.py search_reindex` and the logs."""
        return self.name
