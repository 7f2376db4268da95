"""The ingest endpoint: every event type, bots, referrers, devices, visitor keys, DNT/GPC,
strict validation (400) and the per-visitor-key flood limit (dropped quietly; more in
test_flood_limits.py)."""

import gzip
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.test import override_settings

from engagement import classify, visitors
from engagement.models import Event, Salt
from engagement.services import record_search

from .conftest import BROWSER, GOOGLEBOT, PHONE, TABLET

BEACON = Path(__file__).resolve().parents[2] / "engagement" / "static" / "engagement" / "beacon.js"


@pytest.fixture
def story(make_story):
    return make_story("Người giữ rừng ở Nậm Mơ")


def test_view_is_stored_with_referrer_device_and_visitor_key(send, story):
    response = send({"t": "view", "p": story.pk, "r": "https://www.google.com.vn/search?q=x"})
    assert response.status_code == 204
    event = Event.objects.get()
    assert (event.kind, event.page_id, event.is_bot) == ("view", story.pk, False)
    assert (event.referrer_category, event.referrer_host) == ("search", "google.com.vn")
    assert event.device == "desktop"
    assert len(event.visitor_key) == 16
    stored = " ".join(str(value) for value in Event.objects.values_list().get())
    assert "203.0.113.7" not in stored and "search?q" not in stored


@pytest.mark.parametrize("channel", ["facebook", "zalo", "copy", "email", "print"])
def test_share_by_channel(send, story, channel):
    assert send({"t": "share", "p": story.pk, "c": channel}).status_code == 204
    assert Event.objects.get().channel == channel


def test_read_and_audio_play(send, story):
    assert send({"t": "read", "p": story.pk}).status_code == 204
    assert send({"t": "audio", "p": story.pk}).status_code == 204
    assert sorted(Event.objects.values_list("kind", flat=True)) == ["audio", "read"]


def test_search_with_and_without_results(send, story):
    assert send({"t": "search", "q": "  nong   thon moi ", "n": 0}).status_code == 204
    assert send({"t": "search", "q": "bưởi", "n": 4}).status_code == 204
    assert send({"t": "search", "q": "chè"}).status_code == 204
    rows = dict(Event.objects.values_list("query", "no_results"))
    assert rows == {"nong thon moi": True, "bưởi": False, "chè": None}


def test_record_search_public_function(rf, db):
    request = rf.get("/tim-kiem/", HTTP_USER_AGENT=BROWSER)
    assert record_search(request, "hợp tác xã", 0) is True
    assert record_search(request, "   ", 3) is False
    event = Event.objects.get()
    assert (event.kind, event.query, event.no_results) == ("search", "hợp tác xã", True)


def test_noscript_pixel_counts_a_view(client, story):
    response = client.get(f"/e.gif?p={story.pk}", HTTP_USER_AGENT=PHONE)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/gif" and response.content.startswith(b"GIF89a")
    assert response["Cache-Control"] == "no-store"
    event = Event.objects.get()
    assert (event.kind, event.device, event.referrer_category) == ("view", "mobile", "other")
    assert client.get("/e.gif?p=abc").status_code == 400
    assert client.get(f"/e.gif?p={story.pk}&x=1").status_code == 400
    assert Event.objects.count() == 1


@pytest.mark.parametrize(
    "user_agent",
    [
        GOOGLEBOT,
        "curl/8.5.0",
        "python-requests/2.32",
        "",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0 Safari/537.36",
        # Matched by ua-parser's maintained rules, not by our simple patterns:
        "Mozilla/5.0 (compatible; Qwantify/2.4w; +https://www.qwant.com/)/2.4w",
    ],
)
def test_bots_are_stored_apart_without_a_visitor_key(send, story, user_agent):
    assert send({"t": "view", "p": story.pk}, user_agent=user_agent).status_code == 204
    event = Event.objects.get()
    assert event.is_bot and event.device == "bot" and event.visitor_key == ""


def test_browsers_are_not_bots():
    for user_agent in (BROWSER, PHONE, TABLET):
        assert classify.is_bot(user_agent) is False
    assert classify.device_class(PHONE) == "mobile"
    assert classify.device_class(TABLET) == "tablet"
    assert classify.device_class(BROWSER) == "desktop"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("", ("direct", "")),
        ("https://www.facebook.com/some/post?fbclid=1", ("facebook", "facebook.com")),
        ("https://l.facebook.com/l.php?u=x", ("facebook", "l.facebook.com")),
        ("https://zalo.me/g/abc", ("zalo", "zalo.me")),
        ("https://www.bing.com/search?q=a", ("search", "bing.com")),
        ("https://coccoc.com/search?query=a", ("search", "coccoc.com")),
        ("https://t.co/abc", ("social", "t.co")),
        ("http://testserver/gioi-thieu/", ("internal", "testserver")),
        ("https://baodientu.example.vn/tin/1", ("other", "baodientu.example.vn")),
        ("not a url", ("other", "")),
    ],
)
def test_referrer_categories(url, expected):
    assert classify.referrer(url, {"testserver"}) == expected


def test_visitor_key_same_day_same_visitor_next_day_different(rf, db):
    request = rf.get("/", HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="198.51.100.4")
    other = rf.get("/", HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="198.51.100.5")
    today = date(2026, 3, 2)
    key = visitors.visitor_key(request, today)
    assert key == visitors.visitor_key(request, today)
    assert key != visitors.visitor_key(other, today)
    tomorrow = visitors.visitor_key(request, today + timedelta(days=1))
    assert tomorrow != key
    # Yesterday's salt is gone: its keys cannot be recomputed.
    assert list(Salt.objects.values_list("day", flat=True)) == [today + timedelta(days=1)]


def test_do_not_track_and_global_privacy_control_leave_no_key(send, story):
    assert send({"t": "view", "p": story.pk}, HTTP_DNT="1").status_code == 204
    assert send({"t": "view", "p": story.pk}, HTTP_SEC_GPC="1").status_code == 204
    assert send({"t": "view", "p": story.pk}).status_code == 204
    keys = list(Event.objects.order_by("pk").values_list("visitor_key", flat=True))
    assert keys[:2] == ["", ""] and keys[2] != ""


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[]",
        b'"view"',
        b'{"t": "view"}',
        b'{"t": "like", "p": 1}',
        b'{"t": "view", "p": "1"}',
        b'{"t": "view", "p": true}',
        b'{"t": "view", "p": 999999}',
        b'{"t": "view", "p": 1, "x": 1}',
        b'{"t": "share", "p": 1, "c": "myspace"}',
        b'{"t": "share", "p": 1}',
        b'{"t": "view", "p": 1, "c": "zalo"}',
        b'{"t": "search", "q": ""}',
        b'{"t": "search", "q": "a", "n": -1}',
        b'{"t": "view", "p": 1, "r": 5}',
        b"\xff\xfe",
    ],
)
def test_malformed_payloads_are_refused(send, home, body):
    body = body.replace(b'"p": 1', f'"p": {home.pk}'.encode())
    assert send(body).status_code == 400
    assert Event.objects.count() == 0


def test_oversized_payload_and_unpublished_page_are_refused(send, make_story):
    draft = make_story("Bản nháp", live=False)
    assert send({"t": "view", "p": draft.pk}).status_code == 400
    live = make_story()
    assert send({"t": "view", "p": live.pk, "r": "x" * 2000}).status_code == 400
    assert send({"t": "search", "q": "x" * 201}).status_code == 400
    assert Event.objects.count() == 0


def test_only_post_on_the_beacon(client, story):
    assert client.get("/e/").status_code == 405
    assert Event.objects.count() == 0


@override_settings(ENGAGEMENT_RATE_LIMIT=5)
def test_flood_from_one_visitor_key_is_rate_limited(send, story):
    codes = [send({"t": "view", "p": story.pk}).status_code for _ in range(8)]
    assert codes == [204] * 8  # dropped, not refused: the reader's page sees no error
    assert Event.objects.count() == 5
    assert send({"t": "view", "p": story.pk}, ip="203.0.113.99").status_code == 204
    assert Event.objects.count() == 6


def test_beacon_script_is_small():
    data = BEACON.read_bytes()
    assert len(data) < 2048
    assert len(gzip.compress(data)) < 1024
    assert b"sendBeacon" in data and b"cookie" not in data.replace(b"no cookie", b"")


def test_pages_carry_the_beacon_and_nothing_per_visitor(client, story):
    first = client.get(story.url, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.1")
    second = client.get(story.url, HTTP_USER_AGENT=PHONE, REMOTE_ADDR="203.0.113.2", HTTP_DNT="1")
    html = first.content.decode()
    assert f'data-page="{story.pk}"' in html
    assert f'<noscript><img src="/e.gif?p={story.pk}"' in html
    assert 'data-share="zalo"' in html and 'data-share="email"' in html
    assert first.content == second.content
    assert not first.cookies and not second.cookies


def test_in_app_browsers_without_referrer_count_as_their_app(send, story):
    zalo = PHONE.replace("Safari/604.1", "Zalo iOS/23.10")
    facebook = PHONE + " [FBAN/FBIOS;FBAV/450.0]"
    send({"t": "view", "p": story.pk}, user_agent=zalo)
    send({"t": "view", "p": story.pk}, user_agent=facebook)
    send({"t": "view", "p": story.pk, "r": "https://www.google.com/"}, user_agent=zalo)
    categories = list(Event.objects.order_by("pk").values_list("referrer_category", flat=True))
    assert categories == ["zalo", "facebook", "search"]


def test_beacon_takes_the_fast_path_and_pages_keep_their_middleware(client, send, story):
    """POST /e/ skips sessions, CSRF and the rest; every other request still gets them."""
    response = send({"t": "view", "p": story.pk})
    assert response.status_code == 204
    assert Event.objects.filter(kind="view", page_id=story.pk).count() == 1
    assert "X-Frame-Options" not in response  # the page middleware did not run
    assert not response.cookies
    page = client.get(story.url)
    assert page["X-Frame-Options"] == "DENY"  # issue 12: no framing but Wagtail's preview
    assert client.get("/e/").status_code == 405  # other methods take the normal route
