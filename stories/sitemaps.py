"""The sitemap's tag pages (`/tu-khoa/<slug>/`) and the tag list: tags of live, public stories,
each dated by its newest story (Wagtail's page sitemap covers the pages)."""

from __future__ import annotations

from django.db.models import Max, Q
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap

from .models import StoryTag
from .selectors import live_stories


class TagSitemap(Sitemap):
    def items(self):
        live_ids = live_stories().values("pk")
        return (
            StoryTag.objects.annotate(
                lastmod=Max(
                    "tagged_stories__content_object__last_published_at",
                    filter=Q(tagged_stories__content_object__in=live_ids),
                )
            )
            .filter(lastmod__isnull=False)
            .order_by("slug")
        )

    def _urls(self, page, protocol, domain):
        """Absolute addresses from the Wagtail site's root URL, as the page sitemap writes."""
        root = self.get_wagtail_site().root_url
        tags = list(self.paginator.page(page).object_list)
        urls = [
            {"location": root + reverse("tag_detail", args=[tag.slug]), "lastmod": tag.lastmod}
            for tag in tags
        ]
        if tags and page == 1:
            newest = max(tag.lastmod for tag in tags)
            urls.insert(0, {"location": root + reverse("tag_list"), "lastmod": newest})
        if urls:
            self.latest_lastmod = max(url["lastmod"] for url in urls)
        return urls
