from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from core.collation import vietnamese_ordering

from . import admin_views, radio, sources
from .models import Outlet
from .registry import syndicated_pages


class OutletViewSet(SnippetViewSet):
    model = Outlet
    index_view_class = vietnamese_ordering(IndexView)
    icon = "site"
    menu_label = _("Outlets")
    menu_order = 240
    add_to_admin_menu = True
    list_display = [
        "name",
        "kind",
        "locality",
        Column("recent_pulls", label=_("Feed pulls (7 days)")),
        Column("airing_count", label=_("Stories confirmed aired")),
    ]
    list_filter = ["kind"]

    def get_queryset(self, request):
        return Outlet.objects.with_activity().select_related("locality")


register_snippet(OutletViewSet)


@hooks.register("register_admin_urls")
def syndication_admin_urls():
    return [
        path(
            "syndication/story/<id:pk>/",
            admin_views.story_reach_report,
            name="syndication_story_reach",
        )
    ]


@hooks.register("register_page_header_buttons")
def story_reach_button(page, user, view_name, next_url=None):
    """“Phát hành & phát sóng” in a story's header menu: pulls and airing per outlet."""
    specific_class = page.specific_class
    if specific_class is not None and issubclass(specific_class, syndicated_pages().model):
        yield MenuItem(
            _("Distribution & airing"),
            reverse("syndication_story_reach", args=[page.pk]),
            icon_name="site",
            priority=80,
        )


@hooks.register("insert_editor_js")
def radio_script_read_time():
    """Live syllable count and read time under the story's radio script field."""
    return format_html(
        '<script src="{}" data-syllables-per-minute="{}" defer></script>',
        static("syndication/js/read_time.js"),
        radio.syllables_per_minute(),
    )


@hooks.register("page_cache_urls")
def feeds_carrying(page) -> list[str]:
    """The public feeds a page's change reaches, both formats (core.purge): the site's feed
    and those the page lists itself (`feed_scopes()`); outlet feeds are private: no shared
    cache keeps them."""
    own = getattr(page, "feed_scopes", None)
    scopes = [("all", ""), *(own() if own else [])]
    formats = ("rss", "atom")
    return [sources.feed_url(scope, fmt, ident) for scope, ident in scopes for fmt in formats]
