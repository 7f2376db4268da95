"""Public pages for anonymous readers, from the cache every process shares.

A view says its response is the same for every anonymous reader with `mark()` (the
`before_serve_page` hook does it for every Wagtail page without a view restriction;
`public_page` decorates other views: tag pages, the sitemap). The middleware then stores a
GET's 200 (and briefly a 410) under the site generation, so any change that calls
`core.cache.site_changed()` retires every stored page in every process at once.

Never stored: requests with a session or messages cookie (logged-in editors, previews,
readers who unlocked a password page), POSTs, responses that set a cookie (CSRF, messages),
that say private/no-store/no-cache, other statuses, pages behind a view restriction, and query
strings the view did not declare (`?page=` and the directory's filters are declared; tracking
parameters such as `fbclid` are answered from the copy without them; anything else is
rendered afresh). At most PAGE_CACHE_VARIANTS query variants are kept per path.
Every stored page carries an ETag (answered with 304), `Cache-Control: public` with a short
max-age, an s-maxage for a CDN and stale-while-revalidate, and `Vary: Cookie, Accept-Encoding`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers

from .cache import request_generation

DEFAULT_PARAMS = frozenset({"page"})
# Added by social networks and campaigns to shared links; no page reads them.
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "zarsrc", "utm_source", "utm_medium", "utm_campaign", "utm_term"}
    | {"utm_content", "utm_id", "_ga", "_gl"}
)
CACHEABLE_STATUSES = (200, 410)
UNCACHEABLE_DIRECTIVES = ("private", "no-cache", "no-store")
STATUS_HEADER = "X-Page-Cache"
PRIVATE_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")


def mark(request: HttpRequest, params: Iterable[str] = DEFAULT_PARAMS, private: bool = False):
    """This response is the same for every anonymous reader (unless `private`).

    `params`: the query parameters the view reads; a request with any other is not stored.
    """
    request._page_cache = (not private, frozenset(params))


def public_page(view: Callable | None = None, *, params: Iterable[str] = DEFAULT_PARAMS):
    """Decorator form of `mark` for function views."""

    def decorate(function: Callable) -> Callable:
        @wraps(function)
        def wrapper(request: HttpRequest, *args, **kwargs):
            mark(request, params)
            return function(request, *args, **kwargs)

        return wrapper

    return decorate(view) if view is not None else decorate


def _query(request: HttpRequest) -> tuple[list[tuple[str, str]], bool]:
    """The query string's pairs without tracking parameters (sorted), and whether any was there."""
    pairs = [(name, value) for name, values in request.GET.lists() for value in values]
    kept = sorted(pair for pair in pairs if pair[0] not in TRACKING_PARAMS)
    return kept, len(kept) != len(pairs)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:40]


def _cache_control(status: int) -> str:
    browser = settings.PAGE_CACHE_MAX_AGE
    shared = settings.PAGE_CACHE_SHARED_MAX_AGE
    if status != 200:
        browser = min(browser, settings.PAGE_CACHE_GONE_SECONDS)
        shared = min(shared, settings.PAGE_CACHE_GONE_SECONDS)
    return f"public, max-age={browser}, s-maxage={shared}, stale-while-revalidate=30"


class PageCacheMiddleware:
    """Looks a page up before sessions, CSRF and messages run; stores it after they have."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with request_generation() as generation:
            if generation is None or not self._may_use_cache(request):
                return self._private_if_marked(request, self.get_response(request))
            pairs, had_tracking = _query(request)
            host, path = request.get_host(), request.path
            query = "&".join(f"{name}={value}" for name, value in pairs)
            key = f"page:{generation}:{_digest(request.scheme, host, path, query)}"
            entry = cache.get(key)
            if entry is not None:
                return self._from_entry(request, entry)
            response = self.get_response(request)
            if not self._is_public(request, response):
                return self._private_if_marked(request, response)
            self._add_headers(response)
            allowed = request._page_cache[1]
            if (
                request.method == "GET"
                and not had_tracking
                and all(name in allowed for name, _value in pairs)
                and (not pairs or self._may_add_variant(generation, host, path))
            ):
                timeout = (
                    settings.PAGE_CACHE_SECONDS
                    if response.status_code == 200
                    else settings.PAGE_CACHE_GONE_SECONDS
                )
                headers = [(name, value) for name, value in response.items()]
                cache.set(key, (response.status_code, response.content, headers), timeout)
            return get_conditional_response(request, etag=response["ETag"], response=response)

    @staticmethod
    def _may_use_cache(request: HttpRequest) -> bool:
        return (
            settings.PAGE_CACHE_ENABLED
            and request.method in ("GET", "HEAD")
            and not any(name in request.COOKIES for name in PRIVATE_COOKIES)
            and "HTTP_AUTHORIZATION" not in request.META
        )

    @staticmethod
    def _is_public(request: HttpRequest, response: HttpResponse) -> bool:
        marker = getattr(request, "_page_cache", None)
        user = getattr(request, "user", None)
        return bool(
            marker
            and marker[0]
            and response.status_code in CACHEABLE_STATUSES
            and not response.streaming
            and not response.cookies
            and not (user is not None and user.is_authenticated)
            and not any(
                directive in response.get("Cache-Control", "")
                for directive in UNCACHEABLE_DIRECTIVES
            )
        )

    @staticmethod
    def _may_add_variant(generation: int, host: str, path: str) -> bool:
        """Bounds the copies of one path (?page=abc, ?page=2&page=3 … are all different keys)."""
        key = f"page-variants:{generation}:{_digest(host, path)}"
        cache.add(key, 0, settings.PAGE_CACHE_SECONDS)
        try:
            return cache.incr(key) <= settings.PAGE_CACHE_VARIANTS
        except ValueError:
            return False

    @staticmethod
    def _add_headers(response: HttpResponse) -> None:
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = _cache_control(response.status_code)
        patch_vary_headers(response, ("Cookie", "Accept-Encoding"))
        response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        response[STATUS_HEADER] = "miss"

    @staticmethod
    def _from_entry(request: HttpRequest, entry) -> HttpResponse:
        status, content, headers = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response[STATUS_HEADER] = "hit"
        return get_conditional_response(request, etag=response["ETag"], response=response)

    @staticmethod
    def _private_if_marked(request: HttpRequest, response: HttpResponse) -> HttpResponse:
        """A page view that is not for everyone (an editor, a private page): no shared caches."""
        if getattr(request, "_page_cache", None) and not response.has_header("Cache-Control"):
            response["Cache-Control"] = "private, no-cache"
        return response
