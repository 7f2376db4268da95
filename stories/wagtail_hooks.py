from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from core.collation import vietnamese_ordering

from . import feeds
from .models import Author, StoryPage, StoryTag
from .selectors import searchable_story_pages
from .withdrawals import Withdrawal


class AuthorViewSet(SnippetViewSet):
    model = Author
    index_view_class = vietnamese_ordering(IndexView)
    icon = "user"
    menu_label = _("Authors")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "role", "organisation"]
    list_filter = ["role"]
    # No `search_fields`: Author is indexed, and naming fields makes the SQLite FTS backend
    # match them as FTS columns ("no such column: name"); the index holds name and organisation.


class StoryTagViewSet(SnippetViewSet):
    model = StoryTag
    index_view_class = vietnamese_ordering(IndexView)
    icon = "tag"
    menu_label = _("Keyword")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


class WithdrawalViewSet(SnippetViewSet):
    """Takedowns, recorded on unpublishing; the editor-in-chief can change the notice later."""

    model = Withdrawal
    icon = "warning"
    menu_label = _("Withdrawn stories")
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["title", "path", "withdrawn_at", "withdrawn_by", "silent", "republished_at"]
    list_filter = ["silent"]
    search_fields = ["title", "path", "public_reason"]


register_snippet(AuthorViewSet)
register_snippet(StoryTagViewSet)
register_snippet(WithdrawalViewSet)


@hooks.register("page_cache_urls")
def story_listing_urls(page) -> list[str]:
    """Where else a story shows: its tags' pages, its series, its exemplars (core.purge)."""
    if not isinstance(page, StoryPage):
        return []
    urls = [reverse("tag_list"), *(reverse("tag_detail", args=[tag.slug]) for tag in page.tag_list)]
    if page.series_id:
        urls.append(page.series.get_url())
    return urls + [exemplar.get_url() for exemplar in page.exemplars]


# Stories, columns and series in the reader-facing search; each page builds its document.
hooks.register("register_search_documents", searchable_story_pages)

# Stories are what syndication carries; column, series and tag feeds (syndication.registry).
hooks.register("register_syndicated_pages", feeds.StoryFeeds)
hooks.register("register_feed_scopes", feeds.feed_scopes)
