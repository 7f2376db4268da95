"""Wagtail documents, served only through Wagtail's serving view (its collection privacy:
login, groups or a password), with caching headers a CDN acts on: a document anyone may read
is cached for DOCUMENT_CACHE_SECONDS; one behind a restriction, and the login redirect, never.

The files themselves have no direct URL (core.storage): this view is the only way out."""

from __future__ import annotations

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve
from wagtail.models import CollectionViewRestriction, Site

from core import purge

# Set on the request by the `before_serve_document` hook (media_pipeline.wagtail_hooks).
RESTRICTED = "_lantoa_document_restricted"
DEFAULT_CACHE_SECONDS = 3600


def note_restriction(document, request: HttpRequest) -> None:
    """Remembers whether the document's collection is restricted (Wagtail's own hook decides
    whether this request may read it)."""
    setattr(request, RESTRICTED, document.collection.get_view_restrictions().exists())


def serve_document(request: HttpRequest, document_id: int, document_filename: str) -> HttpResponse:
    response = serve(request, document_id, document_filename)
    public = response.status_code in (200, 304) and getattr(request, RESTRICTED, True) is False
    if public:
        seconds = getattr(settings, "DOCUMENT_CACHE_SECONDS", DEFAULT_CACHE_SECONDS)
        patch_cache_control(response, public=True, max_age=seconds)
    else:
        patch_cache_control(response, private=True, no_store=True, max_age=0)
    return response


def document_urls(documents) -> set[str]:
    """The full URLs a CDN may hold for these documents, on every site."""
    roots = [root.root_url for root in Site.get_site_root_paths()]
    return {root + document.url for document in documents for root in roots}


def purge_document(sender, instance, **kwargs) -> None:
    """A document changed or went: a CDN in front must not keep the old file (or a file now
    in a restricted collection) for DOCUMENT_CACHE_SECONDS."""
    if purge.enabled():
        purge.purge_after_commit(document_urls([instance]))


def purge_collection(sender, instance, **kwargs) -> None:
    """A collection's privacy changed: purge its documents and those of its descendants."""
    if purge.enabled():
        collections = instance.collection.get_descendants(inclusive=True)
        documents = get_document_model().objects.filter(collection__in=collections)
        purge.purge_after_commit(document_urls(documents.only("pk", "file")))


def connect_receivers() -> None:
    Document = get_document_model()
    for signal in (post_save, post_delete):
        signal.connect(purge_document, sender=Document, dispatch_uid=f"media.purge:{signal}")
        signal.connect(
            purge_collection,
            sender=CollectionViewRestriction,
            dispatch_uid=f"media.purge_collection:{signal}",
        )
