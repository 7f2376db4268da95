"""Facet labels come from the documents the page models build, so every engine shows them:
the database backends read them from their rows, the Elasticsearch backend from its label
sub-aggregations (issue 11: it showed the raw codes "economy" and "story").

Elasticsearch itself cannot run here: the request and the response are exercised as JSON
(tests/search/test_elasticsearch_live.py runs against a server when ELASTICSEARCH_URL is set).
"""

from collections import Counter, defaultdict

import pytest

from campaigns.models import ExemplarPage
from search import index
from search.backends import get_backend
from search.backends.base import SearchQuery
from search.backends.elastic import (
    FACET_FIELDS,
    LABEL_FIELDS,
    build_search,
    index_definition,
    parse_response,
    to_source,
)
from search.documents import all_documents

ECONOMY = "Phát triển kinh tế, giảm nghèo bền vững"


@pytest.fixture
def pages(exemplar_index, make_story):
    exemplar = ExemplarPage(title="Lò Văn Pọm trồng chè", kind="individual", field="economy")
    exemplar_index.add_child(instance=exemplar)
    exemplar.save_revision().publish()
    story = make_story("Chè Shan tuyết của ông Pọm")
    index.rebuild()
    return exemplar, story


def _as_elasticsearch_answers(body: dict, sources: list[dict]) -> dict:
    """The aggregations Elasticsearch computes for `body` over `sources`: terms per facet
    field, and under each bucket the terms of the label field the request names."""
    aggregations = {}
    for name, agg in body["aggs"].items():
        values_agg = agg["aggs"]["values"]
        field = values_agg["terms"]["field"]
        label_field = values_agg.get("aggs", {}).get("label", {}).get("terms", {}).get("field")
        docs = defaultdict(list)
        for source in sources:
            value = source.get(field)
            for one in value if isinstance(value, list) else [value]:
                if one not in (None, ""):
                    docs[one].append(source)
        buckets = []
        for value, matched in sorted(docs.items(), key=lambda item: -len(item[1])):
            bucket = {"key": value, "doc_count": len(matched)}
            if label_field:
                labels = Counter(source.get(label_field) for source in matched)
                bucket["label"] = {
                    "buckets": [{"key": k, "doc_count": n} for k, n in labels.items()]
                }
            buckets.append(bucket)
        aggregations[name] = {"doc_count": len(sources), "values": {"buckets": buckets}}
    return {"hits": {"total": {"value": len(sources)}, "hits": []}, "aggregations": aggregations}


def _labels(facets) -> dict[str, dict[str, str]]:
    return {name: {v.value: v.label for v in values} for name, values in facets.items()}


def test_elasticsearch_facets_show_the_documents_labels(pages):
    sources = [to_source(doc) for doc in all_documents()]
    mapping = index_definition("lantoa-test").to_dict()["mappings"]["properties"]
    for name in ("kind", "field"):
        assert mapping[LABEL_FIELDS[name]] == {"type": "keyword"}
    body = build_search(SearchQuery(text="che")).to_dict()
    assert set(body["aggs"]) == set(FACET_FIELDS)

    labels = _labels(
        parse_response(_as_elasticsearch_answers(body, sources), SearchQuery("che")).facets
    )

    assert labels["kind"] == {
        "exemplar": "Gương điển hình",
        "story": "Bài viết",
        "column": "Chuyên mục",
    }
    assert labels["field"] == {"economy": ECONOMY}


def test_database_facets_show_the_same_labels(pages):
    facets = get_backend().search(SearchQuery(text="che")).facets
    labels = _labels(facets)
    assert labels["kind"] == {"exemplar": "Gương điển hình", "story": "Bài viết"}
    assert labels["field"] == {"economy": ECONOMY}
