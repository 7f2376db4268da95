"""The Elasticsearch backend against a real server: runs only when ELASTICSEARCH_URL is set,
e.g. ELASTICSEARCH_URL=http://127.0.0.1:9200 pytest tests/search/test_elasticsearch_live.py"""

import os
import uuid

import pytest

URL = os.environ.get("ELASTICSEARCH_URL", "")
if not URL:
    pytest.skip(
        "Elasticsearch integration suite skipped: set ELASTICSEARCH_URL (docs/search.md)",
        allow_module_level=True,
    )

from search.backends.base import IndexedDocument, SearchQuery  # noqa: E402
from search.backends.elastic import ElasticsearchBackend  # noqa: E402


@pytest.fixture
def es():
    backend = ElasticsearchBackend(hosts=[URL], alias=f"lantoa-test-{uuid.uuid4().hex[:8]}")
    yield backend
    backend.clear()


def docs():
    return [
        IndexedDocument(1, "story", "Bài ba", "/3/", body="Đôi má hồng", tags=[("a", "A")]),
        IndexedDocument(2, "story", "Bài một", "/1/", body="Con mà đi học"),
        IndexedDocument(
            3,
            "exemplar",
            "Đàm Thị Thu Hà",
            "/h/",
            body="điển hình tiên tiến",
            exemplar_field="economy",
        ),
        IndexedDocument(4, "story", "Sai thứ tự", "/4/", body="tiên tiến và điển hình"),
    ]


def test_folding_exact_first_phrases_facets_suggest_and_alias_swap(es):
    es.rebuild(docs(), total=4)
    assert es.search(SearchQuery(text="má")).hits[0].title == "Bài ba"
    assert es.search(SearchQuery(text="ma")).total == 2
    phrase = es.search(SearchQuery(text='"dien hinh tien tien"'))
    assert [h.title for h in phrase.hits] == ["Đàm Thị Thu Hà"]
    assert "<mark>" in phrase.hits[0].snippet
    kinds = {f.value: f.count for f in es.search(SearchQuery(text="tien tien")).facets["kind"]}
    assert kinds == {"exemplar": 1, "story": 1}
    assert [s.title for s in es.suggest("dam thi")] == ["Đàm Thị Thu Hà"]
    first = set(es.client.indices.get_alias(name=es.alias))
    es.rebuild(docs()[:1], total=1)
    assert set(es.client.indices.get_alias(name=es.alias)).isdisjoint(first)
    assert es.search(SearchQuery(text="ma")).total == 1
    es.delete([1])
    assert es.search(SearchQuery(text="ma")).total == 0
