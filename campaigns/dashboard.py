"""The campaign's figures for a year or half-year: one function the dashboard and reports share.

Definitions (docs/campaigns.md explains them for officers):

- an exemplar is *in* the period when it was discovered on or before the period's last day;
- its stage in the period is the stage of its latest event on or before that day (a
  corrected event counts on its corrected day, `StageEvent.effective_on`);
- it is *achieved* (đạt chỉ tiêu) in the period when it first reached ACHIEVED_STAGE (sum up)
  inside the period — a plan's "build 14 models in 2022" counts models summed up in 2022;
- the funnel counts exemplars that reached at least each stage by the period's end;
- its stories are live public stories about it dated before the period's end;
- its outlets are those its stories reached in the period (`syndication.reach.outlets_reached`:
  first delivery by feed, script download or airing confirmation inside the period);
- its reader figures (views, visitors, reads) are engagement's daily roll-ups of the exemplar
  (its profile page and its stories) within the period; visitors are summed over days, so a
  reader who comes back on three days counts three times;
- its reach is visitors + outlets (docs/engagement.md, "Reach").

Everything is read in a fixed number of queries, whatever the number of exemplars.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from engagement.selectors import reach_for, reader_figures
from stories.selectors import stories_about_exemplars
from syndication.reach import outlets_reached
from vietnamese.collation import sort_key, sorted_vietnamese

from .choices import ExemplarKind, Half, Stage, period_bounds
from .models.pipeline import Campaign, Participation, Recognition

ACHIEVED_STAGE = Stage.SUMMED_UP


@dataclass
class CategoryRow:
    category: str
    label: str
    target: int | None
    achieved: int
    by_stage: dict[int, int]

    @property
    def stage_counts(self) -> list[int]:
        return [self.by_stage.get(stage, 0) for stage in Stage.values]

    @property
    def percent(self) -> int | None:
        return percent(self.achieved, self.target)


def percent(part: int, whole: int | None) -> int | None:
    return round(100 * part / whole) if whole else None


@dataclass
class ExemplarRow:
    participation: Participation
    stage: int
    stories: list = field(default_factory=list)
    outlets: list = field(default_factory=list)
    readers: object = None  # engagement.Figures of the exemplar in the period (no outlets)

    @property
    def exemplar(self):
        return self.participation.exemplar

    @property
    def stage_label(self) -> str:
        return str(Stage(self.stage).label)

    @property
    def story_count(self) -> int:
        return len(self.stories)

    @property
    def outlet_count(self) -> int:
        return len(self.outlets)

    @property
    def views(self) -> int:
        return self.readers.views if self.readers else 0

    @property
    def visitors(self) -> int:
        return self.readers.visitors if self.readers else 0

    @property
    def reads(self) -> int:
        return self.readers.reads if self.readers else 0

    @property
    def reach(self) -> int:
        """Visitors (summed over days) + outlets reached: engagement's definition."""
        return self.visitors + self.outlet_count


@dataclass
class OutletRow:
    outlet: object
    stories: list


@dataclass
class Figures:
    campaign: Campaign
    year: int
    half: int
    start: date
    end: date
    categories: list[CategoryRow]
    funnel: list[tuple[str, int]]
    exemplars: list[ExemplarRow]
    recognitions: list[Recognition]
    outlets: list[OutletRow]
    reach: object = None  # engagement figures summed over the exemplars (views, visitors, …)
    year_target: int | None = None  # a half-year without targets of its own: the year's
    achieved_year_to_date: int = 0  # … and what was achieved from 1 January to the period's end

    @property
    def period_label(self) -> str:
        if self.half == Half.WHOLE_YEAR:
            return f"năm {self.year}"
        return f"{Half(self.half).label.lower()} {self.year}"

    @property
    def not_publicised(self) -> list[ExemplarRow]:
        return [row for row in self.exemplars if not row.stories]

    @property
    def total_target(self) -> int | None:
        """The sum of the targets set; None (shown "—") when the period has none at all."""
        targets = [row.target for row in self.categories if row.target is not None]
        return sum(targets) if targets else None

    @property
    def total_percent(self) -> int | None:
        return percent(self.total_achieved, self.total_target)

    @property
    def year_percent(self) -> int | None:
        return percent(self.achieved_year_to_date, self.year_target)

    @property
    def total_achieved(self) -> int:
        return sum(row.achieved for row in self.categories)

    @property
    def stage_totals(self) -> list[int]:
        return [sum(row.by_stage.get(stage, 0) for row in self.categories) for stage in Stage]

    @property
    def story_total(self) -> int:
        return len({story.pk for row in self.exemplars for story in row.stories})


def campaign_figures(
    campaign: Campaign, year: int, half: int = Half.WHOLE_YEAR, *, progress=None
) -> Figures:
    """Targets against achieved, the funnel, publicity and recognitions for one period.

    `progress(percent)` is called as the work advances (the background report shows it).
    """
    report = progress or (lambda percent: None)
    start, end = period_bounds(year, half)
    participations = [
        p
        for p in campaign.participations.select_related(
            "exemplar", "exemplar__locality__parent__parent"
        ).prefetch_related("stage_events", "recognitions__decision")
        if p.stage_on(end) is not None
    ]
    participations.sort(key=lambda p: sort_key(p.exemplar.title))
    report(20)

    by_category: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    achieved: dict[str, int] = defaultdict(int)
    funnel = dict.fromkeys(Stage.values, 0)
    rows = []
    for participation in participations:
        stage = participation.stage_on(end)
        kind = participation.exemplar.kind
        by_category[kind][stage] += 1
        reached = _first_reached(participation, ACHIEVED_STAGE)
        if reached is not None and start <= reached <= end:
            achieved[kind] += 1
        highest = max(e.stage for e in participation.stage_events.all() if e.effective_on <= end)
        for level in Stage.values:
            if level <= highest:
                funnel[level] += 1
        rows.append(ExemplarRow(participation=participation, stage=stage))
    report(40)

    targets = _targets(campaign, year, half)
    categories = [
        CategoryRow(
            category=kind,
            label=str(label),
            target=targets.get(kind),
            achieved=achieved.get(kind, 0),
            by_stage=dict(by_category.get(kind, {})),
        )
        for kind, label in ExemplarKind.choices
        if kind in targets or kind in by_category
    ]

    since = timezone.make_aware(datetime.combine(start, time.min))
    before = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min))
    exemplar_ids = [row.exemplar.pk for row in rows]
    stories = stories_about_exemplars(exemplar_ids, published_before=before)
    report(60)
    all_stories = {story.pk: story for items in stories.values() for story in items}
    reached = outlets_reached(all_stories.values(), since=since, until=before)
    report(80)
    readers = reader_figures(exemplar_ids=exemplar_ids, start=start, end=end)
    by_outlet: dict[int, OutletRow] = {}
    for row in rows:
        row.stories = stories.get(row.exemplar.pk, [])
        outlets = {r.outlet.pk: r.outlet for s in row.stories for r in reached.get(s.pk, [])}
        row.outlets = sorted_vietnamese(outlets.values(), key=lambda o: o.name)
        row.readers = readers.get(row.exemplar.pk)
    for story_pk, items in reached.items():
        for item in items:
            by_outlet.setdefault(item.outlet.pk, OutletRow(outlet=item.outlet, stories=[]))
            by_outlet[item.outlet.pk].stories.append(all_stories[story_pk])
    reach = reach_for(exemplar_ids=exemplar_ids, start=start, end=end)
    reach.outlets = len(by_outlet)  # the outlets the table lists, from syndication

    recognitions = sorted(
        (
            (r, p)
            for p in participations
            for r in p.recognitions.all()
            if start <= r.decision_date <= end
        ),
        key=lambda pair: (pair[0].decision_date, pair[0].pk),
    )
    for recognition, participation in recognitions:
        recognition.exemplar = participation.exemplar
    year_target, year_to_date = None, 0
    if half != Half.WHOLE_YEAR and not any(row.target is not None for row in categories):
        year_target = sum(_targets(campaign, year, Half.WHOLE_YEAR).values()) or None
        january = date(year, 1, 1)
        for participation in participations:
            reached_on = _first_reached(participation, ACHIEVED_STAGE)
            year_to_date += reached_on is not None and january <= reached_on <= end
    report(100)
    return Figures(
        campaign=campaign,
        year=year,
        half=half,
        start=start,
        end=end,
        categories=categories,
        funnel=[(str(Stage(level).label), count) for level, count in funnel.items()],
        exemplars=rows,
        recognitions=[r for r, _p in recognitions],
        outlets=sorted_vietnamese(by_outlet.values(), key=lambda r: r.outlet.name),
        reach=reach,
        year_target=year_target,
        achieved_year_to_date=year_to_date,
    )


def _first_reached(participation: Participation, stage: int) -> date | None:
    for event in sorted(participation.stage_events.all(), key=lambda e: (e.effective_on, e.pk)):
        if event.stage >= stage:
            return event.effective_on
    return None


def _targets(campaign: Campaign, year: int, half: int) -> dict[str, int]:
    """The period's target per category; a year without a whole-year target adds its halves."""
    rows = list(campaign.targets.filter(year=year))
    exact = [t for t in rows if t.half == half]
    if not exact and half == Half.WHOLE_YEAR:
        exact = rows
    totals: dict[str, int] = defaultdict(int)
    for target in exact:
        totals[target.category] += target.number
    return dict(totals)


def yearly_progress(campaign: Campaign) -> list[tuple[int, int, int]]:
    """(year, target, achieved) for each year of the period, in three queries (public page)."""
    participations = list(
        campaign.participations.select_related("exemplar").prefetch_related("stage_events")
    )
    rows = []
    for year in campaign.years():
        start, end = period_bounds(year)
        target = sum(_targets(campaign, year, Half.WHOLE_YEAR).values())
        achieved = 0
        for participation in participations:
            reached = _first_reached(participation, ACHIEVED_STAGE)
            if reached is not None and start <= reached <= end:
                achieved += 1
        rows.append((year, target, achieved))
    return rows
