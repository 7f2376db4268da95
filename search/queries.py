"""Reader-facing search as the views use it: parameters in, results page out (fat module,
thin views). Every parameter is parsed defensively: bad values are ignored, never a 500."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TypeVar

from django.core.paginator import Page, Paginator
from django.http import QueryDict
from wagtail import hooks

from core.params import whole_number
from vietnamese.dates import read_date
from vietnamese.keyboard import query_variants

from . import vocabulary
from .analysis import MAX_QUERY_CHARS, clean_query, parse_query
from .backends import get_backend
from .backends.base import (
    SORT_DATE,
    SORT_RELEVANCE,
    SearchBackend,
    SearchQuery,
    SearchResults,
    SearchUnavailable,
)
from .models import DocumentKind, HiddenSearchTerm

logger = logging.getLogger(__name__)
T = TypeVar("T")

PER_PAGE = 10
MAX_PAGE = 100  # deeper pages are not useful to readers and cost the engine
POPULAR_COUNT = 8
POPULAR_CANDIDATES = 50  # asked of the hooks, so hidden queries leave room for others
MAX_PROBES = 6  # looser queries tried for "did you mean"
FEW_RESULTS = 3  # fewer found as typed: its Telex/VNI reading and its spelling correction too
POPULAR_SEARCHES_HOOK = "register_popular_searches"


class _Window:
    """Lets Django's Paginator page through results the engine returns one page at a time."""

    def __init__(self, total: int, hits: list, offset: int):
        self.total, self.hits, self.offset = total, hits, offset

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, item):
        if isinstance(item, slice):
            return self.hits[item.start - self.offset : item.stop - self.offset]
        return self.hits[item - self.offset]


@dataclass
class ResultsPage:
    query: str
    truncated: bool
    search: SearchQuery
    results: SearchResults | None
    page: Page | None
    did_you_mean: str = ""
    popular: list[str] = field(default_factory=list)
    # The query as typed when the results are those of another reading (`query`): Telex/VNI
    # typed with the input method off, or a typo corrected.
    typed: str = ""


def _date(value: str | None) -> date | None:
    """25/11/2026 as readers type it, or 2026-11-25 as the date input sends it."""
    return read_date(value)


def search_query_from(params: QueryDict) -> tuple[SearchQuery, bool]:
    raw = params.get("q", "")
    text = clean_query(raw)
    kind = params.get("loai", "")
    sort = params.get("sap_xep", SORT_RELEVANCE)
    query = SearchQuery(
        text=text,
        kind=kind if kind in DocumentKind.values else "",
        column=whole_number(params.get("chuyen_muc"), low=1),
        field=(params.get("linh_vuc") or "")[:30],
        locality=whole_number(params.get("dia_ban"), low=1),
        tag=(params.get("tu_khoa") or "")[:120],
        date_from=_date(params.get("tu_ngay")),
        date_to=_date(params.get("den_ngay")),
        sort=sort if sort in (SORT_RELEVANCE, SORT_DATE) else SORT_RELEVANCE,
        limit=PER_PAGE,
    )
    return query, len(raw) > MAX_QUERY_CHARS


def _engine(call: Callable[[SearchBackend], T]) -> T:
    """Runs one call on the configured engine; whatever goes wrong there (connection refused,
    timeout, a bad SEARCH_URL, a database error) becomes SearchUnavailable, logged once."""
    try:
        return call(get_backend())
    except Exception as error:
        logger.exception("search engine unavailable: %s", error)
        raise SearchUnavailable(str(error)) from error


def run(params: QueryDict, *, facets: bool = True) -> ResultsPage:
    """Raises SearchUnavailable when the engine does not answer. `facets=False` skips the
    counts for callers that show none (and the benchmark timing the query alone)."""
    query, truncated = search_query_from(params)
    query.with_facets = facets
    if not query.text:
        return ResultsPage("", truncated, query, None, None, popular=popular_searches())
    number = min(whole_number(params.get("page"), low=1) or 1, MAX_PAGE)
    query.offset = (number - 1) * PER_PAGE
    results = _engine(lambda backend: backend.search(query))
    typed, better = "", ""
    if results.total < FEW_RESULTS:
        decoded, found = _better_reading(query, results.total)
        if decoded and not results.total:  # nothing as typed: the reading's results instead
            typed, query, results = query.text, replace(query, text=decoded), found
        elif decoded:  # a little as typed: those first, the reading offered
            better = decoded
    if not results.total:  # nothing found: page 1 of nothing, whatever ?page= said
        number, query.offset = 1, 0
    elif not results.hits:  # past the last page: show the last one
        number = min((results.total - 1) // PER_PAGE + 1, MAX_PAGE)
        query.offset = (number - 1) * PER_PAGE
        results = _engine(lambda backend: backend.search(query))
    page = Paginator(_Window(results.total, results.hits, query.offset), PER_PAGE).page(number)
    outcome = ResultsPage(query.text, truncated, query, results, page, typed=typed)
    if results.total and not typed:
        outcome.did_you_mean = better or vocabulary.restore(query.text)
    if not results.total:
        outcome.did_you_mean = did_you_mean(query)
        outcome.popular = popular_searches()
    return outcome


def _better_reading(query: SearchQuery, found: int) -> tuple[str, SearchResults]:
    """The first reading that finds more than the query as typed finds (`found`), with what it
    finds; ("", empty) when none does: Telex or VNI typed with the input method off
    ("ddieenj bieen" → "điện biên"), then the typos corrected over our own vocabulary
    ("dien bein" → "dien bien"). Tried only when the query as typed finds little, so exact and
    folded matches rank first and a real word that happens to spell a syllable ("ddos") is
    searched as typed. When nothing was found as typed, each probe is the results page's own
    search, so the reading that wins is not searched twice."""
    for variant in _readings(query.text):
        if found:  # only offered as a suggestion: a count is enough
            probe = replace(query, text=variant, offset=0, limit=1, with_facets=False)
        else:
            probe = replace(query, text=variant)
        results = _engine(lambda backend, probe=probe: backend.search(probe))
        if results.total > found:
            return variant, results
    return "", SearchResults(hits=[], total=0)


def _readings(text: str):
    yield from query_variants(text)
    corrected = vocabulary.correct(text)  # queries the vocabulary: only when Telex/VNI fail
    if corrected:
        yield corrected


def did_you_mean(query: SearchQuery) -> str:
    """A looser query that finds something: the phrase unquoted, or fewer syllables."""
    loose, phrases = parse_query(query.text)
    words = loose + [t for p in phrases for t in p]
    candidates = []
    if phrases:
        candidates.append(" ".join(words))
    # Contiguous runs of syllables, longest first: "xyz nong dan" → "nong dan".
    for size in range(len(words) - 1, 0, -1):
        candidates += [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]
    for candidate in candidates[:MAX_PROBES]:
        probe = SearchQuery(text=candidate, limit=1, with_facets=False)
        if _engine(lambda backend, probe=probe: backend.search(probe)).total:
            return candidate
    return ""


def popular_searches() -> list[str]:
    """What readers search most, from the app that counts searches (engagement's roll-ups,
    through the `register_popular_searches` hook): the results page stays a read, and
    cacheable. Queries with a phrase editors hid (HiddenSearchTerm) are left out."""
    hidden = HiddenSearchTerm.folded_phrases()
    found: list[str] = []
    for hook in hooks.get_hooks(POPULAR_SEARCHES_HOOK):
        for text in hook(limit=POPULAR_CANDIDATES):
            if text not in found and not HiddenSearchTerm.hides(text, hidden):
                found.append(text)
    return found[:POPULAR_COUNT]


def suggestions(prefix: str, limit: int = 8) -> list[dict]:
    """Titles and exemplar names for autocomplete and outlets' search boxes; raises
    SearchUnavailable when the engine does not answer."""
    text = clean_query(prefix)
    if not text:
        return []
    labels = dict(DocumentKind.choices)
    return [
        {"title": s.title, "url": s.url, "kind": s.kind, "kind_label": str(labels.get(s.kind, ""))}
        for s in _engine(lambda backend: backend.suggest(text, limit=limit))
    ]
