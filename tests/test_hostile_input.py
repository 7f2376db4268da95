"""Every public URL and parameter, fed the hostile corpus the security audit used (issue 12):
an anonymous reader never gets a server error, only a page or a clear 4xx.

Runs on the demo site (the real page tree, outlets, campaigns), through the whole middleware
stack with DEBUG off. The corpus: non-ASCII digits (`²`, `٣`), huge and negative numbers, lone
surrogates, NUL and control characters, deep JSON nesting, SQL/FTS syntax, markup, overlong
values, path tricks. One test per view and per listing parameter, on one demo loaded (and
rendered) for the whole file (`demo_rendered`, tests/conftest.py): a file of its own each
would load and render the demo again, which costs more than spreading them over the xdist
workers saves.
"""

from __future__ import annotations

import json
from collections import Counter
from urllib.parse import quote

import pytest
from django.test import Client
from wagtail.models import Page

from stories.models import Author

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
pytestmark = [pytest.mark.django_db, pytest.mark.slow]

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
# What the demo's pages (listings, the directory) and author pages read from the query string.
PAGE_PARAMETERS = ["page", "kind", "field", "locality", "stage", "year", "q"]
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


def query(**pairs: str) -> str:
    """A query string as sent on the wire: values starting with % are sent as they are."""
    return "&".join(
        f"{name}={value if value.startswith('%') else quote(value, safe='')}"
        for name, value in pairs.items()
    )


class Probe:
    """Sends requests as an anonymous reader and keeps every answer that is a server error."""

    def __init__(self) -> None:
        self.client = Client(raise_request_exception=False)
        self.statuses: Counter[int] = Counter()
        self.failures: list[str] = []

    def check(self, method: str, url: str, **kwargs) -> None:
        response = getattr(self.client, method)(url, **kwargs)
        self.statuses[response.status_code] += 1
        if response.status_code >= 500:
            self.failures.append(
                f"{method.upper()} {url[:120]!r} {str(kwargs)[:80]} → {response.status_code}"
            )

    def assert_no_server_error(self, expected: int) -> None:
        """No server error, and every planned request really was sent."""
        total = sum(self.statuses.values())
        print(f"hostile corpus: {total} requests, statuses {dict(sorted(self.statuses.items()))}")
        assert self.failures == [], f"{len(self.failures)} of {total} requests ended in a 5xx"
        assert total == expected


def demo_pages() -> list[str]:
    """The first 40 public pages of the demo and three author pages (views, not Wagtail pages:
    they read `?page=`): what `PAGE_PARAMETERS` is fed to."""
    pages = [page.url for page in Page.objects.live().public().filter(depth__gte=2)[:40]]
    authors = Author.objects.filter(story_links__isnull=False).distinct().order_by("pk")[:3]
    author_pages = [author.get_absolute_url() for author in authors]
    assert len(pages) > 10 and author_pages  # the demo has pages and bylines to feed
    return pages + author_pages


@pytest.fixture
def probe(demo_rendered, settings) -> Probe:
    """A reader's client on the demo site, with DEBUG off as in production."""
    settings.DEBUG = False
    return Probe()


def check_page_parameter(probe: Probe, name: str) -> None:
    """Every demo page with one listing parameter set to each of the first 16 hostile values."""
    pages = demo_pages()
    for url in pages:
        for value in HOSTILE_VALUES[:16]:
            probe.check("get", f"{url}?{query(**{name: value})}")
    probe.assert_no_server_error(len(pages) * 16)


@pytest.mark.parametrize("view", PARAMETERS)
def test_every_query_parameter_of_a_public_view(probe, view):
    path, names = PARAMETERS[view]
    for name in names:
        for value in HOSTILE_VALUES:
            extra = {"q": "bien"} if name != "q" else {}
            probe.check("get", f"{path}?{query(**{name: value}, **extra)}")
    probe.assert_no_server_error(len(names) * len(HOSTILE_VALUES))


def test_empty_result_pages_and_pages_past_the_end(probe):
    """The audit's `?q=<no hits>&page=2`."""
    for page in ("2", "999999", "0", "-3", "²"):
        probe.check("get", f"/tim-kiem/?{query(q='khongcoketquanao', page=page)}")
        probe.check("get", f"/tim-kiem/?{query(q='bien', page=page)}")
    probe.assert_no_server_error(10)


def test_hostile_paths(probe):
    for path in HOSTILE_PATHS:
        probe.check("get", path)
    probe.assert_no_server_error(len(HOSTILE_PATHS))


def test_sign_in_form(probe):
    """django-axes counts every attempt: hostile usernames must not break it."""
    for value in HOSTILE_VALUES:
        probe.check("post", "/admin/login/", data={"username": value, "password": value})
    probe.assert_no_server_error(len(HOSTILE_VALUES))


def test_beacon_bodies(probe):
    for body in BEACON_BODIES:
        probe.check("post", "/e/", data=body, content_type="text/plain")
        probe.check("post", "/e/", data=body, content_type="application/json")
    probe.assert_no_server_error(2 * len(BEACON_BODIES))


@pytest.mark.parametrize("name", PAGE_PARAMETERS)
def test_listing_parameter_on_every_demo_page(probe, name):
    check_page_parameter(probe, name)
