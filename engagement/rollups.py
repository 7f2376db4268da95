"""Daily roll-ups from raw events, feed pulls and deliveries, and the pruning of raw events.

`rollup_day(day)` rebuilds every `DailyStat` row of that day from scratch inside one
transaction: running it twice gives the same rows (idempotent), and running it after late
events arrive corrects the day. Once a day's raw events are pruned, it is never rebuilt.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from wagtail.models import Page

from core.cache import site_changed
from stories import selectors as story_selectors
from syndication import reach as syndication_reach

from .models import EVENT_FIELDS, DailyStat, Event, ReferrerCategory, RollupRun, Scope

VERSION_KEY = "engagement:version"
PAGE_FIELDS = ("pk", "title", "content_type__app_label", "content_type__model")


@dataclass
class Tally:
    label: str = ""
    views: int = 0
    visitors: set = field(default_factory=set)
    reads: int = 0
    audio_plays: int = 0
    shares: dict = field(default_factory=lambda: defaultdict(int))
    searches: int = 0
    no_results: int = 0
    feed_pulls: int = 0
    outlets: set = field(default_factory=set)
    bot_views: int = 0
    addresses: set = field(default_factory=set)

    def row(self, day: date, scope: str, key: str) -> DailyStat:
        return DailyStat(
            day=day,
            scope=scope,
            key=key[:200],
            label=self.label[:255],
            views=self.views,
            visitors=len(self.visitors),
            reads=self.reads,
            audio_plays=self.audio_plays,
            share_facebook=self.shares["facebook"],
            share_zalo=self.shares["zalo"],
            share_copy=self.shares["copy"],
            share_email=self.shares["email"],
            share_print=self.shares["print"],
            searches=self.searches,
            no_results=self.no_results,
            feed_pulls=self.feed_pulls,
            outlet_ids=sorted(self.outlets),
            bot_views=self.bot_views,
            addresses=len(self.addresses),
        )


def day_bounds(day: date) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(day, time.min))
    return start, timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def _page_targets(page_ids: set[int]) -> tuple[dict[int, list[tuple[str, str]]], dict]:
    """Which roll-up rows each page's events count towards, and their labels."""
    labels: dict[tuple[str, str], str] = {}
    targets: dict[int, list[tuple[str, str]]] = {}
    pages = {row["pk"]: row for row in Page.objects.filter(pk__in=page_ids).values(*PAGE_FIELDS)}
    links = story_selectors.story_links(page_ids)
    extra_titles = dict(
        Page.objects.filter(
            pk__in={link["column"] for link in links.values() if link["column"]}
            | {e for link in links.values() for e in link["exemplars"]}
        ).values_list("pk", "title")
    )
    for page_id in page_ids:
        page = pages.get(page_id)
        title = page["title"] if page else f"#{page_id}"
        rows = [(Scope.PAGE, str(page_id))]
        labels[rows[0]] = title
        kind = f"{page['content_type__app_label']}.{page['content_type__model']}" if page else ""
        if page_id in links:
            link = links[page_id]
            rows.append((Scope.STORY, str(page_id)))
            labels[rows[-1]] = title
            if link["column"]:
                rows.append((Scope.COLUMN, str(link["column"])))
                labels[rows[-1]] = extra_titles.get(link["column"], "")
            for exemplar_id in link["exemplars"]:
                rows.append((Scope.EXEMPLAR, str(exemplar_id)))
                labels[rows[-1]] = extra_titles.get(exemplar_id, "")
        elif kind == "stories.columnindexpage":
            rows.append((Scope.COLUMN, str(page_id)))
            labels[rows[-1]] = title
        elif kind == "campaigns.exemplarpage":
            rows.append((Scope.EXEMPLAR, str(page_id)))
            labels[rows[-1]] = title
        targets[page_id] = rows
    return targets, labels


def compute_day(day: date) -> list[DailyStat]:
    """Every roll-up row of `day`, from its raw events and the feed pulls (nothing saved)."""
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    events = list(Event.objects.filter(day=day).values_list(*EVENT_FIELDS))
    targets, labels = _page_targets({event[1] for event in events if event[1]})
    site = (Scope.SITE, "")
    for (
        kind,
        page_id,
        channel,
        query,
        no_results,
        category,
        host,
        device,
        key,
        bot,
        address,
    ) in events:
        rows = [site, *targets.get(page_id, [])]
        if bot:  # counted apart, never in reader figures
            if kind == "view":
                for row in rows:
                    tallies[row].bot_views += 1
            continue
        if kind == "view":
            rows += [(Scope.REFERRER, category), (Scope.DEVICE, device)]
            if host and category != "internal":
                rows.append((Scope.REFERRER_HOST, host))
            for row in rows:
                tally = tallies[row]
                tally.views += 1
                if key:
                    tally.visitors.add(key)
        elif kind == "read":
            for row in rows:
                tallies[row].reads += 1
        elif kind == "share":
            for row in rows:
                tallies[row].shares[channel] += 1
        elif kind == "audio":
            for row in rows:
                tallies[row].audio_plays += 1
        elif kind == "search":
            searched = (Scope.SEARCH, query.lower())
            for row in (site, searched):
                tallies[row].searches += 1
                tallies[row].no_results += 1 if no_results else 0
            labels.setdefault(searched, query)
            if key:  # who asked (not in the site row, whose visitors are readers of pages)
                tallies[searched].visitors.add(key)
            if address:
                tallies[searched].addresses.add(address)

    start, end = day_bounds(day)
    for outlet_id, count in syndication_reach.pulls_per_outlet(start, end).items():
        tallies[site].feed_pulls += count
        if outlet_id is not None:
            tallies[(Scope.OUTLET, str(outlet_id))].feed_pulls += count
    # Outlets count on the day they first received a story (syndication's deliveries), once.
    reached = syndication_reach.outlets_reached(since=start, until=end)
    if reached:
        story_targets, story_labels = _page_targets(set(reached))
        labels.update(story_labels)
        for story_id, items in reached.items():
            outlets = {item.outlet.pk for item in items}
            tallies[site].outlets |= outlets
            for row in story_targets[story_id]:
                if row[0] != Scope.PAGE:
                    tallies[row].outlets |= outlets
    outlet_labels = syndication_reach.outlet_names(
        [int(key) for scope, key in tallies if scope == Scope.OUTLET]
    )
    category_labels = dict(ReferrerCategory.choices)
    result = []
    for (scope, key), tally in tallies.items():
        if scope == Scope.OUTLET:
            tally.label = outlet_labels.get(int(key), key)
        elif scope == Scope.REFERRER:
            tally.label = str(category_labels.get(key, key))
        else:
            tally.label = labels.get((scope, key), key)
        result.append(tally.row(day, scope, key))
    return result


def rollup_day(day: date) -> int:
    """Rebuilds `day`'s roll-ups (idempotent); returns the number of rows. Refuses a pruned day."""
    run = RollupRun.objects.filter(day=day).first()
    if run is not None and run.pruned:
        return DailyStat.objects.filter(day=day).count()
    with transaction.atomic():
        figures = Event.objects.filter(day=day).aggregate(last=Max("id"))
        count = Event.objects.filter(day=day).count()
        rows = compute_day(day)
        DailyStat.objects.filter(day=day).delete()
        DailyStat.objects.bulk_create(rows, batch_size=500)
        RollupRun.objects.update_or_create(
            day=day,
            defaults={
                "rolled_at": timezone.now(),
                "event_count": count,
                "last_event_id": figures["last"] or 0,
            },
        )
    bump_version()
    return len(rows)


def rollup_recent(days: int = 2) -> list[date]:
    """Today and the days before it (late events near midnight land in yesterday)."""
    today = timezone.localdate()
    done = [today - timedelta(days=offset) for offset in range(days)]
    for day in done:
        rollup_day(day)
    return done


def pending_days() -> list[date]:
    """Days with raw events that were never rolled up, or that changed since."""
    result = []
    runs = {run.day: run for run in RollupRun.objects.all()}
    for day in Event.objects.values_list("day", flat=True).distinct().order_by("day"):
        run = runs.get(day)
        last = Event.objects.filter(day=day).aggregate(last=Max("id"))["last"] or 0
        if run is None or run.last_event_id != last:
            result.append(day)
    return result


def prune(retention_days: int | None = None) -> tuple[int, list[date]]:
    """Deletes raw events older than the retention, rolling their days up first (never lost).

    With ENGAGEMENT_PRUNE_FEED_PULLS, old feed pull records go too: their counts live on in
    the roll-ups, and reach lives in syndication's deliveries, which are kept.
    """
    if retention_days is None:
        retention_days = getattr(settings, "ENGAGEMENT_RETENTION_DAYS", 30)
    cutoff = timezone.localdate() - timedelta(days=retention_days)
    days = list(
        Event.objects.filter(day__lt=cutoff).values_list("day", flat=True).distinct().order_by()
    )
    deleted = 0
    for day in sorted(set(days)):
        with transaction.atomic():
            rollup_day(day)
            deleted += Event.objects.filter(day=day).delete()[0]
            RollupRun.objects.filter(day=day).update(pruned=True)
    if getattr(settings, "ENGAGEMENT_PRUNE_FEED_PULLS", False):
        # Days before the cutoff are rolled up; later days may still be recomputed.
        syndication_reach.delete_pulls_before(day_bounds(cutoff)[0])
    return deleted, sorted(set(days))


def bump_version() -> None:
    """Public figures ("Lượt xem", "Xem nhiều nhất") are cached under this number; the cached
    pages that show them are retired with the site generation (core.cache)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)
    site_changed()
