"""Folding, exact-first ranking and phrases: the contract every database backend meets
(this module runs on SQLite under `make test` and on PostgreSQL under `make test-postgres`)."""

import pytest

from search.backends.base import SearchQuery


def titles(backend, text, **kwargs):
    return [hit.title for hit in backend.search(SearchQuery(text=text, **kwargs)).hits]


def test_queries_with_and_without_diacritics_find_the_same_documents(backend, indexed):
    indexed(
        ("Điển hình tiên tiến ở Đồng Tháp", "Người tốt việc tốt được tuyên dương."),
        ("Đàm Thị Thu Hà làm giàu từ bưởi", "Chị Hà là gương sáng."),
        ("Chuyện khác", "Không liên quan."),
    )
    for pair in [
        ("dien hinh tien tien", "điển hình tiên tiến"),
        ("dam thi thu ha", "Đàm Thị Thu Hà"),
        ("nguoi tot viec tot", "người tốt việc tốt"),
    ]:
        plain, accented = (set(titles(backend, text)) for text in pair)
        assert plain == accented
        assert len(plain) == 1


def test_exact_diacritics_rank_first(backend, indexed):
    indexed(
        ("Bài một", "Con mà đi học"),
        ("Bài hai", "Cái mã số"),
        ("Bài ba", "Đôi má hồng"),
    )
    assert titles(backend, "má")[0] == "Bài ba"
    assert titles(backend, "mà")[0] == "Bài một"
    assert len(titles(backend, "ma")) == 3


def test_quoted_phrase_matches_syllables_in_order(backend, indexed):
    indexed(
        ("Đúng thứ tự", "Một điển hình tiên tiến của huyện."),
        ("Sai thứ tự", "Tiên tiến và điển hình là hai chuyện."),
    )
    assert titles(backend, '"điển hình tiên tiến"') == ["Đúng thứ tự"]
    assert titles(backend, '"dien hinh tien tien"') == ["Đúng thứ tự"]
    assert set(titles(backend, "dien hinh tien tien")) == {"Đúng thứ tự", "Sai thứ tự"}


def test_old_style_tone_marks_and_nfd_queries_match(backend, indexed):
    import unicodedata

    indexed(("Hòa bình và thủy lợi", "Nội dung."))
    assert titles(backend, "hoà thuỷ") == ["Hòa bình và thủy lợi"]
    assert titles(backend, unicodedata.normalize("NFD", "hòa bình")) == ["Hòa bình và thủy lợi"]


def test_snippet_marks_accented_words_for_a_folded_query(backend, indexed):
    indexed(("Tiêu đề", "Đây là câu chuyện về một điển hình tiên tiến <b>rất</b> đẹp."))
    hit = backend.search(SearchQuery(text="dien hinh")).hits[0]
    assert "<mark>điển</mark>" in hit.snippet
    assert "<mark>hình</mark>" in hit.snippet
    assert "<b>" not in hit.snippet


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_pagination_and_total(backend, indexed, sort):
    indexed(*[(f"Gương sáng số {n}", "nông dân sản xuất giỏi") for n in range(25)])
    first = backend.search(SearchQuery(text="nong dan", limit=10, sort=sort))
    third = backend.search(SearchQuery(text="nong dan", limit=10, offset=20, sort=sort))
    assert first.total == 25
    assert len(first.hits) == 10
    assert len(third.hits) == 5
    assert not {h.page_id for h in first.hits} & {h.page_id for h in third.hits}


def test_facets_count_matching_documents(backend, indexed):
    from search.backends.base import IndexedDocument

    indexed(
        IndexedDocument(
            1,
            "story",
            "Nông dân giỏi",
            "/a/",
            body="bưởi",
            column_id=7,
            column_title="Gương sáng",
            tags=[("buoi", "Bưởi")],
        ),
        IndexedDocument(2, "exemplar", "Nông dân Hà", "/b/", body="bưởi", exemplar_field="economy"),
        IndexedDocument(3, "story", "Khác", "/c/", body="lúa"),
    )
    results = backend.search(SearchQuery(text="buoi"))
    kinds = {f.value: f.count for f in results.facets["kind"]}
    assert kinds == {"story": 1, "exemplar": 1}
    assert [(f.label, f.count) for f in results.facets["column"]] == [("Gương sáng", 1)]
    assert [(f.value, f.count) for f in results.facets["tag"]] == [("buoi", 1)]
    filtered = backend.search(SearchQuery(text="buoi", kind="exemplar"))
    assert [h.page_id for h in filtered.hits] == [2]
    assert {f.value: f.count for f in filtered.facets["kind"]} == kinds


def test_suggest_titles_as_the_reader_types(backend, indexed):
    from search.backends.base import IndexedDocument

    indexed(
        IndexedDocument(1, "exemplar", "Đàm Thị Thu Hà", "/a/"),
        IndexedDocument(2, "story", "Chị Đàm Thị Thu Hà làm giàu", "/b/"),
        IndexedDocument(3, "story", "Chuyện khác", "/c/"),
    )
    found = backend.suggest("dam thi th")
    assert [s.title for s in found] == ["Đàm Thị Thu Hà", "Chị Đàm Thị Thu Hà làm giàu"]
    assert backend.suggest("") == []


def test_delete_removes_from_results(backend, indexed):
    docs = indexed(("Một", "bưởi da xanh"), ("Hai", "bưởi da xanh"))
    backend.delete([docs[0].page_id])
    assert titles(backend, "buoi") == ["Hai"]
