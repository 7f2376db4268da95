"""The Elasticsearch backend without a server: mapping, query and response handling as JSON.

No Elasticsearch can be installed on these machines; tests/search/test_elasticsearch_live.py
runs the same backend against a real server when ELASTICSEARCH_URL is set (docs/search.md).
"""

import json
from datetime import date

from search.backends import backend_for_url
from search.backends.base import SearchQuery
from search.backends.elastic import (
    ElasticsearchBackend,
    build_search,
    build_suggest,
    index_definition,
    parse_response,
    suggest_inputs,
)


def test_search_url_chooses_the_engine():
    backend = backend_for_url("elasticsearch://es.example:9201/tin-bai")
    assert isinstance(backend, ElasticsearchBackend)
    assert backend.alias == "tin-bai"
    assert backend_for_url("sqlite-fts5://").name == "sqlite-fts5"
    assert backend_for_url("postgres://").name == "postgres"


def test_mapping_folds_with_asciifolding_and_keeps_an_exact_field():
    definition = index_definition("lantoa-1").to_dict()
    analyzers = definition["settings"]["analysis"]["analyzer"]
    assert analyzers["vi_folding"]["filter"] == ["lowercase", "asciifolding"]
    assert "asciifolding" not in analyzers["vi_exact"]["filter"]
    body = definition["mappings"]["properties"]["body"]
    assert body["analyzer"] == "vi_exact"
    assert body["fields"]["folded"]["analyzer"] == "vi_folding"
    assert body["fields"]["folded"]["search_analyzer"] == "vi_folding"
    suggest = definition["mappings"]["properties"]["suggest"]
    assert suggest == {**suggest, "type": "completion", "analyzer": "vi_folding"}


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
