"""Daily roll-ups: correctness per story, page, column, exemplar, outlet, referrer and search;
idempotence; recomputation after late events; pruning only after roll-up; reach; commands,
tasks and the public figures (“Lượt xem”, “Xem nhiều nhất”)."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from campaigns.models import ExemplarPage
from engagement import rollups, selectors
from engagement.models import DailyStat, Event, RollupRun
from engagement.tasks import prune_task, rollup_task
from stories.models import Channel, StoryExemplar
from syndication.models import FeedPull, Outlet

from .conftest import GOOGLEBOT, PHONE

FEED_READER = "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 3 subscribers)"


@pytest.fixture
def world(make_story, exemplar_index, column):
    """Two stories in a column, one about an exemplar, an outlet carrying newspaper stories."""
    exemplar = ExemplarPage(title="Anh Lò Văn Pọm", kind="individual", field="economy")
    exemplar_index.add_child(instance=exemplar)
    exemplar.save_revision().publish()
    story = make_story("Người giữ rừng ở Nậm Mơ")
    other = make_story("Hợp tác xã chè Shan tuyết")
    StoryExemplar.objects.create(story=story, exemplar=exemplar)
    story.channels.add(Channel.objects.get(code="newspaper"))
    story.save()
    outlet = Outlet.objects.create(name="Báo Lan Tỏa", kind="newspaper")
    return {
        "story": story,
        "other": other,
        "exemplar": exemplar,
        "column": column,
        "outlet": outlet,
    }


def _traffic(send, client, world):
    story, other = world["story"], world["other"]
    fb = "https://m.facebook.com/story.php"
    send({"t": "view", "p": story.pk, "r": fb}, ip="203.0.113.1")
    send({"t": "view", "p": story.pk, "r": fb}, ip="203.0.113.1")  # same visitor again
    send({"t": "view", "p": story.pk, "r": "https://www.google.com/"}, ip="203.0.113.2")
    send({"t": "view", "p": story.pk}, ip="203.0.113.3", HTTP_DNT="1")  # counted, no key
    send({"t": "view", "p": other.pk}, ip="203.0.113.1", user_agent=PHONE)
    send({"t": "view", "p": world["exemplar"].pk}, ip="203.0.113.2")
    send({"t": "view", "p": story.pk}, user_agent=GOOGLEBOT)  # bot: apart
    send({"t": "read", "p": story.pk}, ip="203.0.113.1")
    send({"t": "read", "p": story.pk}, ip="203.0.113.2")
    send({"t": "share", "p": story.pk, "c": "zalo"}, ip="203.0.113.1")
    send({"t": "share", "p": story.pk, "c": "facebook"}, ip="203.0.113.2")
    send({"t": "audio", "p": story.pk}, ip="203.0.113.2")
    send({"t": "search", "q": "Nong thon moi", "n": 0}, ip="203.0.113.2")
    send({"t": "search", "q": "nong thon moi", "n": 0}, ip="203.0.113.3")
    send({"t": "search", "q": "chè", "n": 2}, ip="203.0.113.3")
    outlet = world["outlet"]
    # The outlet pulls its feed with a feed reader's agent, twice; a reader pulls the site feed.
    for _ in range(2):
        response = client.get(f"/feeds/outlet/{outlet.pk}.rss", HTTP_USER_AGENT=FEED_READER)
        assert response.status_code == 200
    assert client.get("/feeds/all.rss", HTTP_USER_AGENT=GOOGLEBOT).status_code == 200
    assert Event.objects.count() == 15


def _row(scope, key, day=None):
    return DailyStat.objects.get(scope=scope, key=str(key), day=day or timezone.localdate())


def test_rollup_counts_every_dimension(send, client, world):
    _traffic(send, client, world)
    rollups.rollup_day(timezone.localdate())
    story, outlet = world["story"], world["outlet"]

    row = _row("story", story.pk)
    assert (row.views, row.visitors, row.reads, row.audio_plays) == (4, 2, 2, 1)
    assert (row.share_zalo, row.share_facebook, row.shares, row.bot_views) == (1, 1, 2, 1)
    assert row.outlet_ids == [outlet.pk] and row.label == story.title
    assert _row("page", story.pk).views == 4

    column = _row("column", world["column"].pk)
    assert (column.views, column.visitors) == (5, 3)  # both stories; a phone is a new visitor
    exemplar = _row("exemplar", world["exemplar"].pk)
    assert (exemplar.views, exemplar.visitors) == (5, 2)  # its page and its story
    assert exemplar.outlet_ids == [outlet.pk]

    site = _row("site", "")
    assert (site.views, site.visitors, site.bot_views) == (6, 3, 1)
    assert (site.searches, site.no_results) == (3, 2)
    assert site.feed_pulls == 3  # every pull counts, feed readers and crawlers alike
    assert _row("outlet", outlet.pk).feed_pulls == 2
    assert _row("outlet", outlet.pk).label == "Báo Lan Tỏa"

    assert _row("referrer", "facebook").views == 2
    assert _row("referrer", "search").views == 1
    assert _row("referrer", "direct").views == 3
    assert _row("host", "m.facebook.com").views == 2
    assert _row("device", "mobile").views == 1
    searched = _row("search", "nong thon moi")
    assert (searched.searches, searched.no_results) == (2, 2)


def test_rollup_is_idempotent_and_recomputable(send, client, world):
    _traffic(send, client, world)
    today = timezone.localdate()
    fields = ("scope", "key", "views", "visitors", "reads", "feed_pulls", "outlet_ids")

    def snapshot():
        return sorted(DailyStat.objects.filter(day=today).values_list(*fields))

    rollups.rollup_day(today)
    first = snapshot()
    rollups.rollup_day(today)
    assert snapshot() == first
    send({"t": "view", "p": world["story"].pk}, ip="203.0.113.50")  # a late event
    rollups.rollup_day(today)
    assert _row("story", world["story"].pk).views == 5
    assert _row("story", world["story"].pk).visitors == 3
    assert rollups.pending_days() == []


def test_reach_is_visitors_plus_distinct_outlets(send, client, world):
    _traffic(send, client, world)
    rollups.rollup_day(timezone.localdate())
    today = timezone.localdate()
    story = selectors.figures("story", [world["story"].pk], today, today)
    assert (story.visitors, story.outlets, story.reach) == (2, 1, 3)
    assert story.read_rate == 0.5
    campaign = selectors.reach_for(exemplar_ids=[world["exemplar"].pk], story_ids=[])
    assert (campaign.views, campaign.visitors, campaign.outlets, campaign.reach) == (5, 2, 1, 3)
    both = selectors.reach_for(story_ids=[world["story"].pk, world["other"].pk])
    assert (both.views, both.outlets) == (5, 1)


def test_outlet_reaches_a_story_once(send, client, world):
    outlet = world["outlet"]
    client.get(f"/feeds/outlet/{outlet.pk}.rss", HTTP_USER_AGENT=FEED_READER)
    today = timezone.localdate()
    yesterday = today - timedelta(days=1)
    FeedPull.objects.update(pulled_at=timezone.now())
    rollups.rollup_day(today)
    rollups.rollup_day(yesterday)
    assert _row("story", world["story"].pk).outlet_ids == [outlet.pk]
    assert not DailyStat.objects.filter(day=yesterday, scope="story").exists()


def test_prune_rolls_up_first_and_keeps_recent_events(send, client, world):
    _traffic(send, client, world)
    old_day = timezone.localdate() - timedelta(days=40)
    Event.objects.filter(kind="read").update(day=old_day)
    remaining = Event.objects.exclude(day=old_day).count()
    call_command("engagement_prune", "--days", "30")
    assert Event.objects.filter(day=old_day).count() == 0
    assert Event.objects.count() == remaining
    row = _row("story", world["story"].pk, day=old_day)
    assert row.reads == 2  # rolled up before deletion
    assert RollupRun.objects.get(day=old_day).pruned
    rollups.rollup_day(old_day)  # a pruned day is never rebuilt from nothing
    assert _row("story", world["story"].pk, day=old_day).reads == 2


def test_rollup_command_and_tasks(send, client, world):
    _traffic(send, client, world)
    today = timezone.localdate()
    call_command("engagement_rollup", "--date", today.isoformat())
    assert _row("story", world["story"].pk).views == 4
    DailyStat.objects.all().delete()
    result = rollup_task.enqueue()
    assert result.return_value == 2 and _row("story", world["story"].pk).views == 4
    assert prune_task.enqueue(30).return_value == 0


def test_story_page_shows_view_count_and_lists_most_viewed(send, client, world):
    _traffic(send, client, world)
    cache.clear()
    html = client.get(world["story"].url).content.decode()
    assert "Lượt xem" not in html  # nothing rolled up yet
    rollups.rollup_day(timezone.localdate())
    html = client.get(world["story"].url).content.decode()
    assert "Lượt xem: 4" in html
    home = client.get("/").content.decode()
    assert "Xem nhiều nhất" in home
    section = home[home.index("Xem nhiều nhất") :]
    assert section.index(world["story"].title) < section.index(world["other"].title)
    column = client.get(world["column"].url).content.decode()
    assert "Xem nhiều nhất" in column


def test_most_viewed_only_counts_the_last_seven_days(send, client, world):
    send({"t": "view", "p": world["other"].pk})
    for offset in range(3):
        send({"t": "view", "p": world["story"].pk}, ip=f"203.0.113.{offset + 10}")
    old_day = timezone.localdate() - timedelta(days=8)
    Event.objects.filter(page_id=world["story"].pk).update(day=old_day)
    rollups.rollup_day(old_day)
    rollups.rollup_day(timezone.localdate())
    assert [story.pk for story in selectors.most_viewed()] == [world["other"].pk]
    assert selectors.view_count(world["story"].pk) == 3
