"""Live, public pages as `IndexedDocument`s. Search reads no other app: each page model builds
its own document (`search_document()`, as Wagtail models declare `search_fields`), and each app
lists its searchable pages through the `register_search_documents` Wagtail hook:

    @hooks.register("register_search_documents")
    def searchable_pages() -> dict[str, QuerySet]:
        return {"story": StoryPage.objects.live().public(), ...}

The helpers below (`page_document`, `plain_fields`, `rich_field`) give every page the same
text rules."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import QuerySet
from wagtail import hooks
from wagtail.models import Page

from core.plaintext import clean_text, join_paragraphs, rich_text
from vietnamese.text import normalize

from .backends.base import IndexedDocument

SEARCH_DOCUMENTS_HOOK = "register_search_documents"


def querysets() -> dict[str, QuerySet]:
    """Each kind's live, public pages, from every app's `register_search_documents` hook."""
    found: dict[str, QuerySet] = {}
    for hook in hooks.get_hooks(SEARCH_DOCUMENTS_HOOK):
        found.update(hook())
    return found


def plain_fields(*parts) -> str:
    """Plain-text fields, one paragraph each: a sapo's last word and the next field's first
    word stay apart, so a phrase readers see is a phrase the engine finds."""
    return normalize(join_paragraphs(clean_text(part) for part in parts))


def rich_field(value) -> str:
    """A RichTextField as text with its paragraph and list boundaries (`core.plaintext`)."""
    return normalize(rich_text(value))


def page_document(page: Page, kind: str, kind_label: str, **fields) -> IndexedDocument:
    """The fields every page shares (id, kind and its label, title, URL) plus its own."""
    return IndexedDocument(
        page_id=page.pk,
        kind=kind,
        kind_label=str(kind_label),
        title=normalize(page.title),
        url=page.get_url() or page.url_path,
        **fields,
    )


def build(page: Page) -> IndexedDocument:
    return page.search_document()


def document_for(page_id: int) -> IndexedDocument | None:
    """The page's document if it is live and public now, else None (it must leave the index)."""
    for queryset in querysets().values():
        page = queryset.filter(pk=page_id).first()
        if page is not None:
            return build(page)
    return None


def all_documents() -> Iterator[IndexedDocument]:
    for queryset in querysets().values():
        for page in queryset.order_by("pk").iterator(chunk_size=200):
            yield build(page)


def count_documents() -> int:
    return sum(queryset.count() for queryset in querysets().values())
