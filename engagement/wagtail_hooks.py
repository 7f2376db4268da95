"""Admin wiring: the dashboard panel, the “Tương tác bạn đọc” menu and report URLs."""

from datetime import timedelta

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component

from . import admin_views, selectors
from .models import Scope


@hooks.register("register_admin_urls")
def engagement_admin_urls():
    urls = [path("engagement/", admin_views.overview, name="engagement_overview")]
    for scope, view in admin_views.REPORTS.items():
        urls += [
            path(f"engagement/{scope}/", view.as_view(), name=f"engagement_report_{scope}"),
            path(
                f"engagement/{scope}/results/",
                view.as_view(results_only=True),
                name=f"engagement_report_{scope}_results",
            ),
        ]
    return urls


@hooks.register("register_admin_menu_item")
def engagement_menu():
    items = [MenuItem(_("Overview"), reverse("engagement_overview"), icon_name="view", order=1)]
    for order, (scope, view) in enumerate(admin_views.REPORTS.items(), start=2):
        items.append(MenuItem(view.page_title, reverse(f"engagement_report_{scope}"), order=order))
    return SubmenuMenuItem(_("Reader engagement"), Menu(items=items), icon_name="view", order=250)


class EngagementPanel(Component):
    """Today (live from raw events) and the last 7 days (roll-ups plus today)."""

    name = "engagement"
    order = 90
    template_name = "engagement/admin/dashboard_panel.html"

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        live = selectors.today_live(today)
        week = selectors.figures(Scope.SITE, [""], today - timedelta(days=6), today - timedelta(1))
        for name in ("views", "visitors", "reads", "shares", "feed_pulls", "bot_views"):
            setattr(week, name, getattr(week, name) + getattr(live, name))
        return {
            "today": live,
            "week": week,
            "dropped_today": selectors.dropped_events(today, today),
            "dropped_week": selectors.dropped_events(today - timedelta(days=6), today),
            "top": admin_views._top(Scope.STORY, today - timedelta(days=6), today, limit=5),
            "overview_url": reverse("engagement_overview"),
        }


@hooks.register("construct_homepage_panels")
def engagement_dashboard_panel(request, panels) -> None:
    panels.append(EngagementPanel())


# The reader-facing search offers what readers search most (search.queries.popular_searches).
hooks.register("register_popular_searches", selectors.popular_searches)
