"""Answers 410 Gone, with a notice, where a withdrawn story used to be."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control

from .withdrawals import Withdrawal

# A takedown can be reversed (republishing): shared caches may keep the notice this long.
NOTICE_MAX_AGE = 300


class WithdrawalNoticeMiddleware:
    """Turns a page-not-found at a withdrawn story's address into its takedown notice.

    Only 404 answers to GET and HEAD are looked at (one query each), so live pages cost
    nothing. Placed above Wagtail's RedirectMiddleware: a redirect an editor set up wins.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        if "\0" in request.path:
            return response
        withdrawal = Withdrawal.for_request(request)
        if withdrawal is None or withdrawal.silent:
            return response
        notice = render(request, "stories/withdrawn.html", {"withdrawal": withdrawal}, status=410)
        notice["X-Robots-Tag"] = "noindex"
        patch_cache_control(notice, public=True, max_age=NOTICE_MAX_AGE)
        return notice
