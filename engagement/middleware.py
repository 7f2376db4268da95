"""The beacon's fast path: `POST /e/` skips the middleware a page view needs.

A beacon carries no cookie, session or CSRF token and renders nothing, so sessions, auth,
messages, locale, CSRF and redirects only cost time on the hottest endpoint. Placed first in
MIDDLEWARE; every other request passes straight through.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .views import beacon

BEACON_PATH = "/e/"


class BeaconFastPathMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info == BEACON_PATH and request.method == "POST":
            return beacon(request)
        return self.get_response(request)
