"""The Elasticsearch backend against a real server: runs only when ELASTICSEARCH_URL is set,
e.g. ELASTICSEARCH_URL=http://127.0.0.1:9200 pytest tests/search/test_elasticsearch_live.py

Run it on a server with and without the analysis-icu plugin (docs/search.md): the chain must
follow the plugins, and both chains must fold, normalise and apply the abbreviations alike."""

import contextlib
import os
import unicodedata
import uuid

import pytest

URL = os.environ.get("ELASTICSEARCH_URL", "")
if not URL:
    pytest.skip(
        "Elasticsearch integration suite skipped: set ELASTICSEARCH_URL (docs/search.md)",
        allow_module_level=True,
    )

import lxml.html  # noqa: E402
from elasticsearch import NotFoundError  # noqa: E402

from search.backends.base import IndexedDocument, SearchQuery  # noqa: E402
from search.backends.elastic import ElasticsearchBackend  # noqa: E402
from search.models import SearchSynonym  # noqa: E402


@pytest.fixture
def es(db):
    """A backend on its own alias; the seeded abbreviations (migration) are in the database."""
    backend = ElasticsearchBackend(hosts=[URL], alias=f"lantoa-test-{uuid.uuid4().hex[:8]}")
    yield backend
    backend.clear()
    with contextlib.suppress(NotFoundError):  # a set can only go once no index uses it
        backend.client.synonyms.delete_synonym(id=f"{backend.alias}-synonyms")


def titles(es, text: str) -> list[str]:
    return [hit.title for hit in es.search(SearchQuery(text=text)).hits]


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


def test_the_chain_follows_the_plugins_and_normalises_decomposed_text(es):
    written_apart = unicodedata.normalize("NFD", "Xã Hòa Bình")
    es.rebuild([*docs(), IndexedDocument(5, "story", "Rời dấu", "/5/", body=written_apart)])
    [(index, chain)] = es.chains().items()
    nodes = es.client.nodes.info(metric="plugins")["nodes"].values()
    assert chain.icu == all(
        "analysis-icu" in {plugin["name"] for plugin in node["plugins"]} for node in nodes
    )
    assert str(index) in es.describe()

    def tokens(analyzer: str, text: str) -> list[str]:
        found = es.client.indices.analyze(index=index, analyzer=analyzer, text=text)
        return [token["token"] for token in found["tokens"]]

    decomposed = unicodedata.normalize("NFD", "Đoàn hoà Thuỷ Má")
    assert tokens("vi_folding", decomposed) == ["doan", "hoa", "thuy", "ma"]
    assert tokens("vi_exact", decomposed) == ["đoàn", "hoà", "thuỷ", "má"]

    def exact(text: str) -> list[str]:
        """The exact (diacritics kept) field alone, asked directly: no Python normalising."""
        found = es.client.search(index=es.alias, query={"match": {"body": text}})
        return [hit["_source"]["title"] for hit in found["hits"]["hits"]]

    assert exact(unicodedata.normalize("NFD", "má")) == ["Bài ba"]  # not "mà"
    assert exact("hòa") == ["Rời dấu"]  # indexed decomposed, found composed


LITERAL = "HTX Tân Tiến làm giàu từ bưởi"
IN_FULL = "Hợp tác xã Hòa Bình mở rộng vùng chè"
COUNCIL = "Khen thưởng tập thể điển hình"
KITCHEN = "Bếp ăn bán trú đạt chuẩn"


def abbreviation_docs():
    return [
        IndexedDocument(1, "story", LITERAL, "/a/", body="Các xã viên HTX trồng bưởi."),
        IndexedDocument(2, "story", IN_FULL, "/b/", body="Hợp tác xã có 40 thành viên."),
        IndexedDocument(3, "story", COUNCIL, "/c/", body="Ủy ban nhân dân tỉnh khen thưởng."),
        IndexedDocument(4, "story", KITCHEN, "/d/", body="Bảo đảm an toàn thực phẩm."),
    ]


def test_abbreviations_both_ways_as_typed_first_and_phrases_kept(es):
    es.rebuild(abbreviation_docs(), total=4)
    assert titles(es, "htx") == [LITERAL, IN_FULL]
    assert titles(es, "hop tac xa") == [IN_FULL, LITERAL]
    assert titles(es, "Hợp tác xã") == [IN_FULL, LITERAL]
    assert titles(es, "htx che") == [IN_FULL]
    assert titles(es, '"ubnd tinh"') == [COUNCIL]
    assert titles(es, '"ubnd huyen"') == []
    snippet = es.search(SearchQuery(text="htx")).hits[1].snippet
    marked = [
        mark.text_content() for mark in lxml.html.fromstring(f"<p>{snippet}</p>").iter("mark")
    ]
    assert any("Hợp" in text for text in marked)


def test_an_editors_abbreviation_applies_without_a_reindex(es):
    es.rebuild(abbreviation_docs(), total=4)
    [index] = es.chains()
    assert titles(es, "attp") == []
    SearchSynonym.objects.create(abbreviation="ATTP", meaning="an toàn thực phẩm")
    es.update_synonyms()
    assert titles(es, "attp") == [KITCHEN]
    assert list(es.chains()) == [index]  # the same index: nothing was rebuilt
    SearchSynonym.objects.filter(folded_abbreviation="htx").delete()
    es.update_synonyms()
    assert titles(es, "htx") == [LITERAL]
