"""Block boundaries in the index: a phrase a reader sees at the end of a paragraph, heading or
list item is a phrase the search finds, and snippets keep the words apart."""

from datetime import date

import pytest
from django.core.management import call_command
from lxml import html

from campaigns.models import ExemplarPage, LegalDocumentPage
from search.backends import get_backend
from search.backends.base import IndexedDocument
from search.documents import document_for
from tests.boundaries import BOUNDARIES, glued, make_boundary_story

SEARCH = "/tim-kiem/"


def result_urls(client, query: str) -> list[str]:
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    tree = html.fromstring(response.content)
    return tree.xpath("//article[contains(@class, 'search-hit')]//h2/a/@href")


def snippets(client, query: str) -> list[str]:
    tree = html.fromstring(client.get(SEARCH, {"q": query}).content)
    return [p.text_content() for p in tree.xpath("//p[contains(@class, 'search-hit__snippet')]")]


@pytest.mark.parametrize(
    "query",
    [
        '"suất cơm mỗi tuần"',  # a phrase ending a list item
        "suất cơm mỗi tuần",
        "suat com moi tuan",  # typed without diacritics
        '"từ đầu năm 2024"',  # a one-line paragraph followed by another
        '"giữa mùa lũ"',  # a heading
        '"tình nguyện viên"',  # a list item in a fact box
        '"cho bếp"',
    ],
)
def test_phrases_at_the_end_of_a_block_are_found(client, make_story, query):
    story = make_boundary_story(make_story)
    assert result_urls(client, query) == [story.url]


def test_snippets_keep_words_of_neighbouring_blocks_apart(client, make_story):
    make_boundary_story(make_story)
    for end, _start in BOUNDARIES:
        [snippet] = snippets(client, f'"{end}"')
        assert glued(snippet) == [], snippet
        assert end in snippet


def test_the_stored_document_has_no_glued_words(make_story):
    story = make_boundary_story(make_story)
    document = document_for(story.pk)
    assert glued(document.body) == []
    assert "năm 2024\n\nNhiều hộ" in document.body
    assert "mỗi tuần\nTặng áo" in document.body


def test_rich_text_of_exemplars_documents_and_columns_is_split_too(
    client, column, document_index, exemplar_index
):
    exemplar = ExemplarPage(
        title="Bà Lò Thị Dung",
        kind="individual",
        field="economy",
        achievements="<ul><li>Trồng 30 ha quế</li><li>Dạy nghề cho 40 hộ</li></ul>",
    )
    exemplar_index.add_child(instance=exemplar)
    exemplar.save_revision().publish()
    legal = LegalDocumentPage(
        title="Kế hoạch bồi dưỡng điển hình",
        number="12/KH-UBND",
        document_type=LegalDocumentPage._meta.get_field("document_type").choices[0][0],
        issuing_body="Ủy ban nhân dân tỉnh",
        issue_date=date(2025, 3, 4),
        summary="<p>Phát hiện nhân tố mới ở 12 xã</p><p>Biểu dương kịp thời</p>",
    )
    document_index.add_child(instance=legal)
    legal.save_revision().publish()
    column.intro = "<p>Những việc làm thầm lặng</p><p>Người thật việc thật</p>"
    column.save_revision().publish()

    assert result_urls(client, '"cho 40 hộ"') == [exemplar.url]
    assert result_urls(client, '"ha quế"') == [exemplar.url]
    assert result_urls(client, '"ở 12 xã"') == [legal.url]
    assert result_urls(client, '"việc làm thầm lặng"') == [column.url]


def test_search_reindex_repairs_an_index_built_with_glued_text(client, make_story):
    """The index is derived data: an index written by the old code (glued words) is repaired
    by `search_reindex` (the migration queues the same rebuild for the worker)."""
    story = make_boundary_story(make_story)
    old = document_for(story.pk)
    get_backend().index(
        [
            IndexedDocument(
                page_id=story.pk,
                kind="story",
                title=old.title,
                url=old.url,
                summary=old.summary,
                body=old.body.replace("\n", ""),  # what strip_tags produced
            )
        ]
    )
    assert result_urls(client, '"suất cơm mỗi tuần"') == []
    call_command("search_reindex", "--no-progress")
    assert result_urls(client, '"suất cơm mỗi tuần"') == [story.url]
