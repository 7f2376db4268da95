"""Reach: what reached which outlet when, from one record (`Delivery`, docs/syndication.md).

Every screen reads outlets from here — the story's "Phát hành & phát sóng" report, the campaign
dashboard, timeline and reports, and engagement's daily roll-ups:

- `outlets_reached(stories, since=…, until=…)` — for each story, the outlets it reached;
- `record_feed_delivery(outlet_id, etag, story_ids)` — a feed served to an outlet;
- `Delivery.objects.record(...)` — a script download (airing confirmations record themselves).

**An outlet reached a story** when the story was in a feed served to the outlet (its own
article or radio feed, answered 200 or 304), when the outlet downloaded the story's script with
its id, or when it confirmed airing it. It reached it *in a period* when its first delivery of
the story, by any of these ways, falls in the period: an outlet counts once per story.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.core.cache import cache
from django.db.models import Count

from vietnamese.collation import sort_key

from .models import Delivery, DeliveryKind, FeedPull, Outlet

PULLED_STATUSES = (200, 304)
# A feed served again unchanged to the same outlet within this time writes nothing: it only
# moves "last reached", so that figure is exact to this many seconds.
DELIVERY_REFRESH_SECONDS = 3600


@dataclass
class Reached:
    """One outlet's deliveries of one story."""

    outlet: Outlet
    first_reached_at: datetime
    last_reached_at: datetime
    by_kind: dict[str, datetime] = field(default_factory=dict)  # kind → its first time

    @property
    def fed_at(self) -> datetime | None:
        return self.by_kind.get(DeliveryKind.FEED)

    @property
    def script_at(self) -> datetime | None:
        return self.by_kind.get(DeliveryKind.SCRIPT)

    @property
    def aired_at(self) -> datetime | None:
        return self.by_kind.get(DeliveryKind.AIRING)


def outlets_reached(
    stories=None, *, since: datetime | None = None, until: datetime | None = None
) -> dict[int, list[Reached]]:
    """For each story (pages or ids; None: every story), the outlets whose first delivery of it
    falls in [since, until) (no bound when None), in Vietnamese order of name.

    Stories that reached nobody in the period are left out. Two queries, whatever the number.
    """
    rows = Delivery.objects.all()
    if stories is not None:
        ids = [getattr(story, "pk", story) for story in stories]
        if not ids:
            return {}
        rows = rows.filter(story_id__in=ids)
    elif since is not None or until is not None:
        touched = Delivery.objects.all()
        if since is not None:
            touched = touched.filter(first_reached_at__gte=since)
        if until is not None:
            touched = touched.filter(first_reached_at__lt=until)
        rows = rows.filter(story_id__in=touched.values("story_id"))
    grouped: dict[tuple[int, int], dict[str, tuple[datetime, datetime]]] = defaultdict(dict)
    for story_id, outlet_id, kind, first, last in rows.values_list(
        "story_id", "outlet_id", "kind", "first_reached_at", "last_reached_at"
    ):
        grouped[(story_id, outlet_id)][kind] = (first, last)
    kept = {}
    for key, kinds in grouped.items():
        first = min(times[0] for times in kinds.values())
        if (since is None or first >= since) and (until is None or first < until):
            kept[key] = (first, kinds)
    outlets = Outlet.objects.select_related("locality").in_bulk({key[1] for key in kept})
    result: dict[int, list[Reached]] = defaultdict(list)
    for (story_id, outlet_id), (first, kinds) in kept.items():
        result[story_id].append(
            Reached(
                outlet=outlets[outlet_id],
                first_reached_at=first,
                last_reached_at=max(times[1] for times in kinds.values()),
                by_kind={kind: times[0] for kind, times in kinds.items()},
            )
        )
    for items in result.values():
        items.sort(key=lambda item: (sort_key(item.outlet.name), item.outlet.pk))
    return dict(result)


def record_feed_delivery(outlet_id: int, etag: str, story_ids) -> bool:
    """A feed version (its ETag) served to an outlet: every story in it reached the outlet.

    The hot path of every poll: one cache operation; the rows are written (one bulk upsert)
    only the first time this outlet takes this version, and again after
    DELIVERY_REFRESH_SECONDS. Returns whether it wrote.
    """
    if not story_ids:
        return False
    key = f"syndication:delivered:{outlet_id}:{etag.strip(chr(34))}"
    if not cache.add(key, 1, DELIVERY_REFRESH_SECONDS):
        return False
    Delivery.objects.record(outlet_id, story_ids, DeliveryKind.FEED)
    return True


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


def outlet_names(ids) -> dict[int, str]:
    return dict(Outlet.objects.filter(pk__in=ids).values_list("pk", "name"))


def delete_pulls_before(moment: datetime) -> int:
    """Retention: the engagement app prunes pull records once their days are rolled up.
    Reach does not need them: deliveries are kept."""
    deleted, _details = FeedPull.objects.filter(pulled_at__lt=moment).delete()
    return deleted
