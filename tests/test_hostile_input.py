"""Every public URL and parameter, fed the hostile corpus the security audit used (issue 12):
an anonymous reader never gets a server error, only a page or a clear 4xx.

Runs on the demo site (the real page tree, outlets, campaigns), through the whole middleware
stack with DEBUG off. The corpus: non-ASCII digits (`²`, `٣`), huge and negative numbers, lone
surrogates, NUL and control characters, deep JSON nesting, SQL/FTS syntax, markup, overlong
values, path tricks.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

HOSTILE_VALUES = [
    "",
    "0",
    "-1",
    "²",
    "٣",
    "1²",
    "1e9",
    "9" * 30,
    "2147483648",
    "1.5",
    " 1",
    "abc",
    "%ED%A0%80",  # a lone surrogate, UTF-8 encoded as an attacker sends it
    "%FF%FE",  # not UTF-8 at all
    "%00",
    "\x00",
    "\x1b[31m",
    "' OR 1=1 --",
    '"',
    'NEAR("a" "b")',
    "a* OR b*",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "x" * 5000,
    "điện biên",
    "dien bien",
]
# What each public view reads from the query string.
PARAMETERS = {
    "search": ("/tim-kiem/", ["q", "page", "kind", "column", "field", "year", "sort"]),
    "suggest": ("/tim-kiem/goi-y/", ["q", "limit"]),
    "search alias": ("/search/", ["q"]),
    "all feed": ("/feeds/all.rss", ["limit", "outlet", "token"]),
    "atom feed": ("/feeds/all.atom", ["limit", "outlet", "token"]),
    "sitemap": ("/sitemap.xml", ["p"]),
    "pixel": ("/e.gif", ["p"]),
    "tags": ("/tu-khoa/", ["page"]),
    "corrections": ("/dinh-chinh/", ["page"]),
}
HOSTILE_PATHS = [
    "/radio/script/" + "9" * 30 + ".txt",
    "/radio/script/0.txt",
    "/feeds/outlet/" + "9" * 30 + ".rss",
    "/feeds/column/%C0%AE%C0%AE.rss",
    "/feeds/tag/" + quote("điện") + ".rss",
    "/radio/outlet/" + "9" * 30 + "/rundown/",
    "/radio/outlet/" + "9" * 30 + "/bai-tin/2021-12-02.mp3",
    "/radio/outlet/1/bai-tin/..%2F..%2Fsettings.mp3",
    "/radio/outlet/1/bai-tin/0001-01-01.mp3",
    "/radio/confirm/" + "x" * 300 + "/",
    "/radio/confirm/..%2F..%2F/",
    "/tu-khoa/" + "a" * 300 + "/",
    "/tac-gia/" + "a" * 300 + "/",
    "/tac-gia/" + quote("điện") + "/",
    "/%00/",
    "/" + quote("\u202e") + "/",
    "/" + "a/" * 60,
    "/media/../lantoa/settings.py",
    "/documents/" + "9" * 30 + "/x.pdf",
    "/favicon.ico",
]
BEACON_BODIES = [
    b"",
    b"{}",
    b"[" * 1000,
    b"{" * 1000,
    b'{"t": "view", "p": "\\ud800"}',
    b'{"t": "search", "q": "\\ud800\\udfff\\ud800", "n": 1}',
    b'{"t": "view", "p": 99999999999999999999999999999}',
    b'{"t": "view", "p": -1}',
    b'{"t": "view", "p": 1.5}',
    b'{"t": "view", "p": true}',
    b'{"t": "\\u0000"}',
    b"\xff\xfe\x00",
    json.dumps({"t": "search", "q": "x" * 10000, "n": 0}).encode(),
]


@pytest.fixture
def demo(settings):
    settings.DEBUG = False
    call_command("load_demo", stdout=io.StringIO())


def _pages() -> list[str]:
    """Public pages of the demo whose views read query parameters (listings, directory)."""
    from wagtail.models import Page

    return [page.url for page in Page.objects.live().public().filter(depth__gte=2)[:40]]


def _author_pages() -> list[str]:
    """Author pages of the demo (views, not Wagtail pages: they read `?page=`)."""
    from stories.models import Author

    authors = Author.objects.filter(story_links__isnull=False).distinct().order_by("pk")[:3]
    return [author.get_absolute_url() for author in authors]


def test_no_hostile_request_ends_in_a_server_error(demo):
    client = Client(raise_request_exception=False)
    statuses: Counter[int] = Counter()
    failures: list[str] = []

    def query(**pairs: str) -> str:
        """A query string as sent on the wire: values starting with % are sent as they are."""
        return "&".join(
            f"{name}={value if value.startswith('%') else quote(value, safe='')}"
            for name, value in pairs.items()
        )

    def check(method: str, url: str, **kwargs) -> None:
        response = getattr(client, method)(url, **kwargs)
        statuses[response.status_code] += 1
        if response.status_code >= 500:
            failures.append(
                f"{method.upper()} {url[:120]!r} {str(kwargs)[:80]} → {response.status_code}"
            )

    for _name, (path, names) in PARAMETERS.items():
        for name in names:
            for value in HOSTILE_VALUES:
                extra = {"q": "bien"} if name != "q" else {}
                check("get", f"{path}?{query(**{name: value}, **extra)}")
    # Empty result pages and pages past the end (the audit's `?q=<no hits>&page=2`).
    for page in ("2", "999999", "0", "-3", "²"):
        check("get", f"/tim-kiem/?{query(q='khongcoketquanao', page=page)}")
        check("get", f"/tim-kiem/?{query(q='bien', page=page)}")
    author_pages = _author_pages()
    assert author_pages  # the demo's bylines have pages to feed
    for url in _pages() + author_pages:
        for name in ("page", "kind", "field", "locality", "stage", "year", "q"):
            for value in HOSTILE_VALUES[:16]:
                check("get", f"{url}?{query(**{name: value})}")
    for path in HOSTILE_PATHS:
        check("get", path)
    # The sign-in form (django-axes counts every attempt: hostile usernames must not break it).
    for value in HOSTILE_VALUES:
        check("post", "/admin/login/", data={"username": value, "password": value})
    for body in BEACON_BODIES:
        check("post", "/e/", data=body, content_type="text/plain")
        check("post", "/e/", data=body, content_type="application/json")

    total = sum(statuses.values())
    print(f"hostile corpus: {total} requests, statuses {dict(sorted(statuses.items()))}")
    assert failures == [], f"{len(failures)} of {total} requests ended in a server error"
    assert total > 1000
