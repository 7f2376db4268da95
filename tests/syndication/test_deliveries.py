"""Deliveries: what reached which outlet when, written by real feed pulls, script downloads
and airing confirmations; cheap on the polling path; backfilled from the records kept so far."""

import importlib
from datetime import timedelta
from urllib.parse import urlparse

import feedparser
import pytest
from django.apps import apps
from django.utils import timezone

from syndication import reach
from syndication.models import AiringConfirmation, Delivery, FeedPull
from syndication.sources import airing_token

pytestmark = pytest.mark.django_db


def delivered(outlet, kind="feed") -> set[int]:
    return set(Delivery.objects.filter(outlet=outlet, kind=kind).values_list("story_id", flat=True))


def test_a_feed_delivers_exactly_the_stories_it_carries(
    client, make_story, channel, radio_outlet, newspaper_outlet
):
    stories = []
    for number in range(3):
        story = make_story(f"Tin số {number}")
        story.channels.set([channel("radio_tv")])
        story.save_revision().publish()
        stories.append(story)
    other = make_story("Tin cho báo in")
    other.channels.set([channel("newspaper")])
    other.save_revision().publish()

    response = client.get(f"/feeds/outlet/{radio_outlet.pk}.rss?limit=2")
    carried = {urlparse(entry.link).path for entry in feedparser.parse(response.content).entries}
    assert len(carried) == 2
    assert {s.url for s in stories if s.pk in delivered(radio_outlet)} == carried
    assert delivered(newspaper_outlet) == set()  # it pulled nothing
    client.get(f"/feeds/outlet/{newspaper_outlet.pk}.rss")
    assert delivered(newspaper_outlet) == {other.pk}
    client.get("/feeds/all.rss")  # a public feed: nobody known took it
    assert Delivery.objects.count() == 3


def test_refused_and_failed_pulls_deliver_nothing(client, radio_story, loudspeaker_outlet):
    url = f"/feeds/outlet/{loudspeaker_outlet.pk}/radio.rss"
    assert client.get(url).status_code == 403
    assert client.get(url + "?token=sai").status_code == 403
    assert not Delivery.objects.exists()
    assert client.get(f"{url}?token={loudspeaker_outlet.token}").status_code == 200
    assert delivered(loudspeaker_outlet) == {radio_story.pk}


def test_polling_writes_once_per_feed_version(
    client, make_story, channel, radio_story, radio_outlet, django_assert_max_num_queries
):
    url = f"/feeds/outlet/{radio_outlet.pk}/radio.rss"
    etag = client.get(url)["ETag"]
    row = Delivery.objects.get()
    first = row.first_reached_at
    # Polled again with the same version: only the pull record (INSERT in a savepoint pair).
    with django_assert_max_num_queries(3):
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    with django_assert_max_num_queries(3):
        assert client.get(url).status_code == 200
    assert Delivery.objects.get().last_reached_at == row.last_reached_at

    later = make_story("Tin mới hôm nay")
    later.channels.set([channel("radio_tv")])
    later.save_revision().publish()
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200  # a new version
    rows = {d.story_id: d for d in Delivery.objects.all()}
    assert set(rows) == {radio_story.pk, later.pk}
    assert rows[radio_story.pk].first_reached_at == first  # the first time never moves
    assert rows[radio_story.pk].last_reached_at > first


def test_a_304_from_an_outlet_that_already_has_the_feed_still_counts(
    client, radio_story, radio_outlet
):
    url = f"/feeds/outlet/{radio_outlet.pk}/radio.rss"
    etag = client.get(url)["ETag"]
    Delivery.objects.all().delete()
    from django.core.cache import cache

    cache.clear()  # as after a deployment: the outlet holds this version, we hold no record
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert delivered(radio_outlet) == {radio_story.pk}


def test_script_download_counts_for_its_outlet_only(
    client, radio_story, radio_outlet, loudspeaker_outlet
):
    base = f"/radio/script/{radio_story.pk}.txt"
    client.get(base)
    client.get(f"{base}?outlet={loudspeaker_outlet.pk}&token=sai")
    assert not Delivery.objects.exists()
    client.get(f"{base}?outlet={radio_outlet.pk}")
    client.get(f"{base}?outlet={loudspeaker_outlet.pk}&token={loudspeaker_outlet.token}")
    assert delivered(radio_outlet, "script") == {radio_story.pk}
    assert delivered(loudspeaker_outlet, "script") == {radio_story.pk}


def test_airing_confirmation_is_a_delivery_until_withdrawn(client, radio_story, radio_outlet):
    client.post(f"/radio/confirm/{airing_token(radio_outlet.pk, radio_story.pk)}/")
    confirmation = AiringConfirmation.objects.get()
    row = Delivery.objects.get(kind="airing")
    assert (row.outlet, row.story_id) == (radio_outlet, radio_story.pk)
    assert row.first_reached_at == confirmation.confirmed_at
    reached = reach.outlets_reached([radio_story])[radio_story.pk]
    assert [(r.outlet, r.aired_at) for r in reached] == [(radio_outlet, confirmation.confirmed_at)]
    AiringConfirmation.objects.all().delete()
    assert not Delivery.objects.exists()
    assert reach.outlets_reached([radio_story]) == {}


def test_outlets_reached_counts_the_first_delivery_in_the_period(
    client, radio_story, radio_outlet, newspaper_outlet
):
    now = timezone.now()
    Delivery.objects.record(radio_outlet.pk, [radio_story.pk], "feed", now - timedelta(days=10))
    Delivery.objects.record(radio_outlet.pk, [radio_story.pk], "script", now)
    Delivery.objects.record(newspaper_outlet.pk, [radio_story.pk], "feed", now)
    this_week = reach.outlets_reached([radio_story], since=now - timedelta(days=7))
    assert [r.outlet for r in this_week[radio_story.pk]] == [newspaper_outlet]  # radio: earlier
    everything = reach.outlets_reached([radio_story.pk])[radio_story.pk]
    assert [r.outlet.name for r in everything] == ["Báo Lan Tỏa", "Đài PT-TH tỉnh"]  # vi order
    radio = everything[1]
    assert radio.first_reached_at == radio.fed_at == now - timedelta(days=10)
    assert (radio.script_at, radio.last_reached_at) == (now, now)
    days = reach.outlets_reached(since=now - timedelta(hours=1), until=now + timedelta(hours=1))
    assert {r.outlet for r in days[radio_story.pk]} == {newspaper_outlet}


def test_a_story_deleted_meanwhile_is_skipped(radio_story, radio_outlet):
    assert Delivery.objects.record(radio_outlet.pk, [radio_story.pk, 987654], "feed") == 1
    assert delivered(radio_outlet) == {radio_story.pk}


def test_backfill_from_pulls_and_confirmations(make_story, channel, radio_outlet, newspaper_outlet):
    """The data migration: what the old rule counted becomes deliveries."""
    story = make_story("Bài đã phát từ trước")
    story.channels.set([channel("radio_tv")])
    story.save_revision().publish()
    story.refresh_from_db()
    published = story.first_published_at
    pulls = [
        (radio_outlet, f"radio:{radio_outlet.pk}", 200, published - timedelta(hours=1)),  # before
        (radio_outlet, f"radio:{radio_outlet.pk}", 500, published + timedelta(hours=1)),  # failed
        (radio_outlet, f"radio:{radio_outlet.pk}", 304, published + timedelta(hours=2)),
        (radio_outlet, f"radio:{radio_outlet.pk}", 200, published + timedelta(days=3)),
        (radio_outlet, f"script:{story.pk}", 200, published + timedelta(days=1)),
        (newspaper_outlet, f"outlet:{newspaper_outlet.pk}", 200, published + timedelta(days=1)),
    ]
    for outlet, feed, status, at in pulls:
        FeedPull.objects.create(outlet=outlet, feed=feed, status=status, pulled_at=at)
    AiringConfirmation.objects.create(
        outlet=radio_outlet, story=story, confirmed_at=published + timedelta(days=2)
    )
    Delivery.objects.all().delete()  # as before the migration
    migration = importlib.import_module("syndication.migrations.0005_backfill_deliveries")
    migration.backfill(apps, None)
    rows = {
        (d.outlet_id, d.kind): (d.first_reached_at, d.last_reached_at)
        for d in Delivery.objects.all()
    }
    assert rows == {
        (radio_outlet.pk, "feed"): (published + timedelta(hours=2), published + timedelta(days=3)),
        (radio_outlet.pk, "script"): (published + timedelta(days=1),) * 2,
        (radio_outlet.pk, "airing"): (published + timedelta(days=2),) * 2,
    }  # the newspaper's feed does not carry radio stories
