"""Read-side queries other apps and the home page use, kept out of templates and views."""

from __future__ import annotations

from django.db.models import Q
from wagtail.models import Page

from core.collation import vi_order

from .models import (
    ColumnIndexPage,
    SeriesPage,
    StoryAuthor,
    StoryExemplar,
    StoryPage,
    StoryTag,
)

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
    return {"featured_stories": featured, "column_sections": columns, "series_list": series}


def stories_tagged(tag: StoryTag):
    return live_stories().filter(tags=tag).for_listing()


def stories_by_author(author_id: int):
    """The author's live public stories, newest first (their page lists them)."""
    return live_stories().filter(story_authors__author_id=author_id).for_listing()


def stories_about_exemplar(exemplar_id: int):
    return live_stories().filter(exemplar_links__exemplar_id=exemplar_id).for_listing()


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
        .order_by("-story_count", vi_order("name"))
    )


# --- Read functions for syndication (feeds and radio scripts) ---------------------------------


def live_column(slug: str) -> ColumnIndexPage | None:
    return ColumnIndexPage.objects.live().public().filter(slug=slug).first()


def live_series(slug: str) -> SeriesPage | None:
    return SeriesPage.objects.live().public().filter(slug=slug).first()


def live_story(pk: int) -> StoryPage | None:
    """A live, public story by id (the radio script download and print pages)."""
    return live_stories().filter(pk=pk).select_related("hero_image").first()


def stories_in_column(column: ColumnIndexPage):
    return column.stories()


def series_parts(series: SeriesPage):
    """A series' live parts in part order."""
    return series.parts()


def stories_for_channels(channel_codes: list[str]):
    """Live public stories meant for any of the given channels (Channel.code), newest first."""
    return live_stories().filter(channels__code__in=channel_codes).distinct().for_listing()


def with_feed_details(stories):
    """What a feed item shows (authors, tags, hero image and its renditions), prefetched."""
    return stories.select_related("hero_image", "series", "locality").prefetch_related(
        "story_authors__author", "tags", "hero_image__renditions"
    )


def story_columns(stories) -> dict[int, Page]:
    """Each story's column, keyed by story id, fetched with one query for the whole list."""
    steplen = StoryPage.steplen
    parent_paths = {story.path[:-steplen] for story in stories}
    columns = {page.path: page for page in Page.objects.filter(path__in=parent_paths)}
    return {story.pk: columns.get(story.path[:-steplen]) for story in stories}


def story_audio_files(stories) -> dict[int, object]:
    """The first audio item (`media_pipeline.Audio`: `.url`, `.file`, `.duration`) in each
    story's body, with one query. A block saved before the audio library names a Wagtail
    document instead; it finds the item the migration made from that document."""
    from media_pipeline.models import Audio

    wanted: dict[int, tuple[str, int]] = {}
    for story in stories:
        for block in story.body.raw_data:
            value = block.get("value") or {}
            if block.get("type") != "audio" or not isinstance(value, dict):
                continue
            if value.get("audio"):
                wanted[story.pk] = ("audio", value["audio"])
                break
            if value.get("file"):
                wanted[story.pk] = ("document", value["file"])
                break
    ids = {ref for kind, ref in wanted.values() if kind == "audio"}
    documents = {ref for kind, ref in wanted.values() if kind == "document"}
    found = Audio.objects.filter(type="audio").filter(
        Q(pk__in=ids) | Q(source_document_id__in=documents)
    )
    by_pk, by_document = {}, {}
    for audio in found:
        by_pk[audio.pk] = audio
        if audio.source_document_id:
            by_document[audio.source_document_id] = audio
    result = {}
    for story_pk, (kind, ref) in wanted.items():
        audio = (by_pk if kind == "audio" else by_document).get(ref)
        if audio is not None:
            result[story_pk] = audio
    return result


def stories_for_channels_between(channel_codes: list[str], start, end):
    """Stories for the channels dated in [start, end), oldest first (a station's day)."""
    return (
        stories_for_channels(channel_codes)
        .filter(sort_date__gte=start, sort_date__lt=end)
        .order_by("sort_date", "pk")
    )


def tag_by_slug(slug: str) -> StoryTag | None:
    return StoryTag.objects.filter(slug=slug).first()


def story_by_pk(pk: int) -> StoryPage | None:
    """A story in any state (admin reports), or None."""
    return StoryPage.objects.filter(pk=pk).first()


# --- Read functions for campaigns (dashboards and reports) -----------------------------------


def stories_about_exemplars(exemplar_ids, *, published_before=None) -> dict[int, list[StoryPage]]:
    """Live public stories per exemplar id, newest first, with two queries for any number.

    `published_before` (a datetime) keeps only stories dated before it, for period reports.
    """
    exemplar_ids = list(exemplar_ids)
    result: dict[int, list[StoryPage]] = {pk: [] for pk in exemplar_ids}
    if not exemplar_ids:
        return result
    stories = (
        live_stories()
        .filter(exemplar_links__exemplar_id__in=exemplar_ids)
        .distinct()
        .newest_first()
        .prefetch_related("channels")
    )
    if published_before is not None:
        stories = stories.filter(sort_date__lt=published_before)
    stories = {story.pk: story for story in stories}
    links = StoryExemplar.objects.filter(
        exemplar_id__in=exemplar_ids, story_id__in=list(stories)
    ).values_list("exemplar_id", "story_id")
    for exemplar_id, story_id in links:
        result[exemplar_id].append(stories[story_id])
    for items in result.values():
        items.sort(key=lambda story: (story.sort_date, story.pk), reverse=True)
    return result


def stories_about_any_exemplar(exemplar_ids):
    """Live public stories naming any of these exemplars (a campaign's), newest first."""
    return (
        live_stories()
        .filter(pk__in=StoryExemplar.objects.filter(exemplar_id__in=exemplar_ids).values("story"))
        .for_listing()
    )


# --- Read functions for engagement (daily roll-ups, "most viewed") ----------------------------


def story_links(page_ids) -> dict[int, dict]:
    """For the stories among `page_ids`: title, column id and exemplar ids (three queries)."""
    stories = list(StoryPage.objects.filter(pk__in=page_ids).only("pk", "path", "title"))
    columns = story_columns(stories)
    exemplars: dict[int, list[int]] = {}
    for story_id, exemplar_id in StoryExemplar.objects.filter(
        story_id__in=[story.pk for story in stories]
    ).values_list("story_id", "exemplar_id"):
        exemplars.setdefault(story_id, []).append(exemplar_id)
    return {
        story.pk: {
            "title": story.title,
            "column": columns[story.pk].pk if columns.get(story.pk) else None,
            "exemplars": exemplars.get(story.pk, []),
        }
        for story in stories
    }


def live_stories_by_ids(ids) -> list[StoryPage]:
    """Live public stories with these ids, in the order given, ready for story cards."""
    found = {story.pk: story for story in live_stories().filter(pk__in=list(ids)).for_listing()}
    return [found[pk] for pk in ids if pk in found]


# --- Read functions for search (search.documents) ---------------------------------------------


def searchable_story_pages():
    """Live, public stories, columns and series with what the search index reads from them."""
    stories = live_stories().select_related("locality").prefetch_related("tags")
    columns = ColumnIndexPage.objects.live().public()
    series = SeriesPage.objects.live().public()
    return {"story": stories, "column": columns, "series": series}


def stories_crediting(author_ids) -> dict[int, list[StoryPage]]:
    """The stories that credit each author: live, or in the latest or scheduled revision (a
    draft, a story in review, a correction waiting to go live). Deleting such an author would
    strand the story's next save (core.references), so stories.wagtail_hooks refuses it."""
    from django.db.models import Q, TextField
    from django.db.models.functions import Cast
    from wagtail.models import Revision

    ids = {int(pk) for pk in author_ids}
    if not ids:
        return {}
    found: dict[int, set[int]] = {pk: set() for pk in ids}
    for author_id, story_id in StoryAuthor.objects.filter(author_id__in=ids).values_list(
        "author_id", "story_id"
    ):
        found[author_id].add(story_id)
    # Revision content is JSON text ("author": 12) on SQLite and PostgreSQL alike: a text match
    # narrows the revisions to parse down to the ones that may name these authors.
    mentions = Q()
    for pk in ids:
        mentions |= Q(text__contains=f'"author": {pk}')
    revisions = (
        Revision.objects.page_revisions()
        .filter(
            Q(pk__in=StoryPage.objects.values("latest_revision_id"))
            | Q(approved_go_live_at__isnull=False)
        )
        .annotate(text=Cast("content", TextField()))
        .filter(mentions)
        .values_list("object_id", "content")
    )
    for story_id, content in revisions:
        for link in content.get("story_authors") or []:
            if isinstance(link, dict) and link.get("author") in ids:
                found[link["author"]].add(int(story_id))
    stories = StoryPage.objects.in_bulk({pk for pks in found.values() for pk in pks})
    return {
        author_id: sorted((stories[pk] for pk in pks if pk in stories), key=lambda s: s.pk)
        for author_id, pks in found.items()
        if pks
    }
