"""Broadcast reach of a story: which outlets pulled it and which confirmed airing it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Min, Q

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
