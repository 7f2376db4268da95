"""Queries typed with the Vietnamese input method off (Telex, VNI) find what they spell, on the
reader's results page, read as a browser reads it."""

import lxml.html
import pytest

from search.backends.base import IndexedDocument

SEARCH = "/tim-kiem/"


@pytest.fixture
def corpus(indexed):
    return indexed(
        IndexedDocument(1, "story", "Điện Biên mùa hoa ban", "/a/", body="Bản làng Điện Biên."),
        IndexedDocument(
            2, "exemplar", "Lường Văn Đức", "/b/", body="Người dân tộc Thái giúp bản giảm nghèo."
        ),
        IndexedDocument(3, "story", "Giảm nghèo bền vững ở vùng cao", "/c/", body="Mô hình mới."),
        IndexedDocument(4, "story", "Chống tấn công ddos", "/d/", body="An toàn mạng ddos."),
    )


def _class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def _page(client, q: str):
    response = client.get(SEARCH, {"q": q})
    assert response.status_code == 200
    document = lxml.html.fromstring(response.content.decode())
    hits = document.xpath(f"//*[{_class('search-hit')}]//h2/a")
    titles = [a.text_content().strip() for a in hits]
    notes = [p.text_content().strip() for p in document.xpath(f"//*[{_class('search-note')}]")]
    return titles, notes, document


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("ddieenj bieen", "Điện Biên mùa hoa ban"),
        ("luwowngf vawn dduwcs", "Lường Văn Đức"),
        ("gia3m nghe2o", "Giảm nghèo bền vững ở vùng cao"),
    ],
)
def test_telex_and_vni_typed_without_the_input_method_find_the_story(client, corpus, typed, title):
    titles, notes, document = _page(client, typed)
    assert title in titles
    assert any(typed in note for note in notes)  # the reader is told what was searched instead
    assert document.get_element_by_id("search-q").get("value") != typed


def test_a_word_found_as_typed_is_not_decoded(client, corpus):
    titles, notes, _ = _page(client, "ddos")  # Telex would read it as "đó"
    assert titles == ["Chống tấn công ddos"]
    assert not notes


def test_an_unaccented_query_that_finds_things_is_left_alone(client, corpus):
    titles, notes, _ = _page(client, "dien bien")
    assert titles == ["Điện Biên mùa hoa ban"]
    assert not notes


def test_a_code_with_nothing_to_decode_still_says_nothing_was_found(client, corpus):
    titles, notes, document = _page(client, "2055/QĐ")
    assert titles == []
    assert not notes
    assert document.xpath(f"//*[{_class('empty-state')}]")
