"""The beacon's flood limits per visitor key and per address (an IPv6 address's /64), counted
in the shared cache, dropped quietly (204 / the GIF) and counted where operators look; and the
distinct visitors and addresses behind "popular searches". The same through real gunicorn
processes: test_flood_cross_process.py."""

import logging

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from django.utils import timezone

from engagement import rollups, selectors
from engagement.models import DailyStat, Event, Scope

from ..admin_login import signed_in


def agent(number: int) -> str:
    """A different browser build each time: a forger rotating user agents."""
    return (
        f"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/{100 + number}.0.{number} Safari/537.36"
    )


@pytest.fixture
def story(make_story):
    return make_story("Người giữ rừng ở Nậm Mơ")


@override_settings(ENGAGEMENT_RATE_LIMIT=5, ENGAGEMENT_ADDRESS_RATE_LIMIT=10)
def test_rotating_user_agents_from_one_address_stop_at_the_address_limit(send, story):
    codes = [send({"t": "view", "p": story.pk}, user_agent=agent(n)).status_code for n in range(30)]
    assert codes == [204] * 30  # no error for the reader: the extra events are dropped
    assert Event.objects.count() == 10
    assert len(set(Event.objects.values_list("visitor_key", flat=True))) == 10
    assert len(set(Event.objects.values_list("address_key", flat=True))) == 1
    # Another address is not affected.
    assert send({"t": "view", "p": story.pk}, ip="198.51.100.20").status_code == 204
    assert Event.objects.count() == 11


@override_settings(ENGAGEMENT_RATE_LIMIT=5, ENGAGEMENT_ADDRESS_RATE_LIMIT=10)
def test_one_visitor_over_its_limit_leaves_the_address_share_to_its_neighbours(send, story):
    for _ in range(20):  # one flooding browser behind the commune's NAT
        send({"t": "view", "p": story.pk})
    assert Event.objects.count() == 5
    for number in range(5):  # its neighbours behind the same address still count
        send({"t": "view", "p": story.pk}, user_agent=agent(number))
    assert Event.objects.count() == 10


@override_settings(ENGAGEMENT_ADDRESS_RATE_LIMIT=10)
def test_an_ipv6_address_is_limited_by_its_64(send, story):
    for number in range(30):  # one subscriber's /64: every address in it is the same one
        send({"t": "view", "p": story.pk}, user_agent=agent(number), ip=f"2001:db8:1:2::{number:x}")
    assert Event.objects.count() == 10
    assert send({"t": "view", "p": story.pk}, ip="2001:db8:1:3::1").status_code == 204
    assert Event.objects.count() == 11
    # An IPv4 address written as IPv6 is that IPv4 address.
    for number in range(12):
        send({"t": "view", "p": story.pk}, user_agent=agent(number), ip="198.51.100.30")
        send({"t": "view", "p": story.pk}, user_agent=agent(number), ip="::ffff:198.51.100.30")
    assert Event.objects.count() == 21


@override_settings(ENGAGEMENT_ADDRESS_RATE_LIMIT=3, ENGAGEMENT_TRUST_X_FORWARDED_FOR=True)
def test_behind_the_proxy_the_address_is_the_forwarded_one(send, story):
    for number in range(5):  # nginx passes each reader's own address
        send({"t": "view", "p": story.pk}, HTTP_X_FORWARDED_FOR=f"198.51.100.{number + 1}")
    assert Event.objects.count() == 5
    for number in range(5):
        send(
            {"t": "view", "p": story.pk}, user_agent=agent(number), HTTP_X_FORWARDED_FOR="192.0.2.9"
        )
    assert Event.objects.count() == 8


@override_settings(ENGAGEMENT_ADDRESS_RATE_LIMIT=2)
def test_the_image_without_javascript_is_limited_too(client, story):
    answers = [
        client.get("/e.gif", {"p": story.pk}, HTTP_USER_AGENT=agent(n), REMOTE_ADDR="203.0.113.7")
        for n in range(4)
    ]
    assert [(a.status_code, a["Content-Type"]) for a in answers] == [(200, "image/gif")] * 4
    assert Event.objects.count() == 2


@override_settings(ENGAGEMENT_ADDRESS_RATE_LIMIT=3)
def test_dropped_events_are_logged_once_and_shown_on_the_dashboard(send, story, editor, caplog):
    with caplog.at_level(logging.WARNING, logger="engagement.ingest"):
        for number in range(10):
            send({"t": "view", "p": story.pk}, user_agent=agent(number))
    warnings = [r.getMessage() for r in caplog.records if "flood limit" in r.getMessage()]
    assert len(warnings) == 1 and "address key" in warnings[0]
    assert "203.0.113.7" not in warnings[0]  # no IP in the logs: the salted key
    today = timezone.localdate()
    assert selectors.dropped_events(today, today) == 7
    html = BeautifulSoup(signed_in(editor).get("/admin/").content, "html.parser")
    row = next(
        th.parent
        for th in html.select("#engagement-panel-heading ~ table th[scope=row]")
        if th.get_text(strip=True) == "Sự kiện bị bỏ do vượt giới hạn"
    )
    assert [td.get_text(strip=True) for td in row.select("td")] == ["7", "7"]


def _search(send, query: str, *, ip: str, number: int = 0, results: int = 3, **headers):
    assert (
        send(
            {"t": "search", "q": query, "n": results}, ip=ip, user_agent=agent(number), **headers
        ).status_code
        == 204
    )


def test_popular_searches_need_five_visitors_from_five_addresses(send, db):
    for number in range(40):  # one address, forty "visitors"
        _search(send, "Tin đồn về lãnh đạo tỉnh", ip="192.0.2.66", number=number)
    for address in range(1, 6):
        _search(send, "lễ hội hoa ban", ip=f"198.51.100.{address}", number=address)
    for address in range(1, 5):  # four are not enough
        _search(send, "chợ phiên vùng cao", ip=f"198.51.100.{address}", number=address)
    for address in range(1, 6):  # five who found nothing are not a popular search
        _search(send, "khongcotu", ip=f"198.51.100.{address}", number=address, results=0)
    for address in range(1, 6):  # asking without being counted (DNT) counts nobody
        _search(send, "đường bê tông", ip=f"203.0.113.{address}", HTTP_DNT="1")
    rollups.rollup_day(timezone.localdate())
    row = DailyStat.objects.get(scope=Scope.SEARCH, key="tin đồn về lãnh đạo tỉnh")
    assert (row.searches, row.visitors, row.addresses) == (40, 40, 1)
    assert selectors.popular_searches() == ["lễ hội hoa ban"]


def test_popular_searches_rank_by_addresses_not_by_volume(send, db):
    for address in range(1, 8):
        _search(send, "lúa hữu cơ", ip=f"198.51.100.{address}", number=address)
    for address in range(1, 6):  # five addresses, but a hundred searches
        for number in range(20):
            _search(send, "bưởi da xanh", ip=f"203.0.113.{address}", number=number)
    rollups.rollup_day(timezone.localdate())
    assert selectors.popular_searches() == ["lúa hữu cơ", "bưởi da xanh"]


@override_settings(ENGAGEMENT_POPULAR_MIN_VISITORS=2)
def test_the_threshold_is_a_setting(send, db):
    for address in (1, 2):
        _search(send, "lúa hữu cơ", ip=f"198.51.100.{address}", number=address)
    rollups.rollup_day(timezone.localdate())
    assert selectors.popular_searches() == ["lúa hữu cơ"]


def test_views_from_a_commune_nat_within_the_limits_all_count(send, story):
    for number in range(60):  # sixty readers' phones behind one address
        send({"t": "view", "p": story.pk}, user_agent=agent(number), ip="113.160.1.1")
    rollups.rollup_day(timezone.localdate())
    row = DailyStat.objects.get(scope=Scope.STORY, key=str(story.pk))
    assert (row.views, row.visitors) == (60, 60)
