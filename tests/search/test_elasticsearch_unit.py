"""The Elasticsearch backend without a server: mapping, query and response handling as JSON.

No Elasticsearch can be installed on these machines; tests/search/test_elasticsearch_live.py
runs the same backend against a real server when ELASTICSEARCH_URL is set (docs/search.md).
"""

import json
import unicodedata
from datetime import date

import pytest

from search import synonyms
from search.backends import backend_for_url
from search.backends.base import SearchQuery
from search.backends.elastic import (
    AnalysisChain,
    ElasticsearchBackend,
    build_search,
    build_suggest,
    chain_for_nodes,
    index_body,
    parse_response,
    suggest_inputs,
)
from search.models import SearchSynonym


def test_search_url_chooses_the_engine():
    backend = backend_for_url("elasticsearch://es.example:9201/tin-bai")
    assert isinstance(backend, ElasticsearchBackend)
    assert backend.alias == "tin-bai"
    assert backend_for_url("sqlite-fts5://").name == "sqlite-fts5"
    assert backend_for_url("postgres://").name == "postgres"


RULES = [{"id": "lantoa-1", "synonyms": "htx, hợp tác xã"}]
NODE = {
    "name": "es-1",
    "version": "8.15.0",
    "plugins": [],
    "modules": [{"name": "analysis-common"}],
}
ICU_NODE = {**NODE, "plugins": [{"name": "analysis-icu", "version": "8.15.0"}]}


def _analysis(chain: AnalysisChain, rules=RULES) -> dict:
    return index_body(chain, rules)["settings"]["analysis"]


def _char_map(rules: list[str]) -> dict[str, str]:
    """The mapping char filter's rules read back: escaped decomposed letter → composed."""
    pairs = (rule.split(" => ") for rule in rules)
    return {key.encode().decode("unicode_escape"): value for key, value in pairs}


def _apply(mapping: dict[str, str], text: str) -> str:
    """Longest match first, left to right, as Lucene's MappingCharFilter does."""
    out, position, longest = [], 0, max(map(len, mapping))
    while position < len(text):
        for size in range(longest, 0, -1):
            piece = text[position : position + size]
            if piece in mapping:
                out.append(mapping[piece])
                position += size
                break
        else:
            out.append(text[position])
            position += 1
    return "".join(out)


def test_without_icu_the_chain_spells_decomposed_letters_composed_and_asciifolds():
    body = index_body(AnalysisChain(), RULES)
    analysis = body["settings"]["analysis"]
    analyzers = analysis["analyzer"]
    assert analyzers["vi_folding"]["filter"] == ["lowercase", "asciifolding"]
    assert analyzers["vi_exact"]["filter"] == ["lowercase"]
    assert all(a["char_filter"] == ["vi_nfc"] for a in analyzers.values())
    nfc = analysis["char_filter"]["vi_nfc"]
    assert nfc["type"] == "mapping"
    mapping = _char_map(nfc["mappings"])
    for word in ("Điện Biên", "Nguyễn Thị Hậu", "KHUYẾN NÔNG", "thuở", "Hợp tác xã"):
        assert _apply(mapping, unicodedata.normalize("NFD", word)) == word
    assert _apply(mapping, "a\u0302\u0323") == "ậ"  # marks in the other canonical order
    assert _apply(mapping, "\u1ea1\u0302") == "ậ"  # partly composed
    assert body["mappings"]["_meta"] == {"analysis_chain": {"icu": False, "synonyms_set": ""}}


def test_with_icu_the_chain_is_icu_nfc_and_icu_folding():
    analysis = _analysis(AnalysisChain(icu=True))
    assert analysis["char_filter"]["vi_nfc"] == {
        "type": "icu_normalizer",
        "name": "nfc",
        "mode": "compose",
    }
    analyzers = analysis["analyzer"]
    assert analyzers["vi_folding"]["filter"] == ["icu_folding"]
    assert analyzers["vi_exact"]["filter"] == ["lowercase"]
    assert analyzers["vi_folding_search"]["filter"] == ["icu_folding", "vi_synonyms"]
    assert "asciifolding" not in str([a["filter"] for a in analyzers.values()])


def test_synonyms_only_at_search_time_on_the_folded_fields():
    body = index_body(AnalysisChain(), RULES)
    analyzers = body["settings"]["analysis"]["analyzer"]
    assert "vi_synonyms" in analyzers["vi_folding_search"]["filter"]
    assert "vi_synonyms" not in analyzers["vi_folding"]["filter"] + analyzers["vi_exact"]["filter"]
    properties = body["mappings"]["properties"]
    for name in ("title", "summary", "body"):
        field = properties[name]
        assert (field["analyzer"], field["search_analyzer"]) == ("vi_exact", "vi_exact")
        folded = field["fields"]["folded"]
        assert (folded["analyzer"], folded["search_analyzer"]) == (
            "vi_folding",
            "vi_folding_search",
        )
    suggest = properties["suggest"]
    assert suggest == {**suggest, "type": "completion", "analyzer": "vi_folding"}
    assert suggest["search_analyzer"] == "vi_folding"


def test_synonyms_inline_or_in_a_synonyms_set():
    inline = _analysis(AnalysisChain())["filter"]["vi_synonyms"]
    assert inline == {"type": "synonym_graph", "synonyms": ["htx, hợp tác xã"], "lenient": True}
    in_set = _analysis(AnalysisChain(synonyms_set="lantoa-synonyms"))["filter"]["vi_synonyms"]
    assert in_set == {
        "type": "synonym_graph",
        "synonyms_set": "lantoa-synonyms",
        "updateable": True,
        "lenient": True,
    }
    # No entry and no set: no synonym filter (an empty inline list is no valid filter).
    empty = _analysis(AnalysisChain(), rules=[])
    assert "filter" not in empty
    assert empty["analyzer"]["vi_folding_search"] == empty["analyzer"]["vi_folding"]


@pytest.mark.parametrize(
    ("nodes", "chain"),
    [
        ([ICU_NODE, ICU_NODE], AnalysisChain(icu=True, synonyms_set="tin-synonyms")),
        ([ICU_NODE, NODE], AnalysisChain(icu=False, synonyms_set="tin-synonyms")),
        ([{**NODE, "modules": [{"name": "analysis-icu"}]}], AnalysisChain(True, "tin-synonyms")),
        ([{**ICU_NODE, "version": "8.9.2"}, ICU_NODE], AnalysisChain(icu=True, synonyms_set="")),
        ([], AnalysisChain()),
    ],
)
def test_the_chain_follows_what_every_node_says(nodes, chain):
    info = {"nodes": {f"node-{i}": node for i, node in enumerate(nodes)}}
    assert chain_for_nodes(info, "tin") == chain


@pytest.mark.django_db
def test_synonym_rules_are_syllables_only():
    SearchSynonym.objects.create(abbreviation="NN&PTNT", meaning="nông nghiệp, phát triển => nt")
    rules = {rule["synonyms"] for rule in synonyms.rules()}
    assert "htx, hợp tác xã" in rules
    assert "kt xh, kinh tế xã hội" in rules
    assert "nn ptnt, nông nghiệp phát triển nt" in rules
    assert all(rule.count(",") == 1 and "=>" not in rule for rule in rules)


def test_query_requires_folded_match_and_boosts_exact_fields():
    body = build_search(SearchQuery(text='"điển hình tiên tiến" má')).to_dict()
    must = body["query"]["bool"]["must"]
    assert must[0]["multi_match"]["query"] == "má"
    assert all(f.split("^")[0].endswith(".folded") for f in must[0]["multi_match"]["fields"])
    assert must[1]["multi_match"] == {
        **must[1]["multi_match"],
        "type": "phrase",
        "query": "điển hình tiên tiến",
    }
    exact = body["query"]["bool"]["should"][0]["multi_match"]
    assert "body^10" in exact["fields"]
    assert body["highlight"]["pre_tags"] == ["<mark>"]
    assert body["highlight"]["encoder"] == "html"


def test_when_an_abbreviation_applies_the_match_as_typed_ranks_first():
    plain = build_search(SearchQuery(text='htx "dien bien"')).to_dict()["query"]["bool"]
    assert len(plain["should"]) == 1  # only the exact fields' boost
    body = build_search(SearchQuery(text='htx "dien bien"'), typed_first=True).to_dict()
    typed = body["query"]["bool"]["should"][1]["bool"]
    assert typed["boost"] == 100
    matches = [clause["multi_match"] for clause in typed["must"]]
    assert [(m["query"], m["type"]) for m in matches] == [
        ("htx", "cross_fields"),
        ("dien bien", "phrase"),
    ]
    # Analysed like the index (no synonym filter): only pages written "htx" get the boost.
    assert {m["analyzer"] for m in matches} == {"vi_folding"}
    assert all("analyzer" not in c["multi_match"] for c in body["query"]["bool"]["must"])


def test_reader_operators_are_plain_words():
    body = json.dumps(build_search(SearchQuery(text="title:x AND (y) -z*")).to_dict())
    assert '"query": "title x and y z"' in body
    assert "query_string" not in body
    assert build_search(SearchQuery(text="*** ()")) is None


def test_filters_are_post_filters_and_each_facet_ignores_its_own_filter():
    query = SearchQuery(
        text="bưởi",
        kind="story",
        tag="buoi",
        date_from=date(2025, 1, 1),
        sort="date",
        offset=20,
        limit=10,
    )
    body = build_search(query).to_dict()
    assert {"term": {"kind": "story"}} in body["post_filter"]["bool"]["filter"]
    assert {"range": {"date": {"gte": "2025-01-01"}}} in body["post_filter"]["bool"]["filter"]
    assert {"term": {"kind": "story"}} not in body["aggs"]["kind"]["filter"]["bool"]["filter"]
    assert {"term": {"kind": "story"}} in body["aggs"]["tag"]["filter"]["bool"]["filter"]
    assert body["aggs"]["tag"]["aggs"]["values"]["terms"]["field"] == "tags"
    assert body["sort"] == [{"date": {"order": "desc"}}, {"page_id": {"order": "desc"}}]
    assert (body["from"], body["size"]) == (20, 10)


def test_completion_suggester_on_folded_prefix():
    body = build_suggest("Đàm Th", 5).to_dict()
    assert body["suggest"]["titles"]["prefix"] == "dam th"
    assert body["suggest"]["titles"]["completion"]["field"] == "suggest"
    assert suggest_inputs("Đàm Thị Thu Hà") == ["Đàm Thị Thu Hà", "Thị Thu Hà", "Thu Hà", "Hà"]


def test_response_becomes_the_common_results():
    data = {
        "hits": {
            "total": {"value": 1},
            "hits": [
                {
                    "_score": 3.5,
                    "_source": {
                        "page_id": 7,
                        "kind": "story",
                        "title": "Bưởi",
                        "url": "/b/",
                        "date": "2025-03-01T10:00:00+07:00",
                        "summary": "s",
                    },
                    "highlight": {"body.folded": ["trồng <mark>bưởi</mark>"]},
                }
            ],
        },
        "aggregations": {
            "column": {
                "values": {
                    "buckets": [
                        {"key": 5, "doc_count": 1, "label": {"buckets": [{"key": "Gương sáng"}]}}
                    ]
                }
            }
        },
    }
    results = parse_response(data, SearchQuery(text="buoi"))
    assert results.total == 1
    assert results.hits[0].snippet == "trồng <mark>bưởi</mark>"
    assert results.hits[0].date.year == 2025
    assert [(f.value, f.label, f.count) for f in results.facets["column"]] == [
        ("5", "Gương sáng", 1)
    ]
