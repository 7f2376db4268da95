"""Read-side queries other apps and the home page use, kept out of templates and views."""

from __future__ import annotations

from wagtail.models import Page

from .models import ColumnIndexPage, SeriesPage, StoryPage, StoryTag

HOME_FEATURED_COUNT = 3
HOME_SERIES_COUNT = 4


def live_stories():
    return StoryPage.objects.live().public()


def home_page_sections(home: Page) -> dict:
    """Featured stories (picked, else newest), the latest per column, and open series."""
    featured = [
        link.story
        for link in home.featured_stories.select_related("story", "story__hero_image")
        if link.story.live
    ]
    if not featured:
        featured = list(live_stories().for_listing()[:HOME_FEATURED_COUNT])
    featured_ids = {story.pk for story in featured}

    columns = []
    for column in ColumnIndexPage.objects.live().public().child_of(home):
        latest = [
            story
            for story in column.stories()[: home.latest_per_column + len(featured_ids)]
            if story.pk not in featured_ids
        ][: home.latest_per_column]
        if latest:
            columns.append({"column": column, "stories": latest})

    series = list(
        SeriesPage.objects.live()
        .public()
        .select_related("hero_image")
        .order_by("-first_published_at")[:HOME_SERIES_COUNT]
    )
    from campaigns.selectors import exemplar_directory

    return {
        "featured_stories": featured,
        "column_sections": columns,
        "series_list": series,
        "exemplar_directory": exemplar_directory(),
    }


def stories_tagged(tag: StoryTag):
    return live_stories().filter(tags=tag).for_listing()


def stories_about_exemplar(exemplar: Page):
    return live_stories().filter(exemplar_links__exemplar=exemplar).for_listing()


def tags_in_use():
    """Tags of live stories with their counts, most used first."""
    from django.db.models import Count, Q

    live_ids = live_stories().values("pk")
    return (
        StoryTag.objects.annotate(
            story_count=Count(
                "tagged_stories", filter=Q(tagged_stories__content_object__in=live_ids)
            )
        )
        .filter(story_count__gt=0)
        .order_by("-story_count", "name")
    )
