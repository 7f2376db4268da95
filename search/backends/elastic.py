"""Elasticsearch 8 backend through `elasticsearch.dsl` (the DSL now shipped in the client).

Syllables are tokens (standard tokenizer). Each text field is indexed as written (lower-cased,
diacritics kept) with a `.folded` sub-field (lowercase + asciifolding, which folds đ and every
stacked vowel). Queries must match the folded sub-fields; the exact fields only add score, so
"má" ranks "má" first. Readers query an alias; `rebuild` fills a new index and swaps the alias
in one atomic call (zero downtime), then drops the old index.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from elasticsearch import Elasticsearch, helpers
from elasticsearch.dsl import (
    A,
    Completion,
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    Q,
    Search,
    Text,
    analyzer,
)
from tqdm import tqdm

from vietnamese.text import fold

from ..analysis import parse_query, terms
from .base import (
    FACETS,
    SORT_DATE,
    FacetValue,
    Hit,
    IndexedDocument,
    SearchBackend,
    SearchQuery,
    SearchResults,
    Suggestion,
)

VI_FOLDING = analyzer("vi_folding", tokenizer="standard", filter=["lowercase", "asciifolding"])
VI_EXACT = analyzer("vi_exact", tokenizer="standard", filter=["lowercase"])
EXACT_BOOST = 10
FACET_FIELDS = {
    "kind": "kind",
    "column": "column_id",
    "field": "exemplar_field",
    "locality": "locality_id",
    "tag": "tags",
}
# Each facet's label field, written from the document (`IndexedDocument`): readers see
# "Gương điển hình" and "Kinh tế", never the codes "exemplar" and "economy".
LABEL_FIELDS = {
    "kind": "kind_label",
    "column": "column_title",
    "field": "exemplar_field_label",
    "locality": "locality_name",
    "tag": "tag_names",
}


def _text_field() -> Text:
    # search_analyzer is set explicitly so a query is always folded like the index.
    return Text(
        analyzer=VI_EXACT,
        fields={"folded": Text(analyzer=VI_FOLDING, search_analyzer=VI_FOLDING)},
    )


class SearchDoc(Document):
    page_id = Integer()
    kind = Keyword()
    kind_label = Keyword()
    title = _text_field()
    summary = _text_field()
    body = _text_field()
    url = Keyword(index=False)
    date = Date()
    column_id = Integer()
    column_title = Keyword()
    exemplar_field = Keyword()
    exemplar_field_label = Keyword()
    locality_id = Integer()
    locality_name = Keyword()
    tags = Keyword()
    tag_names = Keyword()
    suggest = Completion(analyzer=VI_FOLDING, search_analyzer=VI_FOLDING, max_input_length=100)


def index_definition(name: str) -> Index:
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.document(SearchDoc)
    return index


def suggest_inputs(title: str) -> list[str]:
    """The title and its tails from each syllable, so "thu hà" completes "Đàm Thị Thu Hà"."""
    words = title.split()
    return [" ".join(words[i:]) for i in range(min(len(words), 6))]


def to_source(doc: IndexedDocument) -> dict:
    return {
        "page_id": doc.page_id,
        "kind": doc.kind,
        "kind_label": doc.kind_label,
        "title": doc.title,
        "summary": doc.summary,
        "body": doc.body,
        "url": doc.url,
        "date": doc.date.isoformat() if doc.date else None,
        "column_id": doc.column_id,
        "column_title": doc.column_title,
        "exemplar_field": doc.exemplar_field,
        "exemplar_field_label": doc.exemplar_field_label,
        "locality_id": doc.locality_id,
        "locality_name": doc.locality_name,
        "tags": [slug for slug, _ in doc.tags],
        "tag_names": [name for _, name in doc.tags],
        "suggest": {"input": suggest_inputs(doc.title)},
    }


def _filters(query: SearchQuery, skip: str = "") -> list[Q]:
    values = {
        "kind": query.kind,
        "column": query.column,
        "field": query.field,
        "locality": query.locality,
        "tag": query.tag,
    }
    clauses = [
        Q("term", **{FACET_FIELDS[name]: value})
        for name, value in values.items()
        if value and name != skip
    ]
    if query.date_from or query.date_to:
        bounds = {}
        if query.date_from:
            bounds["gte"] = query.date_from.isoformat()
        if query.date_to:
            bounds["lte"] = query.date_to.isoformat()
        clauses.append(Q("range", date=bounds))
    return clauses


def text_query(text: str) -> Q | None:
    """Folded sub-fields must match (every syllable; phrases in order); exact fields boost."""
    loose, phrases = parse_query(text)
    if not loose and not phrases:
        return None
    folded_fields = ["title.folded^3", "summary.folded^2", "body.folded"]
    exact_fields = [f"title^{3 * EXACT_BOOST}", f"summary^{2 * EXACT_BOOST}", f"body^{EXACT_BOOST}"]
    must = []
    if loose:
        must.append(
            Q(
                "multi_match",
                query=" ".join(loose),
                fields=folded_fields,
                type="cross_fields",
                operator="and",
            )
        )
    for phrase in phrases:
        must.append(Q("multi_match", query=" ".join(phrase), fields=folded_fields, type="phrase"))
    exact_words = loose + [t for p in phrases for t in p]
    should = [Q("multi_match", query=" ".join(exact_words), fields=exact_fields, operator="or")]
    return Q("bool", must=must, should=should)


def build_search(query: SearchQuery, index: str = "lantoa") -> Search | None:
    """The whole request: text query, post_filter, facet aggregations (each facet counted with
    the other filters), highlighting, sort and the page window."""
    matched = text_query(query.text)
    if matched is None:
        return None
    search = Search(index=index).query(matched)
    filters = _filters(query)
    if filters:
        search = search.post_filter("bool", filter=filters)
    if query.with_facets:
        for name, field in FACET_FIELDS.items():
            bucket = A("filter", Q("bool", filter=_filters(query, skip=name)))
            bucket.bucket("values", "terms", field=field, size=20)
            if name in LABEL_FIELDS:
                bucket["values"].bucket("label", "terms", field=LABEL_FIELDS[name], size=1)
            search.aggs.bucket(name, bucket)
    search = search.highlight_options(
        encoder="html",
        pre_tags=["<mark>"],
        post_tags=["</mark>"],
        number_of_fragments=1,
        fragment_size=200,
        no_match_size=200,
    ).highlight("body.folded")  # the sub-field marks the original (accented) text
    if query.sort == SORT_DATE:
        search = search.sort("-date", "-page_id")
    search = search.source(["page_id", "kind", "title", "url", "date", "summary"])
    return search[query.offset : query.offset + query.limit]


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"

    def __init__(
        self, hosts: list[str], alias: str = "lantoa", client: Elasticsearch | None = None
    ):
        self.alias = alias
        self.client = client or Elasticsearch(hosts, request_timeout=5, max_retries=1)

    # --- writing ------------------------------------------------------------------------

    def ensure_index(self) -> None:
        if not self.client.indices.exists_alias(name=self.alias):
            name = self._new_index_name()
            index_definition(name).create(using=self.client)
            self.client.indices.put_alias(index=name, name=self.alias)

    def _new_index_name(self) -> str:
        return f"{self.alias}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"

    def index(self, documents: list[IndexedDocument]) -> None:
        self.ensure_index()
        actions = (
            {"_index": self.alias, "_id": doc.page_id, "_source": to_source(doc)}
            for doc in documents
        )
        helpers.bulk(self.client, actions, refresh="wait_for")

    def delete(self, page_ids: list[int]) -> None:
        if not self.client.indices.exists_alias(name=self.alias):
            return
        actions = ({"_op_type": "delete", "_index": self.alias, "_id": pk} for pk in page_ids)
        helpers.bulk(self.client, actions, raise_on_error=False, refresh="wait_for")

    def clear(self) -> None:
        if self.client.indices.exists_alias(name=self.alias):
            for name in self.client.indices.get_alias(name=self.alias):
                self.client.indices.delete(index=name)

    def rebuild(
        self, documents: Iterable[IndexedDocument], total: int = 0, progress: bool = False
    ) -> int:
        """Zero-downtime reindex: new index, bulk load, atomic alias swap, old index dropped."""
        name = self._new_index_name()
        index_definition(name).create(using=self.client)
        done = 0
        with tqdm(total=total, disable=not progress, unit="trang") as bar:
            for ok, _ in helpers.streaming_bulk(
                self.client,
                ({"_index": name, "_id": d.page_id, "_source": to_source(d)} for d in documents),
            ):
                done += ok
                bar.update(1)
        self.client.indices.refresh(index=name)
        old = (
            list(self.client.indices.get_alias(name=self.alias))
            if self.client.indices.exists_alias(name=self.alias)
            else []
        )
        if self.client.indices.exists(index=self.alias) and not old:
            self.client.indices.delete(index=self.alias)  # a plain index squatting the name
        actions = [{"remove": {"index": o, "alias": self.alias}} for o in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)
        for o in old:
            self.client.indices.delete(index=o)
        return done

    # --- reading ------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResults:
        request = build_search(query, index=self.alias)
        if request is None or not self.client.indices.exists_alias(name=self.alias):
            return SearchResults(hits=[], total=0)
        response = request.using(self.client).execute()
        return parse_response(response.to_dict(), query)

    def suggest(self, prefix: str, limit: int = 8) -> list[Suggestion]:
        request = build_suggest(prefix, limit, index=self.alias)
        if request is None or not self.client.indices.exists_alias(name=self.alias):
            return []
        response = request.using(self.client).execute().to_dict()
        options = response.get("suggest", {}).get("titles", [{}])[0].get("options", [])
        return [
            Suggestion(
                title=o["_source"]["title"], url=o["_source"]["url"], kind=o["_source"]["kind"]
            )
            for o in options
        ]


def build_suggest(prefix: str, limit: int, index: str = "lantoa") -> Search | None:
    words = terms(prefix)
    if not words:
        return None
    return (
        Search(index=index)
        .source(["title", "url", "kind"])
        .extra(size=0)
        .suggest(
            "titles",
            " ".join(fold(w) for w in words),
            completion={"field": "suggest", "size": limit, "skip_duplicates": True},
        )
    )


def parse_response(data: dict, query: SearchQuery) -> SearchResults:
    from django.utils.dateparse import parse_datetime
    from django.utils.html import escape

    hits = []
    for item in data.get("hits", {}).get("hits", []):
        source = item["_source"]
        fragments = item.get("highlight", {})
        snippet = (fragments.get("body.folded") or [None])[0]
        hits.append(
            Hit(
                page_id=source["page_id"],
                kind=source["kind"],
                title=source["title"],
                url=source["url"],
                snippet=snippet or escape(source.get("summary", "")[:200]),
                date=parse_datetime(source["date"]) if source.get("date") else None,
                score=item.get("_score") or 0.0,
            )
        )
    total = data.get("hits", {}).get("total", {}).get("value", 0)
    facets = {}
    for name in FACETS:
        buckets = data.get("aggregations", {}).get(name, {}).get("values", {}).get("buckets", [])
        facets[name] = [
            FacetValue(
                value=str(b["key"]),
                label=(b.get("label", {}).get("buckets") or [{"key": b["key"]}])[0]["key"],
                count=b["doc_count"],
            )
            for b in buckets
        ]
    return SearchResults(hits=hits, total=total, facets=facets)
