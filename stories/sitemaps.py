"""The sitemap's tag pages (`/tu-khoa/<slug>/`) with the tag list, and the author pages
(`/tac-gia/<slug>/`): those with live, public stories, each dated by its newest story
(Wagtail's page sitemap covers the pages)."""

from __future__ import annotations

from django.db.models import Max, Q
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap

from .models import Author, StoryTag
from .selectors import live_stories


class _SlugSitemap(Sitemap):
    """Rows of `model` with a live, public story (reached through `stories`), at `url_name`
    by slug and dated by their newest story; on the first page, the listing at `index_name`
    (if any) dated by the newest row."""

    model = None
    stories = ""
    url_name = ""
    index_name = ""

    def items(self):
        live_ids = live_stories().values("pk")
        return (
            self.model.objects.annotate(
                lastmod=Max(
                    f"{self.stories}__last_published_at",
                    filter=Q(**{f"{self.stories}__in": live_ids}),
                )
            )
            .filter(lastmod__isnull=False)
            .order_by("slug")
        )

    def _urls(self, page, protocol, domain):
        """Absolute addresses from the Wagtail site's root URL, as the page sitemap writes."""
        root = self.get_wagtail_site().root_url
        rows = list(self.paginator.page(page).object_list)
        urls = [
            {"location": root + reverse(self.url_name, args=[row.slug]), "lastmod": row.lastmod}
            for row in rows
        ]
        if rows and page == 1 and self.index_name:
            newest = max(row.lastmod for row in rows)
            urls.insert(0, {"location": root + reverse(self.index_name), "lastmod": newest})
        if urls:
            self.latest_lastmod = max(url["lastmod"] for url in urls)
        return urls


class TagSitemap(_SlugSitemap):
    model = StoryTag
    stories = "tagged_stories__content_object"
    url_name = "tag_detail"
    index_name = "tag_list"


class AuthorSitemap(_SlugSitemap):
    model = Author
    stories = "story_links__story"
    url_name = "author_detail"
