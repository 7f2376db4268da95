"""“Lưu bài”: a live public story saved as a file, PDF (WeasyPrint) or Word (python-docx), for
readers who keep stories to read offline or print later. /luu-bai/<id>.pdf, /luu-bai/<id>.docx.

Drafts, private and withdrawn stories are 404. The text is the story's plain text
(`core.plaintext`: one paragraph per paragraph, list items on their own lines).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from urllib.parse import quote

from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from core.pagecache import mark
from core.templatetags.core_tags import vn_datetime
from vietnamese.slugs import slugify

from .models import StoryPage

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class SavedStory:
    title: str
    meta: str
    sapo: str
    paragraphs: list[str]
    source: str
    url: str


def saved_story(story: StoryPage, request: HttpRequest) -> SavedStory:
    authors = ", ".join(author.name for author in story.authors)
    column = story.column.title if story.column else ""
    meta = " · ".join(part for part in (vn_datetime(story.display_date), column, authors) if part)
    paragraphs = [line.strip() for line in story.plain_text().splitlines() if line.strip()]
    source = _("Source: %(source)s") % {"source": story.source} if story.source else ""
    return SavedStory(
        story.title, meta, story.sapo, paragraphs, source, story.get_full_url(request) or ""
    )


def _story(page_id: int) -> StoryPage:
    story = StoryPage.objects.live().public().filter(pk=page_id).select_related("locality").first()
    if story is None:
        raise Http404
    return story


def _disposition(title: str, extension: str) -> str:
    """An ASCII name for old browsers and the Vietnamese one (RFC 6266) for the others."""
    ascii_name = (slugify(title, max_length=80) or "bai-viet") + extension
    full = (" ".join(title.split())[:120] or "bai-viet") + extension
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(full, safe='')}"


def _file(request: HttpRequest, content: bytes, kind: str, title: str, ext: str) -> HttpResponse:
    mark(request, params=())  # the same for every anonymous reader: the page cache keeps it
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = _disposition(title, ext)
    return response


def to_pdf(saved: SavedStory) -> bytes:
    from PIL import ImageFile

    lenient = ImageFile.LOAD_TRUNCATED_IMAGES
    from weasyprint import HTML  # imported here: loading pango takes a moment

    ImageFile.LOAD_TRUNCATED_IMAGES = lenient  # see campaigns.official.to_pdf
    html = render_to_string("stories/saved_story.html", {"story": saved})
    return HTML(string=html).write_pdf()


def to_docx(saved: SavedStory) -> bytes:
    from docx import Document
    from docx.shared import Pt

    document = Document()
    document.core_properties.title = saved.title
    document.add_heading(saved.title, level=1)
    if saved.meta:
        document.add_paragraph(saved.meta).runs[0].italic = True
    sapo = document.add_paragraph()
    sapo.add_run(saved.sapo).bold = True
    for text in saved.paragraphs:
        paragraph = document.add_paragraph(text)
        paragraph.paragraph_format.space_after = Pt(6)
    for tail in (saved.source, saved.url):
        if tail:
            document.add_paragraph(tail)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def story_pdf(request: HttpRequest, page_id: int) -> HttpResponse:
    story = _story(page_id)
    return _file(request, to_pdf(saved_story(story, request)), PDF, story.title, ".pdf")


def story_docx(request: HttpRequest, page_id: int) -> HttpResponse:
    story = _story(page_id)
    return _file(request, to_docx(saved_story(story, request)), DOCX, story.title, ".docx")
