"""core.plaintext: rich text and StreamField values as text, boundaries kept."""

import unicodedata

import pytest
from wagtail.blocks import StreamValue

from core.plaintext import (
    CAPTION,
    IMAGE,
    ITEM,
    PARAGRAPH,
    block_text,
    html_blocks,
    html_to_text,
    stream_text,
)
from stories.blocks import StoryBodyBlock
from stories.models import StoryPage
from tests.boundaries import BODY, PIECES, glued


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>năm 2024</p><p>Nhiều hộ</p>", "năm 2024\n\nNhiều hộ"),
        ("<h2>Mùa lũ</h2><p>Từ đầu</p>", "Mùa lũ\n\nTừ đầu"),
        (
            "<p>Gồm:</p><ul><li>một</li><li>hai <b>ba</b></li></ul><p>Sau</p>",
            "Gồm:\n\nmột\nhai ba\n\nSau",
        ),
        ("<ol><li>a<ul><li>b</li></ul></li><li>c</li></ol>", "a\nb\nc"),
        # Inline elements never split a word; entities are decoded; spaces collapse.
        ('<p>Đ<b>iể</b>n <a href="/x">hì</a>nh&nbsp;tiên\n  tiến</p>', "Điển hình tiên tiến"),
        ("<p>dòng một<br>dòng hai<br/>dòng ba</p>", "dòng một\ndòng hai\ndòng ba"),
        (
            "<table><tr><th>Xã</th><th>Hộ</th></tr><tr><td>Nậm Mơ</td><td>12</td></tr></table>",
            "Xã\tHộ\nNậm Mơ\t12",
        ),
        ("<p>a</p><p> &nbsp; </p><p>b<script>x()</script><style>p{}</style></p>", "a\n\nb"),
        ("<div>một<div>hai</div>ba</div>", "một\n\nhai\n\nba"),
        ("<blockquote><p>trích</p></blockquote><p>tiếp</p>", "trích\n\ntiếp"),
        ("chữ trơn không thẻ", "chữ trơn không thẻ"),
        ("", ""),
        (None, ""),
    ],
)
def test_html_to_text_keeps_boundaries(html, text):
    assert html_to_text(html) == text


def test_output_is_nfc():
    decomposed = unicodedata.normalize("NFD", "<p>Người tốt</p><p>việc tốt</p>")
    text = html_to_text(decomposed)
    assert text == "Người tốt\n\nviệc tốt"
    assert unicodedata.is_normalized("NFC", text)


def test_blocks_tell_images_and_captions_from_paragraphs():
    blocks = html_blocks(
        '<p>Mở đầu</p><figure><img src="a.jpg" alt="Cánh đồng"><figcaption>Lúa chín ở '
        "Nậm Mơ</figcaption></figure><p><em>Bà con gặt lúa</em></p><ul><li>x</li></ul>"
    )
    assert [(b.kind, b.text, b.italic) for b in blocks] == [
        (PARAGRAPH, "Mở đầu", False),
        (IMAGE, "Cánh đồng", False),
        (CAPTION, "Lúa chín ở Nậm Mơ", False),
        (PARAGRAPH, "Bà con gặt lúa", True),
        (ITEM, "x", False),
    ]


def test_wagtail_image_embeds_are_images_not_text():
    blocks = html_blocks(
        '<p>a</p><embed alt="Ảnh" embedtype="image" format="left" id="3"/><p>b</p>'
    )
    assert [b.kind for b in blocks] == [PARAGRAPH, IMAGE, PARAGRAPH]
    assert html_to_text('<p>a</p><embed embedtype="image" id="3"/><p>b</p>') == "a\n\nb"


@pytest.mark.django_db
def test_story_body_text_is_its_pieces_one_per_line():
    text = StoryPage(title="Bài", body=BODY).plain_text()
    assert text == stream_text(StreamValue(StoryBodyBlock(), BODY, is_lazy=False))
    assert [line for line in text.splitlines() if line] == PIECES
    assert glued(text) == []


def test_every_story_block_declares_or_derives_its_text(image):
    """A new block type must not silently fall out of search and radio: each one either has
    text or says why not (its own `plain_text`)."""
    block = StoryBodyBlock()
    samples = {
        "paragraph": "<p>đoạn một</p><p>đoạn hai</p>",
        "image": {"image": image, "caption": "Chú thích", "credit": "Lan"},
        "quote": {"text": "Lời trích", "attribution": "Người nói"},
        "fact_box": {"title": "Tiêu đề", "body": "<ul><li>ý một</li><li>ý hai</li></ul>"},
        "audio": {"audio": None, "caption": "Âm thanh", "transcript": "Lời thoại"},
        "video": {"file": None, "caption": "Video", "transcript": "Lời", "poster": None},
    }
    assert set(samples) == set(block.child_blocks), "a new block: add it here with its text"
    expected = {
        "paragraph": "đoạn một\n\nđoạn hai",
        "image": "",
        "quote": "Lời trích",
        "fact_box": "Tiêu đề\n\ný một\ný hai",
        "audio": "",
        "video": "",
    }
    for name, raw in samples.items():
        child = block.child_blocks[name]
        assert (
            block_text(child, child.to_python(child.get_prep_value(child.normalize(raw))))
            == (expected[name])
        ), name


def test_wagtail_admin_search_reads_the_same_text():
    """Wagtail's own index (the admin's page search) takes rich text through
    get_searchable_content: a <br> or a table must not glue words there either."""
    block = StoryBodyBlock().child_blocks["paragraph"]
    value = block.to_python(
        "<p>Từ đầu năm 2024<br>Nhiều hộ</p><table><tr><td>Xã</td><td>Hộ</td></tr></table>"
    )
    assert block.get_searchable_content(value) == ["Từ đầu năm 2024\nNhiều hộ\n\nXã\tHộ"]
