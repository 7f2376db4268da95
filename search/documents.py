"""Turns live, public pages into `IndexedDocument`s; the one place search reads other apps,
and only through their selectors."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time

from django.utils import timezone
from wagtail.models import Page

from core.plaintext import clean_text, join_paragraphs, rich_text
from vietnamese.text import normalize

from .backends.base import IndexedDocument


def querysets() -> dict:
    from campaigns.selectors import searchable_campaign_pages
    from stories.selectors import searchable_story_pages

    return {**searchable_story_pages(), **searchable_campaign_pages()}


def _text(*parts) -> str:
    """Plain-text fields, one paragraph each: a sapo's last word and the next field's first
    word stay apart, so a phrase readers see is a phrase the engine finds."""
    return normalize(join_paragraphs(clean_text(part) for part in parts))


def _rich(value) -> str:
    """A RichTextField as text with its paragraph and list boundaries (`core.plaintext`)."""
    return normalize(rich_text(value))


def _page_url(page: Page) -> str:
    return page.get_url() or page.url_path


def build(kind: str, page: Page) -> IndexedDocument:
    doc = IndexedDocument(
        page_id=page.pk, kind=kind, title=normalize(page.title), url=_page_url(page)
    )
    if kind == "story":
        column = page.get_parent()
        doc.summary = _text(page.sapo)
        doc.body = normalize(page.plain_text())
        doc.date = page.display_date
        doc.column_id = column.pk if column else None
        doc.column_title = column.title if column else ""
        doc.locality_id = page.locality_id
        doc.locality_name = page.locality.name if page.locality_id else ""
        doc.tags = [(tag.slug, tag.name) for tag in page.tags.all()]
    elif kind == "exemplar":
        doc.summary = _text(page.summary)
        doc.body = _text(page.position, page.organisation, _rich(page.achievements))
        doc.exemplar_field = page.field
        doc.locality_id = page.locality_id
        doc.locality_name = page.locality.name if page.locality_id else ""
        doc.date = page.first_published_at
    elif kind == "document":
        doc.summary = _text(page.number, page.issuing_body)
        doc.body = _text(_rich(page.summary), page.signer, page.field)
        doc.date = timezone.make_aware(datetime.combine(page.issue_date, time(12)))
    else:  # column, series
        doc.summary = _rich(page.intro)
        doc.date = page.first_published_at
    return doc


def document_for(page_id: int) -> IndexedDocument | None:
    """The page's document if it is live and public now, else None (it must leave the index)."""
    for kind, queryset in querysets().items():
        page = queryset.filter(pk=page_id).first()
        if page is not None:
            return build(kind, page)
    return None


def all_documents() -> Iterator[IndexedDocument]:
    for kind, queryset in querysets().items():
        for page in queryset.order_by("pk").iterator(chunk_size=200):
            yield build(kind, page)


def count_documents() -> int:
    return sum(queryset.count() for queryset in querysets().values())
