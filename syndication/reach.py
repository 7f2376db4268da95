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
