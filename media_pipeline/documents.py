"""Wagtail documents, served only through Wagtail's serving view (its collection privacy:
login, groups or a password), with caching headers a CDN acts on: a document anyone may read
is cached for DOCUMENT_CACHE_SECONDS; one behind a restriction, and the login redirect, never.

The files themselves have no direct URL (core.storage): this view is the only way out."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from wagtail.documents.views.serve import serve

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
