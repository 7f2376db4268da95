"""Read functions for pages, reports and other apps: all from roll-ups, cached where public."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, F, Max, Q, Sum
from django.utils import timezone

from stories.selectors import live_stories, live_stories_by_ids
from syndication.reach import outlets_reached, pulls_per_outlet

from .ingest import dropped_on
from .models import DailyStat, Event, Scope
from .rollups import VERSION_KEY, day_bounds

PUBLIC_CACHE_SECONDS = 600
MOST_VIEWED_DAYS = 7
SUM_FIELDS = (
    "views",
    "visitors",
    "reads",
    "audio_plays",
    "share_facebook",
    "share_zalo",
    "share_copy",
    "share_email",
    "share_print",
    "searches",
    "no_results",
    "feed_pulls",
    "bot_views",
)
SHARE_FIELDS = ("share_facebook", "share_zalo", "share_copy", "share_email", "share_print")


def _version() -> int:
    return cache.get(VERSION_KEY) or 0


def view_counts() -> dict[int, int]:
    """All-time reader views per story, from the roll-ups; one query per roll-up, then cached."""
    key = f"engagement:view_counts:{_version()}"
    counts = cache.get(key)
    if counts is None:
        counts = {
            int(row["key"]): row["total"]
            for row in DailyStat.objects.filter(scope=Scope.STORY)
            .values("key")
            .annotate(total=Sum("views"))
        }
        cache.set(key, counts, PUBLIC_CACHE_SECONDS)
    return counts


def view_count(story_id: int) -> int:
    return view_counts().get(story_id, 0)


def most_viewed_ids(parent=None, days: int = MOST_VIEWED_DAYS) -> list[int]:
    """Story ids (of `parent`'s stories when given) by views over the last `days` days."""
    key = f"engagement:most_viewed:{_version()}:{parent.pk if parent else 0}:{days}"
    ids = cache.get(key)
    if ids is None:
        since = timezone.localdate() - timedelta(days=days - 1)
        rows = DailyStat.objects.filter(scope=Scope.STORY, day__gte=since, views__gt=0)
        if parent is not None:
            child_ids = live_stories().child_of(parent).values_list("pk", flat=True)
            rows = rows.filter(key__in=[str(pk) for pk in child_ids])
        totals = rows.values("key").annotate(total=Sum("views")).order_by("-total", "key")
        ids = [int(row["key"]) for row in totals[:20]]
        cache.set(key, ids, PUBLIC_CACHE_SECONDS)
    return ids


def popular_searches(days: int | None = None, limit: int = 8) -> list[str]:
    """What readers searched most in the last `days` days, among searches that found something.

    A query is shown only when at least ENGAGEMENT_POPULAR_MIN_VISITORS visitor keys and as
    many addresses asked it, and queries rank by addresses: forged beacons from one address,
    whatever user agents they rotate, count once a day. Keys rotate daily, so both are summed
    over the days (one address asking on five days counts five times).
    """
    days = days or getattr(settings, "ENGAGEMENT_POPULAR_DAYS", 30)
    least = max(getattr(settings, "ENGAGEMENT_POPULAR_MIN_VISITORS", 5), 1)
    key = f"engagement:popular_searches:{_version()}:{days}:{limit}:{least}"
    queries = cache.get(key)
    if queries is None:
        since = timezone.localdate() - timedelta(days=days - 1)
        rows = (
            DailyStat.objects.filter(scope=Scope.SEARCH, day__gte=since)
            .values("key")
            .annotate(
                asked=Sum("searches"),
                empty=Sum("no_results"),
                people=Sum("visitors"),
                places=Sum("addresses"),
                label=Max("label"),
            )
            .filter(asked__gt=F("empty"), people__gte=least, places__gte=least)
            .order_by("-places", "-people", "-asked", "key")
        )
        queries = [row["label"] or row["key"] for row in rows[:limit]]
        cache.set(key, queries, PUBLIC_CACHE_SECONDS)
    return queries


def most_viewed(parent=None, limit: int = 5) -> list:
    """“Xem nhiều nhất”: live stories (of `parent`, a column, when given) by views, 7 days."""
    ids = most_viewed_ids(parent)
    if not ids:
        return []
    return live_stories_by_ids(ids)[:limit]


@dataclass
class Figures:
    views: int = 0
    visitors: int = 0
    reads: int = 0
    shares: int = 0
    audio_plays: int = 0
    feed_pulls: int = 0
    outlets: int = 0
    bot_views: int = 0
    searches: int = 0
    no_results: int = 0

    @property
    def read_rate(self) -> float:
        return self.reads / self.views if self.views else 0.0

    @property
    def reach(self) -> int:
        """Web visitors (distinct per day, summed over days: over-counts returning readers)
        plus distinct outlets reached (syndication deliveries)."""
        return self.visitors + self.outlets


def figures(scope: str, keys, start: date, end: date) -> Figures:
    """Totals of the roll-ups of `keys` (strings or ints) in `scope`, days start..end included.

    Visitors are summed over days and over keys: a reader counted on two days, or on two of
    the keys the same day, counts twice (keys rotate daily, so they cannot be told apart).
    Outlets are distinct over the whole period and set.
    """
    rows = DailyStat.objects.filter(
        scope=scope, key__in=[str(key) for key in keys], day__gte=start, day__lte=end
    )
    totals = rows.aggregate(**{name: Sum(name) for name in SUM_FIELDS})
    outlets: set[int] = set()
    for ids in rows.values_list("outlet_ids", flat=True):
        outlets.update(ids)
    result = Figures(
        **{name: totals[name] or 0 for name in SUM_FIELDS if name in Figures.__dataclass_fields__}
    )
    result.shares = sum(totals[name] or 0 for name in SHARE_FIELDS)
    result.outlets = len(outlets)
    return result


def reader_figures(
    *, story_ids=None, exemplar_ids=None, start: date, end: date
) -> dict[int, Figures]:
    """{id: Figures} for stories, or for exemplars (their profile page and their stories),
    over days start..end, one query for any number. `outlets` stays 0: callers take outlets
    from `syndication.reach`, live."""
    if story_ids is not None:
        return _reader_figures(Scope.STORY, story_ids, start, end)
    return _reader_figures(Scope.EXEMPLAR, exemplar_ids or (), start, end)


def _reader_figures(scope: str, ids, start: date, end: date) -> dict[int, Figures]:
    ids = list(ids)
    result = {pk: Figures() for pk in ids}
    if not ids:
        return result
    rows = (
        DailyStat.objects.filter(
            scope=scope, key__in=[str(pk) for pk in ids], day__gte=start, day__lte=end
        )
        .values("key")
        .annotate(**{name: Sum(name) for name in SUM_FIELDS})
    )
    for row in rows:
        figures_of = result[int(row["key"])]
        for name in SUM_FIELDS:
            if name in Figures.__dataclass_fields__:
                setattr(figures_of, name, row[name] or 0)
        figures_of.shares = sum(row[name] or 0 for name in SHARE_FIELDS)
    return result


def reach_for(
    story_ids=(), exemplar_ids=(), start: date | None = None, end: date | None = None
) -> Figures:
    """Campaign extension point: the figures of a set of stories and exemplars summed.

    A campaign (not yet a model) reaches readers through its exemplars and stories: call this
    with `campaign.exemplars` ids and the ids of stories about it. Exemplar rows already include
    their stories, so stories already covered by a listed exemplar should not be passed again.
    """
    start = start or date(2000, 1, 1)
    end = end or timezone.localdate()
    total = Figures()
    outlets: set[int] = set()
    for scope, keys in ((Scope.STORY, story_ids), (Scope.EXEMPLAR, exemplar_ids)):
        if not keys:
            continue
        part = figures(scope, keys, start, end)
        for name in Figures.__dataclass_fields__:
            if name != "outlets":
                setattr(total, name, getattr(total, name) + getattr(part, name))
        rows = DailyStat.objects.filter(
            scope=scope, key__in=[str(k) for k in keys], day__gte=start, day__lte=end
        )
        for ids in rows.values_list("outlet_ids", flat=True):
            outlets.update(ids)
    total.outlets = len(outlets)
    return total


def today_live(day: date | None = None) -> Figures:
    """Today's site figures straight from the raw events (the dashboard; not yet rolled up)."""
    day = day or timezone.localdate()
    view = Q(kind="view")
    totals = Event.objects.filter(day=day).aggregate(
        views=Count("id", filter=view & Q(is_bot=False)),
        visitors=Count(
            "visitor_key", distinct=True, filter=view & Q(is_bot=False) & ~Q(visitor_key="")
        ),
        reads=Count("id", filter=Q(kind="read", is_bot=False)),
        shares=Count("id", filter=Q(kind="share", is_bot=False)),
        audio_plays=Count("id", filter=Q(kind="audio", is_bot=False)),
        bot_views=Count("id", filter=view & Q(is_bot=True)),
    )
    bounds = day_bounds(day)
    pulls = pulls_per_outlet(*bounds)
    reached = outlets_reached(since=bounds[0], until=bounds[1])
    return Figures(
        **totals,
        feed_pulls=sum(pulls.values()),
        outlets=len({item.outlet.pk for items in reached.values() for item in items}),
    )


def site_series(start: date, end: date) -> list[tuple[date, int, int]]:
    """(day, views, visitors) for every day from start to end, zeros where nothing happened."""
    rows = {
        row.day: row
        for row in DailyStat.objects.filter(scope=Scope.SITE, day__gte=start, day__lte=end)
    }
    series, day = [], start
    while day <= end:
        row = rows.get(day)
        series.append((day, row.views if row else 0, row.visitors if row else 0))
        day += timedelta(days=1)
    return series


def dropped_events(start: date, end: date) -> int:
    """Beacon events the flood limits dropped, days start..end (the shared cache keeps 8 days)."""
    return sum(dropped_on(start + timedelta(days=n)) for n in range((end - start).days + 1))
