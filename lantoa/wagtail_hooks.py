from datetime import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.compare import FieldComparison, TextDiff, register_comparison_class
from wagtail.admin.views.pages.search import SearchView
from wagtail.models import Page

from core.collation import vi_order

from .signin import hooks as signin_hooks  # noqa: F401  (registers the sign-in admin screens)


@hooks.register("register_log_actions")
def register_date_repair_action(actions) -> None:
    """`manage.py repair_swapped_dates` logs each value it puts right (lantoa.date_repair)."""
    from .date_repair import REPAIRED_ACTION

    actions.register_action(
        REPAIRED_ACTION,
        _("Fix a swapped day/month"),
        _("Fixed a day/month swapped on entry"),
    )


@hooks.register("construct_explorer_page_queryset")
def explorer_titles_in_vietnamese_order(parent_page, pages, request):
    """The page explorer sorted by title (clicked, or a section's default such as the exemplar
    directory's) follows Vietnamese order; Wagtail would sort by code point. Not while
    searching: the search backend orders then."""
    ordering = request.GET.get("ordering") or parent_page.get_admin_default_ordering()
    if ordering in ("title", "-title") and not request.GET.get("q"):
        return pages.order_by(vi_order("title", descending=ordering == "-title"), "pk")
    return pages


@hooks.register("construct_page_chooser_queryset")
def chooser_exemplars_in_vietnamese_order(pages, request):
    """Choosing exemplars (a story's "Điển hình"), the browse list is by name, in Vietnamese
    order, not in the order the pages were created."""
    browsing = request.resolver_match and request.resolver_match.url_name in (
        "wagtailadmin_choose_page",
        "wagtailadmin_choose_page_child",
    )
    if browsing and "campaigns.exemplarpage" in request.GET.get("page_type", "").lower():
        return pages.order_by(vi_order("title"), "pk")
    return pages


# --- Where Wagtail 8.0 prints Python's "None" to Vietnamese editors ------------------------

# The page search gives its results header no model name: "1-3 of 3 None".
SearchView.verbose_name = Page._meta.verbose_name
SearchView.verbose_name_plural = Page._meta.verbose_name_plural


class DateFieldComparison(FieldComparison):
    """Revision comparison of a date: "25/11/2026 08:30" as editors type it, none left blank
    (Wagtail shows "None" → "2026-11-25 08:30:00+07:00")."""

    @staticmethod
    def display(value) -> str:
        if value is None:
            return ""
        if isinstance(value, datetime):
            return timezone.localtime(value).strftime(settings.WAGTAIL_DATETIME_FORMAT)
        return value.strftime(settings.WAGTAIL_DATE_FORMAT)

    def htmldiff(self):
        old, new = self.display(self.val_a), self.display(self.val_b)
        if old == new:
            return escape(new)
        return TextDiff([("deletion", old), ("addition", new)]).to_html()


register_comparison_class(models.DateField, comparison_class=DateFieldComparison)


@hooks.register("page_cache_urls")
def sitemap_url(page) -> list[str]:
    return [reverse("sitemap")]


@hooks.register("syndication_podcast_image")
def podcast_image():
    """The radio feeds' podcast cover: the default site's share image (site settings)."""
    from wagtail.models import Site

    from core.models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).default_share_image if site else None
