"""Elasticsearch 8 backend through `elasticsearch.dsl` (the DSL now shipped in the client).

Syllables are tokens (standard tokenizer). Each text field is indexed as written (lower-cased,
diacritics kept, `vi_exact`) with a `.folded` sub-field (`vi_folding`). Queries must match the
folded sub-fields; the exact fields only add score, so "má" ranks "má" first. Readers query an
alias; `rebuild` fills a new index and swaps the alias in one atomic call (zero downtime), then
drops the old index.

The analysis chain is decided when an index is created, by asking the server (nodes info), and
recorded in the index's mapping `_meta` (`describe()` reads it back):

- with the `analysis-icu` plugin on every node: `icu_normalizer` (NFC) before the tokenizer and
  `icu_folding` (case, every tone and vowel mark, đ → d) on the folded sub-field;
- without it: a `mapping` char filter spelling every decomposed Vietnamese letter composed
  (`vietnamese.text.decomposed_spellings`), then lowercase (+ asciifolding when folded).

Either way a decomposed query still matches, and scores, exactly. The folded sub-fields search
with `vi_folding_search`, the same chain plus a `synonym_graph` filter of the editors'
abbreviations (`search.synonyms.rules`): search time only, so editing them needs no reindex.
From 8.10 on they live in a synonyms set (`<alias>-synonyms`, the synonyms API), which reloads
the analyzers itself when `update_synonyms` writes it; older servers get them inline, and
`update_synonyms` closes each index, writes its analysis settings and opens it again.

`elasticsearch.dsl` collects analyzers from the Document class, once for every index; the chain
here differs per server, so the fields name their analyzers and the analysis settings are
written whole by `analysis_settings`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime

from django.utils.translation import gettext as _
from elasticsearch import ApiError, Elasticsearch, helpers
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
)
from tqdm import tqdm

from vietnamese.text import decomposed_spellings, fold

from .. import synonyms
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

logger = logging.getLogger(__name__)

VI_EXACT = "vi_exact"
VI_FOLDING = "vi_folding"
VI_FOLDING_SEARCH = "vi_folding_search"
NFC_FILTER = "vi_nfc"
SYNONYM_FILTER = "vi_synonyms"
ICU_PLUGIN = "analysis-icu"
SYNONYMS_API_SINCE = (8, 10)  # synonyms sets (PUT _synonyms/…), empty sets included
META_KEY = "analysis_chain"
EXACT_BOOST = 10
TYPED_FIRST_BOOST = 100  # pages matching as typed above those found through an abbreviation
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


@dataclass(frozen=True)
class AnalysisChain:
    """What an index's analyzers are built from: whether every node has analysis-icu, and the
    synonyms set the abbreviations live in ("" when they are written inline)."""

    icu: bool = False
    synonyms_set: str = ""

    def describe(self) -> str:
        """In Vietnamese, for `manage.py search_reindex`."""
        if self.icu:
            folding = _("folding by %(filters)s") % {"filters": "icu_normalizer nfc + icu_folding"}
        else:
            folding = _("folding by %(filters)s") % {"filters": "lowercase + asciifolding"}
            folding += " " + _("(the %(plugin)s plugin is not on every node)") % {
                "plugin": ICU_PLUGIN
            }
        if self.synonyms_set:
            where = _("abbreviations in the synonyms set %(name)s") % {"name": self.synonyms_set}
        else:
            where = _("abbreviations written into the index settings")
        return f"{folding}; {where}"


def _version(number: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in number.split("-")[0].split(".")[:2])
    except ValueError:
        return (0,)


def chain_for_nodes(nodes_info: dict, alias: str) -> AnalysisChain:
    """The chain a new index gets on the cluster a nodes info response (`GET _nodes/plugins`)
    describes: ICU only when every node has the plugin (a shard may land on any of them), the
    synonyms API only when every node is 8.10 or later."""
    nodes = list((nodes_info.get("nodes") or {}).values())
    if not nodes:
        return AnalysisChain()
    icu = all(
        ICU_PLUGIN
        in {item.get("name") for item in [*node.get("plugins", []), *node.get("modules", [])]}
        for node in nodes
    )
    recent = all(_version(node.get("version", "")) >= SYNONYMS_API_SINCE for node in nodes)
    return AnalysisChain(icu=icu, synonyms_set=f"{alias}-synonyms" if recent else "")


def _nfc_mappings() -> list[str]:
    """Mapping char filter rules, decomposed letter (escaped) → composed."""
    return [
        "".join(f"\\u{ord(char):04x}" for char in spelling) + f" => {letter}"
        for spelling, letter in sorted(decomposed_spellings().items())
    ]


def analysis_settings(chain: AnalysisChain, rules: list[dict[str, str]]) -> dict:
    """The index's whole `analysis` settings for `chain` (`rules`: `synonyms.rules()`, written
    inline when the chain has no synonyms set)."""
    if chain.icu:
        char_filter = {"type": "icu_normalizer", "name": "nfc", "mode": "compose"}
        folding = ["icu_folding"]
    else:
        char_filter = {"type": "mapping", "mappings": _nfc_mappings()}
        folding = ["lowercase", "asciifolding"]
    filters: dict[str, dict] = {}
    if chain.synonyms_set:
        filters[SYNONYM_FILTER] = {
            "type": "synonym_graph",
            "synonyms_set": chain.synonyms_set,
            "updateable": True,
            "lenient": True,
        }
    elif rules:
        filters[SYNONYM_FILTER] = {
            "type": "synonym_graph",
            "synonyms": [rule["synonyms"] for rule in rules],
            "lenient": True,
        }

    def custom(token_filters: list[str]) -> dict:
        return {
            "type": "custom",
            "char_filter": [NFC_FILTER],
            "tokenizer": "standard",
            "filter": token_filters,
        }

    settings = {
        "char_filter": {NFC_FILTER: char_filter},
        "analyzer": {
            VI_EXACT: custom(["lowercase"]),
            VI_FOLDING: custom(folding),
            VI_FOLDING_SEARCH: custom(folding + ([SYNONYM_FILTER] if filters else [])),
        },
    }
    if filters:
        settings["filter"] = filters
    return settings


def _text_field() -> Text:
    # search_analyzer is set explicitly so a query is always folded like the index.
    return Text(
        analyzer=VI_EXACT,
        search_analyzer=VI_EXACT,
        fields={"folded": Text(analyzer=VI_FOLDING, search_analyzer=VI_FOLDING_SEARCH)},
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


def index_definition(
    name: str, chain: AnalysisChain | None = None, rules: list[dict[str, str]] | None = None
) -> Index:
    index = Index(name)
    index.settings(
        number_of_shards=1,
        number_of_replicas=0,
        analysis=analysis_settings(chain or AnalysisChain(), rules or []),
    )
    index.document(SearchDoc)
    return index


def index_body(chain: AnalysisChain, rules: list[dict[str, str]]) -> dict:
    """`settings` and `mappings` of a new index, the chain recorded in the mapping's `_meta`."""
    body = index_definition("unnamed", chain, rules).to_dict()
    body["mappings"]["_meta"] = {META_KEY: asdict(chain)}
    return body


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


def text_query(text: str, typed_first: bool = False) -> Q | None:
    """Folded sub-fields must match (every syllable; phrases in order); exact fields boost.
    `typed_first` (an editor's abbreviation applies, `search.synonyms`): the folded match as
    typed, analysed without the synonym filter, boosts too, so those pages come first."""
    loose, phrases = parse_query(text)
    if not loose and not phrases:
        return None
    folded_fields = ["title.folded^3", "summary.folded^2", "body.folded"]
    exact_fields = [f"title^{3 * EXACT_BOOST}", f"summary^{2 * EXACT_BOOST}", f"body^{EXACT_BOOST}"]

    def folded(**options) -> list[Q]:
        clauses = []
        if loose:
            clauses.append(
                Q(
                    "multi_match",
                    query=" ".join(loose),
                    fields=folded_fields,
                    type="cross_fields",
                    operator="and",
                    **options,
                )
            )
        for phrase in phrases:
            clauses.append(
                Q(
                    "multi_match",
                    query=" ".join(phrase),
                    fields=folded_fields,
                    type="phrase",
                    **options,
                )
            )
        return clauses

    exact_words = loose + [t for p in phrases for t in p]
    should = [Q("multi_match", query=" ".join(exact_words), fields=exact_fields, operator="or")]
    if typed_first:
        should.append(Q("bool", must=folded(analyzer=VI_FOLDING), boost=TYPED_FIRST_BOOST))
    return Q("bool", must=folded(), should=should)


def build_search(
    query: SearchQuery, index: str = "lantoa", typed_first: bool = False
) -> Search | None:
    """The whole request: text query, post_filter, facet aggregations (each facet counted with
    the other filters), highlighting, sort and the page window."""
    matched = text_query(query.text, typed_first)
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
            self._create_index(name)
            self.client.indices.put_alias(index=name, name=self.alias)

    def detect_chain(self) -> AnalysisChain:
        """Asks the cluster (nodes info, not a setting that could say otherwise)."""
        return chain_for_nodes(self.client.nodes.info(metric="plugins").body, self.alias)

    def _create_index(self, name: str) -> AnalysisChain:
        """A new, empty index with the chain this cluster supports; the synonyms set is written
        first (an index naming a missing set is left unusable)."""
        chain = self.detect_chain()
        rules = synonyms.rules()
        if chain.synonyms_set:
            try:
                self.client.synonyms.put_synonym(id=chain.synonyms_set, synonyms_set=rules)
            except ApiError as error:  # e.g. no manage_search_synonyms privilege
                logger.warning(
                    "synonyms set %s could not be written (%s); synonyms go inline",
                    chain.synonyms_set,
                    error,
                )
                chain = replace(chain, synonyms_set="")
        self.client.indices.create(index=name, **index_body(chain, rules))
        logger.info(
            "Elasticsearch index %s: analysis chain %s (%s synonym rules)",
            name,
            "ICU" if chain.icu else "lowercase+asciifolding",
            len(rules),
            extra={"analysis_chain": asdict(chain)},
        )
        return chain

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
        self._create_index(name)
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

    def chains(self) -> dict[str, AnalysisChain | None]:
        """Each index behind the alias and the chain its mapping records (None: created before
        the chain was recorded, without synonyms: `search_reindex` brings it up to date)."""
        if not self.client.indices.exists_alias(name=self.alias):
            return {}
        found: dict[str, AnalysisChain | None] = {}
        for name, data in self.client.indices.get_mapping(index=self.alias).body.items():
            meta = (data.get("mappings", {}).get("_meta") or {}).get(META_KEY)
            found[name] = AnalysisChain(**meta) if isinstance(meta, dict) else None
        return found

    def update_synonyms(self) -> str:
        """The editors' abbreviations to the serving index: its synonyms set rewritten (the
        server reloads the search analyzers that use it), or, inline, the index closed, its
        analysis settings written and opened again (searches fail for that moment)."""
        rules = synonyms.rules()
        done = []
        for name, chain in self.chains().items():
            if chain is None:
                logger.warning("index %s predates synonyms: run manage.py search_reindex", name)
                done.append(f"{name}: needs search_reindex")
            elif chain.synonyms_set:
                self.client.synonyms.put_synonym(id=chain.synonyms_set, synonyms_set=rules)
                done.append(f"{name}: synonyms set {chain.synonyms_set}")
            else:
                self.client.indices.close(index=name)
                try:
                    self.client.indices.put_settings(
                        index=name, settings={"analysis": analysis_settings(chain, rules)}
                    )
                finally:
                    self.client.indices.open(index=name, wait_for_active_shards="1")
                done.append(f"{name}: inline")
        if done:
            # Cached answers (size=0 requests) were analysed with the old list.
            self.client.indices.clear_cache(index=self.alias, request=True)
        logger.info("search synonyms updated (%s rules): %s", len(rules), "; ".join(done))
        return "; ".join(done) or "no index yet"

    def describe(self) -> str:
        """The chain of each index readers query, as its mapping records it."""
        chains = self.chains()
        if not chains:
            return _("%(engine)s: no index behind the alias %(alias)s yet") % {
                "engine": self.name,
                "alias": self.alias,
            }
        return "; ".join(
            _("%(engine)s, index %(index)s: %(chain)s")
            % {
                "engine": self.name,
                "index": name,
                "chain": chain.describe()
                if chain
                else _("created before the analysis chain was recorded: run search_reindex"),
            }
            for name, chain in chains.items()
        )

    # --- reading ------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResults:
        widened = synonyms.widens(synonyms.expand(*parse_query(query.text)))
        request = build_search(query, index=self.alias, typed_first=widened)
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
