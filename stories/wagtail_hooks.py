from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.text import get_text_list
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from core.collation import vietnamese_ordering

from . import feeds
from .models import Author, StoryPage, StoryTag
from .selectors import searchable_story_pages, stories_crediting
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
    # No `search_fields` here nor on the other snippets: the models are indexed, folded
    # (core.admin_search); naming fields would make the SQLite FTS backend match them as FTS
    # columns ("no such column: name"), and unindexed, Wagtail would match them as written.


class StoryTagViewSet(SnippetViewSet):
    model = StoryTag
    index_view_class = vietnamese_ordering(IndexView)
    icon = "tag"
    menu_label = _("Keyword")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "slug"]


class WithdrawalViewSet(SnippetViewSet):
    """Takedowns, recorded on unpublishing; the editor-in-chief can change the notice later."""

    model = Withdrawal
    icon = "warning"
    menu_label = _("Withdrawn stories")
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["title", "path", "withdrawn_at", "withdrawn_by", "silent", "republished_at"]
    list_filter = ["silent"]


register_snippet(AuthorViewSet)

SHOWN_STORY_TITLES = 5


@hooks.register("before_delete_snippet")
def keep_credited_authors(request, instances):
    """An author a story credits (live, or in its draft or scheduled version) cannot be deleted:
    the story's next save or publication would lose the byline. The confirmation page (one
    author or the bulk action) says so, naming the stories; the deletion itself is refused."""
    authors = [instance for instance in instances if isinstance(instance, Author)]
    credited = stories_crediting(author.pk for author in authors)
    if not credited:
        return None
    for author in authors:
        stories = credited.get(author.pk)
        if not stories:
            continue
        titles = [f"“{story.draft_title or story.title}”" for story in stories]
        if len(titles) > SHOWN_STORY_TITLES:
            more = len(titles) - SHOWN_STORY_TITLES
            others = ngettext("%(count)d other story", "%(count)d other stories", more)
            titles = [*titles[:SHOWN_STORY_TITLES], others % {"count": more}]
        messages.error(
            request,
            gettext(
                "The author “%(name)s” cannot be deleted: credited in %(stories)s. Remove the "
                "author from these stories first."
            )
            % {"name": author.name, "stories": get_text_list(titles, gettext("and"))},
        )
    if request.method != "POST":
        return None  # the confirmation page shows the messages, and Wagtail's usage list
    return redirect(reverse("wagtailsnippets_stories_author:list"))


register_snippet(StoryTagViewSet)
register_snippet(WithdrawalViewSet)


@hooks.register("page_cache_urls")
def story_listing_urls(page) -> list[str]:
    """Where else a story shows: its tags' pages, its authors' pages, its series, its exemplars
    (core.purge)."""
    if not isinstance(page, StoryPage):
        return []
    urls = [reverse("tag_list"), *(reverse("tag_detail", args=[tag.slug]) for tag in page.tag_list)]
    urls += [author.get_absolute_url() for author in page.authors]
    if page.series_id:
        urls.append(page.series.get_url())
    return urls + [exemplar.get_url() for exemplar in page.exemplars]


# Stories, columns and series in the reader-facing search; each page builds its document.
hooks.register("register_search_documents", searchable_story_pages)

# Stories are what syndication carries; column, series and tag feeds (syndication.registry).
hooks.register("register_syndicated_pages", feeds.StoryFeeds)
hooks.register("register_feed_scopes", feeds.feed_scopes)
