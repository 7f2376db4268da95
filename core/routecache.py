"""The page a URL leads to, with what its last render read, from the cache every process shares.

A request the page cache cannot answer (a reader with a session cookie, a query variant, the
first reader after a change) still renders the page; most of that render's cost is not the
template but the ORM finding the site, walking the page tree and reading what the page shows
(authors, tags, related stories…). Wagtail keeps its route result on the request
(`request._wagtail_site`, `request._wagtail_route_for_request`); this middleware fills both
from the cache, and after an anonymous reader's successful render stores them — the page
instance then carries what it memoised while rendering (its `cached_property` values and
prefetched rows).

Entries live under the site generation (`core.cache`), so any change readers must see retires
them in every process at once, together with the page cache. Only routes to live pages that
every reader may see are stored (no view restriction, a 200, a GET without a session), so the
stored page never holds anything one reader may see and another may not.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from .cache import SAFETY_TIMEOUT, generation

logger = logging.getLogger(__name__)
STATUS_HEADER = "X-Route-Cache"


def _key(current: int, request: HttpRequest) -> str:
    where = f"{request.scheme}\n{request.get_host()}\n{request.path}"
    return f"route:{current}:{hashlib.sha256(where.encode()).hexdigest()[:40]}"


class RouteCacheMiddleware:
    """Sets Wagtail's per-request route from the shared cache; stores it after a public render."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        current = generation() if self._may_use(request) else None
        if current is None:
            return self.get_response(request)
        key = _key(current, request)
        stored = cache.get(key)
        if stored is not None:
            try:
                request._wagtail_site, request._wagtail_route_for_request = pickle.loads(stored)
            except Exception:  # a class renamed by a deploy: route afresh
                logger.warning("unreadable route cache entry %s", key, exc_info=True)
            else:
                response = self.get_response(request)
                response[STATUS_HEADER] = "hit"
                return response
        response = self.get_response(request)
        if self._may_store(request, response):
            self._store(key, request, response)
        return response

    @staticmethod
    def _may_use(request: HttpRequest) -> bool:
        return settings.ROUTE_CACHE_ENABLED and request.method in ("GET", "HEAD")

    @staticmethod
    def _may_store(request: HttpRequest, response: HttpResponse) -> bool:
        marker = getattr(request, "_page_cache", None)  # core.pagecache.mark: same for everyone
        user = getattr(request, "user", None)
        return bool(
            request.method == "GET"
            and response.status_code == 200
            and marker
            and marker[0]
            and getattr(request, "_wagtail_route_for_request", None)
            and not (user is not None and user.is_authenticated)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )

    @staticmethod
    def _store(key: str, request: HttpRequest, response: HttpResponse) -> None:
        # Django has rendered the TemplateResponse by now, so the page carries what its render
        # memoised (cached properties, prefetches).
        route = (request._wagtail_site, request._wagtail_route_for_request)
        try:
            blob = pickle.dumps(route, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # something unpicklable memoised: this page just is not stored
            logger.warning("route for %s cannot be cached", request.path, exc_info=True)
            return
        cache.set(key, blob, SAFETY_TIMEOUT)
        response[STATUS_HEADER] = "miss"
