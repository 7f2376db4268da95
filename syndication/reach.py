"""Broadcast reach of a story: which outlets pulled it and which confirmed airing it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Max, Min, Q

from .models import CHANNELS_FOR_KIND, AiringConfirmation, FeedPull, Outlet

PULLED_STATUSES = (200, 304)


@dataclass
class OutletReach:
    outlet: Outlet
    first_pull: datetime | None
    pull_count: int
    confirmed_at: datetime | None


def story_reach(story) -> list[OutletReach]:
    """Outlets meant to carry the story (by channel) or that acted on it, with their actions.

    A pull counts when the outlet fetched one of its feeds (200 or 304) after the story was
    first published, or downloaded the story's script with its outlet id.
    """
    codes = set(story.channels.values_list("code", flat=True))
    kinds = [kind for kind, kind_codes in CHANNELS_FOR_KIND.items() if codes & set(kind_codes)]
    confirmations = {
        c.outlet_id: c.confirmed_at for c in AiringConfirmation.objects.filter(story=story)
    }
    since = story.first_published_at or story.latest_revision_created_at
    feed_filter = Q(feed=f"script:{story.pk}")
    outlets = list(
        Outlet.objects.filter(Q(kind__in=kinds) | Q(pk__in=confirmations))
        .select_related("locality")
        .order_by("name")
    )
    for outlet in outlets:
        feed_filter |= Q(outlet=outlet, feed__in=[f"outlet:{outlet.pk}", f"radio:{outlet.pk}"])
    pulls = {}
    if since is not None and outlets:
        pulls = {
            row["outlet"]: row
            for row in FeedPull.objects.filter(
                feed_filter, status__in=PULLED_STATUSES, pulled_at__gte=since
            )
            .values("outlet")
            .annotate(first=Min("pulled_at"), count=Count("id"))
        }
    return [
        OutletReach(
            outlet=outlet,
            first_pull=pulls.get(outlet.pk, {}).get("first"),
            pull_count=pulls.get(outlet.pk, {}).get("count", 0),
            confirmed_at=confirmations.get(outlet.pk),
        )
        for outlet in outlets
    ]


def outlets_carrying(stories) -> dict[int, list[Outlet]]:
    """For each story, the outlets that carried it, in a fixed number of queries.

    The same rule as `story_reach`, for many stories at once: an outlet carried a story when
    it confirmed airing it, downloaded its script, or pulled one of its own feeds (200 or 304)
    after the story was first published while the story was meant for the outlet's channel.
    Stories need their `channels` prefetched.
    """
    stories = list(stories)
    if not stories:
        return {}
    ids = [story.pk for story in stories]
    outlets = {outlet.pk: outlet for outlet in Outlet.objects.select_related("locality")}
    carried: dict[int, set[int]] = {pk: set() for pk in ids}
    for outlet_id, story_id in AiringConfirmation.objects.filter(story_id__in=ids).values_list(
        "outlet_id", "story_id"
    ):
        carried[story_id].add(outlet_id)
    script_feeds = {f"script:{pk}": pk for pk in ids}
    for outlet_id, feed in (
        FeedPull.objects.filter(
            feed__in=list(script_feeds), status__in=PULLED_STATUSES, outlet__isnull=False
        )
        .values_list("outlet_id", "feed")
        .distinct()
    ):
        carried[script_feeds[feed]].add(outlet_id)
    own_feeds = [f"{prefix}:{pk}" for pk in outlets for prefix in ("outlet", "radio")]
    last_pull = {
        row["outlet"]: row["last"]
        for row in FeedPull.objects.filter(
            feed__in=own_feeds, status__in=PULLED_STATUSES, outlet__isnull=False
        )
        .values("outlet")
        .annotate(last=Max("pulled_at"))
    }
    for story in stories:
        since = story.first_published_at
        codes = {channel.code for channel in story.channels.all()}
        for outlet_id, last in last_pull.items():
            outlet = outlets.get(outlet_id)
            if outlet and since and last >= since and codes & set(outlet.channel_codes):
                carried[story.pk].add(outlet_id)
    return {
        pk: sorted((outlets[o] for o in outlet_ids if o in outlets), key=lambda o: o.name)
        for pk, outlet_ids in carried.items()
    }


# --- Read functions for the engagement app's daily roll-ups -----------------------------------


def pulls_per_outlet(start: datetime, end: datetime) -> dict[int | None, int]:
    """Feed pulls (200/304, every feed and script download) in [start, end) per outlet id;
    `None` gathers pulls by readers and outlets we do not know. No user-agent filtering: feed
    readers are counted as pulls, never dropped as crawlers."""
    rows = (
        FeedPull.objects.filter(status__in=PULLED_STATUSES, pulled_at__gte=start, pulled_at__lt=end)
        .values("outlet")
        .annotate(count=Count("id"))
    )
    return {row["outlet"]: row["count"] for row in rows}


def outlets_first_reaching(stories, start: datetime, end: datetime) -> dict[int, set[int]]:
    """For each story, the outlets whose first pull of it (as `story_reach` counts one) falls
    in [start, end): an outlet reaches a story once, on the day it first took it."""
    outlets = list(Outlet.objects.all())
    found: dict[int, set[int]] = {}
    for story in stories:
        since = story.first_published_at
        if since is None or since >= end:
            continue
        codes = {channel.code for channel in story.channels.all()}
        feed_filter = Q(feed=f"script:{story.pk}", outlet__isnull=False)
        for outlet in outlets:
            if codes & set(outlet.channel_codes):
                feed_filter |= Q(
                    outlet=outlet, feed__in=[f"outlet:{outlet.pk}", f"radio:{outlet.pk}"]
                )
        firsts = (
            FeedPull.objects.filter(
                feed_filter, status__in=PULLED_STATUSES, pulled_at__gte=since, pulled_at__lt=end
            )
            .values("outlet")
            .annotate(first=Min("pulled_at"))
        )
        reached = {row["outlet"] for row in firsts if row["first"] >= start}
        if reached:
            found[story.pk] = reached
    return found


def outlet_names(ids) -> dict[int, str]:
    return dict(Outlet.objects.filter(pk__in=ids).values_list("pk", "name"))


def delete_pulls_before(moment: datetime) -> int:
    """Retention: the engagement app prunes pull records once their days are rolled up."""
    deleted, _details = FeedPull.objects.filter(pulled_at__lt=moment).delete()
    return deleted
