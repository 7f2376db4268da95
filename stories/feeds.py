"""Stories as syndication sees them: the provider of `register_syndicated_pages` and the
column, series and tag feeds (`register_feed_scopes`), registered in `wagtail_hooks.py`.
Each story builds its own feed item (`StoryPage.feed_entry`)."""

from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

from syndication.registry import FeedEntry, FeedScope

from . import selectors
from .models import StoryPage


class StoryFeeds:
    """The pages feeds, radio scripts and reach are about: stories."""

    model = StoryPage

    def latest(self) -> QuerySet:
        return selectors.live_stories().for_listing()

    def for_channels(self, channel_codes: list[str]) -> QuerySet:
        return selectors.stories_for_channels(channel_codes)

    def for_channels_between(self, channel_codes: list[str], start, end) -> QuerySet:
        return selectors.stories_for_channels_between(channel_codes, start, end)

    def live(self, pk: int) -> StoryPage | None:
        return selectors.live_story(pk)

    def any_state(self, pk: int) -> StoryPage | None:
        return selectors.story_by_pk(pk)

    def channel_codes(self, page: Page) -> set[str]:
        return set(page.channels.values_list("code", flat=True))

    def feed_entries(self, pages: QuerySet, limit: int) -> list[tuple[StoryPage, FeedEntry]]:
        """Authors, tags, images, columns and audio files for the whole feed at once."""
        stories = list(selectors.with_feed_details(pages)[:limit])
        columns = selectors.story_columns(stories)
        audio = selectors.story_audio_files(stories)
        return [
            (story, story.feed_entry(column=columns.get(story.pk), audio=audio.get(story.pk)))
            for story in stories
        ]


def column_feed(slug: str) -> FeedScope | None:
    column = selectors.live_column(slug)
    if column is None:
        return None
    return FeedScope(
        f"{column.title} – {settings.WAGTAIL_SITE_NAME}",
        _("Column %(title)s") % {"title": column.title},
        column.get_url(),
        selectors.stories_in_column(column),
    )


def series_feed(slug: str) -> FeedScope | None:
    series = selectors.live_series(slug)
    if series is None:
        return None
    return FeedScope(
        _("Series: %(title)s") % {"title": series.title},
        _("The parts of the series, in order"),
        series.get_url(),
        selectors.series_parts(series),
    )


def tag_feed(slug: str) -> FeedScope | None:
    tag = selectors.tag_by_slug(slug)
    if tag is None:
        return None
    return FeedScope(
        _("Tag: %(name)s") % {"name": tag.name},
        _("Stories tagged %(name)s") % {"name": tag.name},
        reverse("tag_detail", args=[tag.slug]),
        selectors.stories_tagged(tag),
    )


def feed_scopes() -> dict:
    return {"column": column_feed, "series": series_feed, "tag": tag_feed}
