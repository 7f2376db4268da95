"""Shared part of the SQLite and PostgreSQL backends: documents live in `SearchDocument`,
facets are counted with SQL over the matching rows; only full-text matching differs."""

from __future__ import annotations

from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from vietnamese.text import fold

from .. import synonyms
from ..analysis import highlight, parse_query, terms
from ..models import DocumentKind, SearchDocument, SearchDocumentTag, SearchSynonym
from .base import (
    SORT_DATE,
    FacetValue,
    Hit,
    IndexedDocument,
    SearchBackend,
    SearchQuery,
    SearchResults,
    Suggestion,
)

BODY_CHARS = 50_000
# Added to the score of a page that matches the query as typed when an editor's abbreviation
# widened it: far above any text-rank score, so those pages come first.
TYPED_FIRST = 1_000_000


class DatabaseBackend(SearchBackend):
    def index(self, documents: list[IndexedDocument]) -> None:
        """Replaces the documents' rows in bulk (a reindex writes thousands per second)."""
        if not documents:
            return
        latest = {doc.page_id: doc for doc in documents}
        with transaction.atomic():
            self.delete(list(latest))
            rows = SearchDocument.objects.bulk_create(
                SearchDocument(page_id=doc.page_id, **self._row(doc)) for doc in latest.values()
            )
            SearchDocumentTag.objects.bulk_create(
                SearchDocumentTag(document=row, slug=slug, name=name)
                for row in rows
                for slug, name in latest[row.page_id].tags
            )

    @staticmethod
    def _row(doc: IndexedDocument) -> dict:
        body = "\n".join(part for part in (doc.summary, doc.body) if part)[:BODY_CHARS]
        return {
            "kind": doc.kind,
            "kind_label": doc.kind_label[:100],
            "title": doc.title[:255],
            "url": doc.url,
            "summary": doc.summary,
            "body": body,
            "title_folded": fold(doc.title)[:255],
            "body_folded": fold(body),
            "date": doc.date,
            "column_id": doc.column_id,
            "column_title": doc.column_title,
            "exemplar_field": doc.exemplar_field,
            "exemplar_field_label": doc.exemplar_field_label[:100],
            "locality_id": doc.locality_id,
            "locality_name": doc.locality_name,
        }

    def describe(self) -> str:
        message = _("%(engine)s: folding in Python; %(count)s abbreviations applied when searching")
        return message % {"engine": self.name, "count": SearchSynonym.objects.count()}

    def delete(self, page_ids: list[int]) -> None:
        with transaction.atomic():
            rows = list(
                SearchDocument.objects.filter(page_id__in=page_ids).values_list("pk", flat=True)
            )
            if rows:  # the text indexes follow (SQLite triggers, PostgreSQL generated columns)
                SearchDocumentTag.objects.filter(document_id__in=rows).delete()
                SearchDocument.objects.filter(pk__in=rows).delete()

    def clear(self) -> None:
        with transaction.atomic():
            SearchDocumentTag.objects.all().delete()
            SearchDocument.objects.all().delete()

    # --- querying -------------------------------------------------------------------------

    def matching_sql(self, text: str) -> tuple[str, list] | None:
        """SQL selecting `id, score` (higher is better) of rows whose text matches; None when
        the query has no searchable syllable."""
        raise NotImplementedError

    def search(self, query: SearchQuery) -> SearchResults:
        matched = self.matching_sql(query.text)
        if matched is None:
            return SearchResults(hits=[], total=0)
        match_sql, match_params = matched
        table = SearchDocument._meta.db_table
        filtered = self._filter(SearchDocument.objects.all(), query)
        where, params = "", list(match_params)
        if filtered.query.where:
            filter_sql, filter_params = filtered.values("pk").query.sql_with_params()
            where = f" WHERE m.id IN ({filter_sql})"
            params += list(filter_params)
        order = "d.date DESC, d.id DESC" if query.sort == SORT_DATE else "m.score DESC, d.id DESC"
        with connection.cursor() as cursor:
            # One text match per request: the total rides along as a window count.
            cursor.execute(
                f"SELECT m.id, m.score, count(*) OVER () FROM ({match_sql}) m "
                f"JOIN {table} d ON d.id = m.id{where} ORDER BY {order} LIMIT %s OFFSET %s",
                [*params, query.limit, query.offset],
            )
            rows = cursor.fetchall()
            if rows:
                total = rows[0][2]
            elif not query.offset:
                total = 0  # nothing on the first page: nothing at all, no second count
            else:
                cursor.execute(f"SELECT count(*) FROM ({match_sql}) m{where}", params)
                total = cursor.fetchone()[0]
        by_pk = SearchDocument.objects.in_bulk([pk for pk, _score, _total in rows])
        found = [(by_pk[pk], score) for pk, score, _total in rows if pk in by_pk]
        excerpts = self.snippets([row for row, _score in found], query.text)
        hits = [
            Hit(
                page_id=row.page_id,
                kind=row.kind,
                title=row.title,
                url=row.url,
                snippet=excerpt,
                date=row.date,
                score=float(score),
            )
            for (row, score), excerpt in zip(found, excerpts, strict=True)
        ]
        facets = {}
        if query.with_facets and total:
            facets = self._facets(match_sql, match_params, query)
        return SearchResults(hits=hits, total=total, facets=facets)

    def snippets(self, rows: list[SearchDocument], text: str) -> list[str]:
        """The excerpts of a page of hits, the query's syllables marked, and those of any
        abbreviation's equivalents ("htx" marks "Hợp tác xã"): expanded once per page."""
        also = synonyms.added_syllables(synonyms.expand(*parse_query(text)))
        return [
            highlight(row.body, text, folded=row.body_folded, also=also)
            if row.body
            else highlight(row.title, text, folded=row.title_folded, also=also)
            for row in rows
        ]

    @staticmethod
    def _filter(rows: QuerySet, query: SearchQuery, skip: str = "") -> QuerySet:
        conditions = Q()
        if query.kind and skip != "kind":
            conditions &= Q(kind=query.kind)
        if query.column and skip != "column":
            conditions &= Q(column_id=query.column)
        if query.field and skip != "field":
            conditions &= Q(exemplar_field=query.field)
        if query.locality and skip != "locality":
            conditions &= Q(locality_id=query.locality)
        if query.tag and skip != "tag":
            conditions &= Q(tags__slug=query.tag)
        if query.date_from:
            conditions &= Q(date__date__gte=query.date_from)
        if query.date_to:
            conditions &= Q(date__date__lte=query.date_to)
        return rows.filter(conditions)

    # facet → (table alias, value column, label column) counted for it
    FACET_COLUMNS = {
        "kind": ("d", "kind", "kind_label"),
        "column": ("d", "column_id", "column_title"),
        "field": ("d", "exemplar_field", "exemplar_field_label"),
        "locality": ("d", "locality_id", "locality_name"),
        "tag": ("t", "slug", "name"),
    }
    FACET_VALUES = 20

    def _facets(
        self, match_sql: str, match_params: list, query: SearchQuery
    ) -> dict[str, list[FacetValue]]:
        """Counts per facet value, each facet counted with the other filters applied; labels
        are the ones the documents carry (`IndexedDocument`), as on every engine. One
        statement: the text is matched once (the CTE) for all five facets."""
        documents = SearchDocument._meta.db_table
        tags = SearchDocumentTag._meta.db_table
        parts, params = [], list(match_params)
        for name, (alias, value, label) in self.FACET_COLUMNS.items():
            joined = (
                f"JOIN {tags} t ON t.document_id = m.id"
                if alias == "t"
                else f"JOIN {documents} d ON d.id = m.id"
            )
            conditions = [f"{alias}.{value} IS NOT NULL"]
            if name == "field":
                conditions.append("d.exemplar_field <> ''")
            params.append(name)
            filtered = self._filter(SearchDocument.objects.all(), query, skip=name)
            if filtered.query.where:
                filter_sql, filter_params = filtered.values("pk").query.sql_with_params()
                conditions.append(f"m.id IN ({filter_sql})")
                params += list(filter_params)
            parts.append(
                # Values as text: one UNION column holds codes and ids alike.
                f"SELECT * FROM (SELECT CAST(%s AS TEXT) AS facet, "
                f"CAST({alias}.{value} AS TEXT) AS value, "
                f"{alias}.{label} AS label, count(DISTINCT m.id) AS n FROM m {joined} "
                f"WHERE {' AND '.join(conditions)} GROUP BY {alias}.{value}, {alias}.{label} "
                f"ORDER BY n DESC, value LIMIT {self.FACET_VALUES}) f_{name}"
            )
        facets: dict[str, list[FacetValue]] = {name: [] for name in self.FACET_COLUMNS}
        with connection.cursor() as cursor:
            cursor.execute(
                f"WITH m AS MATERIALIZED (SELECT id FROM ({match_sql}) matched) "
                + " UNION ALL ".join(parts),
                params,
            )
            for name, value, label, count in cursor.fetchall():
                facets[name].append(
                    FacetValue(value=str(value), label=label or str(value), count=count)
                )
        return facets

    def suggest(self, prefix: str, limit: int = 8) -> list[Suggestion]:
        """Titles (stories, exemplars, …) whose folded title has a syllable starting with the
        folded prefix; exemplars first because readers look people up by name."""
        words = [fold(t) for t in terms(prefix)]
        if not words:
            return []
        condition = Q()
        for word in words:
            condition &= Q(title_folded__startswith=word) | Q(title_folded__contains=f" {word}")
        rows = (
            SearchDocument.objects.filter(condition)
            .exclude(kind=DocumentKind.COLUMN)
            .order_by("title_folded")[: limit * 4]
        )
        order = {DocumentKind.EXEMPLAR: 0, DocumentKind.STORY: 1}
        ranked = sorted(
            rows, key=lambda r: (order.get(r.kind, 2), not r.title_folded.startswith(words[0]))
        )
        return [Suggestion(title=r.title, url=r.url, kind=r.kind) for r in ranked[:limit]]


def vendor() -> str:
    return connection.vendor


__all__ = ["DatabaseBackend", "parse_query", "vendor"]
