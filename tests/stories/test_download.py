"""“Lưu bài”: a live public story as PDF and Word, opened and read back; anything else is 404."""

import io
import unicodedata
from urllib.parse import unquote

import docx
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from wagtail.models import PageViewRestriction

TITLE = "Người giữ rừng ở Nậm Mơ"
BODY = [
    ("paragraph", "<p>Đoạn thứ nhất: anh Hùng nhận khoán bảo vệ rừng từ năm 2005.</p>"),
    ("paragraph", "<p>Đoạn thứ hai: cả bản cùng anh trồng lại ba mươi héc-ta rừng.</p>"),
]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


@pytest.fixture
def story(make_story):
    return make_story(TITLE, body=BODY, source="Báo Lan Tỏa")


def test_share_row_links_to_both_files(client, story):
    page = BeautifulSoup(client.get(story.url).content.decode(), "html.parser")
    links = {a.text: a["href"] for a in page.select(".share .share__save a")}
    assert links == {"PDF": f"/luu-bai/{story.pk}.pdf", "Word": f"/luu-bai/{story.pk}.docx"}
    assert "Lưu bài" in page.select_one(".share__save-label").text


def _filename(response) -> str:
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    ascii_name = disposition.split('filename="')[1].split('"')[0]
    assert ascii_name.isascii()
    return ascii_name, unquote(disposition.split("filename*=UTF-8''")[1])


def test_pdf_has_the_title_and_separate_paragraphs(client, story):
    response = client.get(f"/luu-bai/{story.pk}.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert _filename(response) == ("nguoi-giu-rung-o-nam-mo.pdf", f"{TITLE}.pdf")
    reader = PdfReader(io.BytesIO(response.content))
    lines = [nfc(line) for page in reader.pages for line in page.extract_text().splitlines()]
    text = "\n".join(lines)
    assert TITLE in lines
    first = text.index("Đoạn thứ nhất")
    second = text.index("Đoạn thứ hai")
    assert first < second
    assert "\n" in text[first:second]  # a paragraph of its own, not run together
    assert "Nguồn: Báo Lan Tỏa" in text


def test_docx_has_the_title_and_one_paragraph_each(client, story):
    response = client.get(f"/luu-bai/{story.pk}.docx")
    assert response.status_code == 200
    assert _filename(response)[1] == f"{TITLE}.docx"
    document = docx.Document(io.BytesIO(response.content))
    paragraphs = [p.text for p in document.paragraphs if p.text]
    assert paragraphs[0] == TITLE and document.paragraphs[0].style.name == "Heading 1"
    assert document.core_properties.title == TITLE
    assert paragraphs[2] == story.sapo
    assert paragraphs[3:5] == [
        "Đoạn thứ nhất: anh Hùng nhận khoán bảo vệ rừng từ năm 2005.",
        "Đoạn thứ hai: cả bản cùng anh trồng lại ba mươi héc-ta rừng.",
    ]


def test_drafts_private_and_withdrawn_stories_are_404(client, make_story, story):
    draft = make_story("Bản nháp", live=False)
    private = make_story("Bài riêng tư")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    withdrawn = make_story("Bài đã gỡ")
    withdrawn.unpublish()
    for page in (draft, private, withdrawn):
        for ext in ("pdf", "docx"):
            assert client.get(f"/luu-bai/{page.pk}.{ext}").status_code == 404
    assert client.get(f"/luu-bai/{story.column.pk}.pdf").status_code == 404  # not a story
    assert client.get("/luu-bai/999999.docx").status_code == 404
