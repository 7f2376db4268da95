"""A CDN or caching proxy in front of the site: PURGE every URL a page change touches.

Only when one is configured (settings.WAGTAILFRONTENDCACHE, from FRONTEND_CACHE_URL): Wagtail's
frontend cache backends send the requests from a background task. The site's own page cache
needs none of this: it is retired by the site generation (core.cache).

A page's URL set is the page (with its routes), its ancestors up to the home page (column,
section, home), and what apps list through the `page_cache_urls` hook: tag pages, series and
exemplar pages for a story, the feeds that carry it, the sitemap.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from wagtail import hooks
from wagtail.models import Page, Site

PAGE_URLS_HOOK = "page_cache_urls"


def enabled() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _site_root(url_path: str):
    for root in Site.get_site_root_paths():
        if url_path.startswith(root.root_path):
            return root
    return None


def url_at(url_path: str) -> str | None:
    """The full URL a tree path (`url_path`) is served at, whether or not a page is there now."""
    root = _site_root(url_path)
    return root.root_url + "/" + url_path[len(root.root_path) :] if root else None


def page_urls(page: Page) -> set[str]:
    """Every URL whose content shows this page (see the module docstring)."""
    page = page.specific_deferred
    root = _site_root(page.url_path)
    url = page.get_full_url()
    if root is None or url is None:
        return set()
    urls = {url + path.lstrip("/") for path in page.get_cached_paths()}
    for ancestor in page.get_ancestors().filter(depth__gt=1):
        if full := ancestor.get_full_url():
            urls.add(full)
    for hook in hooks.get_hooks(PAGE_URLS_HOOK):
        urls.update(item if "://" in item else root.root_url + item for item in hook(page) if item)
    return urls


def purge_after_commit(urls: Iterable[str]) -> None:
    """Sends the PURGE requests (a Wagtail task) once the change is committed."""
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    batch = sorted(set(urls))
    if batch:
        transaction.on_commit(lambda: purge_urls_from_cache(batch), robust=True)
