"""The one record of reach: its read costs the same for any number of stories, and pulls of
an outlet's own feeds are keyed by the outlet, not by strings such as "outlet:5"."""

import importlib

from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from syndication import reach
from syndication.models import Delivery, DeliveryKind, FeedPull, Outlet


def _reach_queries(stories) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as queries:
        reached = reach.outlets_reached(stories)
    return len(queries), reached


def test_the_reach_of_n_stories_costs_the_same_queries_as_of_one(make_story):
    outlets = [Outlet.objects.create(name=f"Đài xã số {n}", kind="radio") for n in range(3)]
    stories = [make_story(f"Bài số {n}") for n in range(9)]
    for number, story in enumerate(stories):
        for outlet in outlets[: number % 3 + 1]:
            Delivery.objects.record(outlet.pk, [story.pk], DeliveryKind.FEED)
    one, reached_one = _reach_queries(stories[:1])
    many, reached_many = _reach_queries(stories)
    assert len(reached_one[stories[0].pk]) == 1
    assert {pk: len(items) for pk, items in reached_many.items()} == {
        story.pk: number % 3 + 1 for number, story in enumerate(stories)
    }
    assert many == one == 2


def test_pulls_are_keyed_by_the_outlet(client, radio_outlet, loudspeaker_outlet):
    client.get(f"/feeds/outlet/{radio_outlet.pk}/radio.rss")
    client.get(f"/feeds/outlet/{loudspeaker_outlet.pk}.rss?token=sai")
    client.get("/feeds/all.rss")
    assert list(FeedPull.objects.order_by("pk").values_list("outlet", "feed", "status")) == [
        (radio_outlet.pk, "radio", 200),
        (loudspeaker_outlet.pk, "outlet", 403),
        (None, "all", 200),
    ]
    assert not FeedPull.objects.filter(feed__contains=str(radio_outlet.pk)).exists()


def test_the_data_migration_keys_old_pulls_by_the_outlet(radio_outlet, newspaper_outlet):
    gone = Outlet.objects.create(name="Báo đã giải thể", kind="newspaper")
    gone_pk = gone.pk
    gone.delete()
    old = [
        (radio_outlet, f"radio:{radio_outlet.pk}"),
        (None, f"outlet:{newspaper_outlet.pk}"),  # outlet cleared: it comes back
        (None, f"outlet:{gone_pk}"),  # outlet deleted: the old key stays
        (None, "column:thoi-su"),
        (radio_outlet, "script:12"),
    ]
    for outlet, feed in old:
        FeedPull.objects.create(outlet=outlet, feed=feed, status=200)
    migration = importlib.import_module("syndication.migrations.0007_pulls_keyed_by_outlet")

    migration.key_by_outlet(apps, None)

    assert list(FeedPull.objects.order_by("pk").values_list("outlet", "feed")) == [
        (radio_outlet.pk, "radio"),
        (newspaper_outlet.pk, "outlet"),
        (None, f"outlet:{gone_pk}"),
        (None, "column:thoi-su"),
        (radio_outlet.pk, "script:12"),
    ]
    migration.key_by_string(apps, None)
    assert list(FeedPull.objects.order_by("pk").values_list("feed", flat=True))[:2] == [
        f"radio:{radio_outlet.pk}",
        f"outlet:{newspaper_outlet.pk}",
    ]
