from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Author, StoryPage, StoryTag


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = _("Tác giả")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "role", "organisation"]
    list_filter = ["role"]
    search_fields = ["name", "organisation"]


class StoryTagViewSet(SnippetViewSet):
    model = StoryTag
    icon = "tag"
    menu_label = _("Từ khóa")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(AuthorViewSet)
register_snippet(StoryTagViewSet)


@hooks.register("page_cache_urls")
def story_listing_urls(page) -> list[str]:
    """Where else a story shows: its tags' pages, its series, its exemplars (core.purge)."""
    if not isinstance(page, StoryPage):
        return []
    urls = [reverse("tag_list"), *(reverse("tag_detail", args=[tag.slug]) for tag in page.tag_list)]
    if page.series_id:
        urls.append(page.series.get_url())
    return urls + [exemplar.get_url() for exemplar in page.exemplars]
