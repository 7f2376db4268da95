"""Admin reports: an overview with charts, and one Wagtail ReportView per dimension (stories,
exemplars, columns, outlets, referrers, searches with no results), each filterable by date
range and exportable as CSV and XLSX."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import django_filters
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from vietnamese.collation import sort_key
from vietnamese.dates import read_date

from . import charts, selectors
from .models import DailyStat, Scope

DEFAULT_DAYS = 30


class DateRangeFilterSet(WagtailFilterSet):
    day = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Date range"), widget=DateRangePickerWidget
    )

    class Meta:
        model = DailyStat
        fields = ["day"]


def _share_total(row: dict) -> int:
    return sum(row[name] for name in selectors.SHARE_FIELDS)


class ScopeReportView(ReportView):
    """Totals per item of one scope over the chosen days, most viewed first."""

    scope = Scope.STORY
    header_icon = "view"
    filterset_class = DateRangeFilterSet
    results_template_name = "engagement/admin/report_results.html"
    paginate_by = 50
    order_by = "views"
    show_reach_note = True  # visitors and reach columns: say how they are counted
    series = ("views", "visitors")
    series_labels = (gettext_lazy("Views"), gettext_lazy("Visitors"))
    base_columns = [
        ("label", gettext_lazy("Name")),
        ("views", gettext_lazy("Views")),
        ("visitors", gettext_lazy("Visitors (summed by day)")),
        ("reads", gettext_lazy("Full reads")),
        ("read_rate", gettext_lazy("Full-read rate (%)")),
        ("shares", gettext_lazy("Shares")),
        ("share_facebook", "Facebook"),
        ("share_zalo", "Zalo"),
        ("share_copy", gettext_lazy("Copy")),
        ("share_email", pgettext_lazy("engagement", "Email")),
        ("share_print", pgettext_lazy("engagement", "Print")),
        ("audio_plays", gettext_lazy("Plays")),
        ("outlets", gettext_lazy("Outlets reached")),
        ("reach", gettext_lazy("Reach (visitors + outlets)")),
    ]

    @property
    def list_export(self):
        return [name for name, _label in self.base_columns]

    @property
    def export_headings(self):
        return {name: str(label) for name, label in self.base_columns}

    @cached_property
    def columns(self):
        return [Column(name, label=label) for name, label in self.base_columns]

    def get_filename(self) -> str:
        return f"tuong-tac-{self.scope}-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        return DailyStat.objects.filter(scope=self.scope)

    def get_filtered_queryset(self):
        rows = self.filter_queryset(self.get_queryset())
        totals: dict[str, dict] = {}
        by_day: dict[date, list[int]] = defaultdict(lambda: [0, 0])
        for stat in rows.order_by("day"):
            item = totals.get(stat.key)
            if item is None:
                item = totals[stat.key] = {
                    "key": stat.key,
                    "label": stat.label,
                    "outlet_set": set(),
                    **{name: 0 for name in selectors.SUM_FIELDS},
                }
            item["label"] = stat.label or item["label"]
            for name in selectors.SUM_FIELDS:
                item[name] += getattr(stat, name)
            item["outlet_set"].update(stat.outlet_ids)
            point = by_day[stat.day]
            point[0] += getattr(stat, self.series[0])
            point[1] += (
                len(stat.outlet_ids)
                if self.series[1] == "outlets"
                else getattr(stat, self.series[1])
            )
        result = []
        for item in totals.values():
            item["outlets"] = len(item.pop("outlet_set"))
            item["shares"] = _share_total(item)
            item["read_rate"] = (
                round(100 * item["reads"] / item["views"], 1) if item["views"] else 0
            )
            item["reach"] = item["visitors"] + item["outlets"]
            result.append(item)
        result.sort(key=lambda item: (-item[self.order_by], sort_key(item["label"])))
        self.by_day = dict(by_day)
        return result

    @cached_property
    def chart(self):
        by_day = getattr(self, "by_day", {})
        if not by_day:
            return ""
        start, end = min(by_day), max(by_day)
        points, day = [], start
        while day <= end:
            values = by_day.get(day, [0, 0])
            points.append((day, values[0], values[1]))
            day += timedelta(days=1)
        return charts.time_series_svg(
            points, tuple(str(label) for label in self.series_labels), str(self.page_title)
        )


def report_class(scope: str, title, **extra) -> type[ScopeReportView]:
    attrs = {
        "scope": scope,
        "page_title": title,
        "index_url_name": f"engagement_report_{scope}",
        "index_results_url_name": f"engagement_report_{scope}_results",
        **extra,
    }
    return type(f"{scope.title()}ReportView", (ScopeReportView,), attrs)


FEW = [
    ("label", gettext_lazy("Name")),
    ("views", gettext_lazy("Views")),
    ("visitors", gettext_lazy("Visitors (summed by day)")),
    ("reads", gettext_lazy("Full reads")),
    ("read_rate", gettext_lazy("Full-read rate (%)")),
]

REPORTS = {
    Scope.STORY: report_class(Scope.STORY, gettext_lazy("Most viewed stories")),
    Scope.EXEMPLAR: report_class(Scope.EXEMPLAR, gettext_lazy("Exemplars")),
    Scope.COLUMN: report_class(Scope.COLUMN, gettext_lazy("Columns")),
    Scope.OUTLET: report_class(
        Scope.OUTLET,
        gettext_lazy("Outlets pulling feeds"),
        base_columns=[
            ("label", gettext_lazy("Outlet")),
            ("feed_pulls", gettext_lazy("Feed pulls")),
        ],
        order_by="feed_pulls",
        show_reach_note=False,
        series=("feed_pulls", "feed_pulls"),
        series_labels=(gettext_lazy("Feed pulls"), gettext_lazy("Feed pulls")),
    ),
    Scope.REFERRER: report_class(Scope.REFERRER, gettext_lazy("Traffic sources"), base_columns=FEW),
    Scope.REFERRER_HOST: report_class(
        Scope.REFERRER_HOST, gettext_lazy("Sites referring readers"), base_columns=FEW
    ),
    Scope.SEARCH: report_class(
        Scope.SEARCH,
        gettext_lazy("Searches with no results"),
        base_columns=[
            ("label", gettext_lazy("Keyword")),
            ("no_results", gettext_lazy("No-result searches")),
            ("searches", gettext_lazy("Searches")),
        ],
        order_by="no_results",
        show_reach_note=False,
        series=("searches", "no_results"),
        series_labels=(gettext_lazy("Searches"), gettext_lazy("No results")),
    ),
}


def _range(request: HttpRequest) -> tuple[date, date]:
    """?start=&end= as the date inputs send them (ISO) or typed (25/11/2026)."""
    today = timezone.localdate()
    end = read_date(request.GET.get("end")) or today
    start = read_date(request.GET.get("start")) or end - timedelta(days=DEFAULT_DAYS - 1)
    return (start, end) if start <= end else (end, start)


def _top(scope: str, start: date, end: date, field: str = "views", limit: int = 10):
    from django.db.models import Max, Sum

    return [
        (row["label"] or row["key"], row["total"])
        for row in DailyStat.objects.filter(scope=scope, day__gte=start, day__lte=end)
        .values("key")
        .annotate(total=Sum(field), label=Max("label"))
        .filter(total__gt=0)
        .order_by("-total", "key")[:limit]
    ]


def overview(request: HttpRequest) -> HttpResponse:
    """Site figures and charts for a date range, with links to each report."""
    start, end = _range(request)
    totals = selectors.figures(Scope.SITE, [""], start, end)
    series = selectors.site_series(start, end)
    sections = [
        (_("Stories"), Scope.STORY, "views"),
        (_("Exemplars"), Scope.EXEMPLAR, "views"),
        (_("Columns"), Scope.COLUMN, "views"),
        (_("Outlets (feed pulls)"), Scope.OUTLET, "feed_pulls"),
        (_("Traffic sources"), Scope.REFERRER, "views"),
        (_("Devices"), Scope.DEVICE, "views"),
        (_("Searches with no results"), Scope.SEARCH, "no_results"),
    ]
    blocks = []
    query = f"?day_from={start.isoformat()}&day_to={end.isoformat()}"
    for title, scope, field in sections:
        rows = _top(scope, start, end, field)
        link = reverse(f"engagement_report_{scope}") + query if scope in REPORTS else ""
        blocks.append({"title": title, "chart": charts.bars_svg(rows, title), "link": link})
    return render(
        request,
        "engagement/admin/overview.html",
        {
            "start": start,
            "end": end,
            "totals": totals,
            "read_rate": round(100 * totals.read_rate, 1),
            "chart": charts.time_series_svg(
                series, (_("Views"), _("Visitors")), _("Views per day")
            ),
            "blocks": blocks,
            "page_title": _("Reader engagement"),
            "header_title": _("Reader engagement"),
            "header_icon": "view",
        },
    )
