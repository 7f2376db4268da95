"""The admin's searches on SQLite FTS5, quick on lists of thousands of rows.

modelsearch joins the FTS table to its index entries, and SQLite chose to start from the
model's entries and run the full-text query once per entry (0.4 s for "dong thap" among 5,000
localities); ranking then ran it again per result (7 s for "xa", which all of them match).
Here the full-text query runs once, driving the join: the list is filtered with the entries it
matched, ranked in Python by their bm25 scores from the same pass, and only the page shown is
fetched, in that order. Imported once the app registry is ready (core.admin_search).
"""

from __future__ import annotations

from django.db.models import Case, ExpressionWrapper, F, IntegerField, QuerySet, Value, When
from django.utils.encoding import force_str
from modelsearch.backends.database.sqlite.query import BM25, MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks


class AutocompleteQueryCompiler(SQLiteAutocompleteQueryCompiler):
    """The admin's search (Wagtail's listings and choosers all autocomplete)."""

    def search(self, config, start, stop, score_field=None):
        query = normalize(self.query)
        if isinstance(query, MatchAll | Not) or score_field is not None:
            return super().search(config, start, stop, score_field)
        found, entries = self._found(query, config)
        if not self.order_by_relevance:
            return (found if found.query.order_by else found.order_by("-pk"))[start:stop]
        shown = _ranked(found, entries)[start:stop]
        if not shown:
            return self.queryset.none()
        position = Case(
            *(When(pk=pk, then=Value(n)) for n, pk in enumerate(shown)),
            output_field=IntegerField(),
        )
        return self.queryset.filter(pk__in=shown).order_by(position)

    def count(self, config) -> int | None:
        """How many rows match, without ranking them; None where `search()` defers."""
        query = normalize(self.query)
        if isinstance(query, MatchAll | Not):
            return None
        return self._found(query, config)[0].count()

    def _found(self, query, config) -> tuple[QuerySet, QuerySet]:
        """The rows of the queryset that match, and the index entries that matched."""
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        entries = self._matching_entries(match)
        return self.queryset.filter(pk__in=entries.values("index_entry__object_id")), entries

    def _matching_entries(self, match) -> QuerySet:
        """The FTS rows the query matches, of this model (or a descendant). `content_type_id
        + 0` keeps SQLite from using the content type's index, hence from looping over the
        model's entries rather than over the matches."""
        content_type = ExpressionWrapper(
            F("index_entry__content_type_id") + 0, output_field=IntegerField()
        )
        return (
            SQLiteFTSIndexEntry.objects.filter(match)
            .annotate(entry_content_type=content_type)
            .filter(entry_content_type__in=get_descendants_content_types_pks(self.queryset.model))
        )


def _ranked(found: QuerySet, entries: QuerySet) -> list:
    """The primary keys of `found`, best bm25 first (FTS5's scores are negative, lower is
    better), then newest first, as modelsearch orders them."""
    scores: dict[str, float] = {}
    for object_id, score in entries.annotate(score=BM25()).values_list(
        "index_entry__object_id", "score"
    ):
        scores[object_id] = min(score, scores.get(object_id, score))
    keys = sorted(found.order_by().values_list("pk", flat=True), reverse=True)
    return sorted(keys, key=lambda pk: scores[force_str(pk)])


class SearchResults(SQLiteSearchResults):
    """Counted without ranking: the paginator asks for the count before the page."""

    def _do_count(self):
        count = getattr(self.query_compiler, "count", None)
        found = count(self.query_compiler.get_config(self.backend)) if count else None
        return super()._do_count() if found is None else found
