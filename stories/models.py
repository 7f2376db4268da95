"""Editorial content: columns, series and stories, their authors, tags and corrections."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import ItemBase, TagBase
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.blocks import StructValue
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.images.models import AbstractImage
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from core import seo
from core.admin_search import searchable
from core.collation import vi_order
from core.comment_modes import StoryCommentModeMixin
from core.pages import LanToaPage, LanToaPageQuerySet, SectionIndexPage, paginate
from core.plaintext import stream_text
from integrity.pages import IntegrityGatedPage
from search.backends.base import IndexedDocument
from search.documents import page_document, plain_fields, rich_field
from syndication.registry import FeedEntry
from vietnamese.slugs import slugify
from vietnamese.text import normalize

from .blocks import StoryBodyBlock
from .forms import StoryPageForm
from .withdrawals import Withdrawal  # noqa: F401  (the takedown model lives beside its logic)

STORIES_PER_PAGE = 12
# Written by the read-aloud task, not by editors: a revision never carries them back.
READ_ALOUD_FIELDS = ("synthetic_audio", "synthetic_audio_source_hash", "synthetic_audio_duration")
OTHER_STORIES_COUNT = 6

# What `{% image %}` reads from an image to find (or make) a rendition and write its <img> tag.
IMAGE_RENDITION_FIELDS = (
    "file",
    "width",
    "height",
    "focal_point_x",
    "focal_point_y",
    "focal_point_width",
    "focal_point_height",
    "file_hash",
    "title",
    "description",
)
# What includes/story_card.html shows of a story: the story page's asides load only these.
CARD_ANNOTATIONS_HOOK = "story_card_annotations"
STORY_CARD_FIELDS = (
    "title",
    "url_path",
    "publication_date",
    "first_published_at",
    "latest_revision_created_at",
    "part_number",
    "series",
    "series__title",
    "hero_image",
    *(f"hero_image__{name}" for name in IMAGE_RENDITION_FIELDS),
)


class Channel(models.Model):
    """Where a story is meant to go: newspaper, radio-TV, e-portal, loudspeaker stations."""

    code = models.SlugField(_("key"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=100)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("channel")
        verbose_name_plural = _("channels")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


AUTHOR_SLUG_LENGTH = 80


def unique_author_slug(others, name: str) -> str:
    """A Vietnamese-folded slug from the name ("Hoàng Đức" → hoang-duc), numbered when taken
    by one of `others` (hoang-duc-2); the data migration fills existing authors with it too."""
    base = slugify(name, max_length=AUTHOR_SLUG_LENGTH - 4) or "tac-gia"
    taken = set(others.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


class Author(index.Indexed, models.Model):
    name = models.CharField(_("full name / pen name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=AUTHOR_SLUG_LENGTH,
        unique=True,
        blank=True,
        help_text=_(
            "The author's page is /tac-gia/<address>/. Left blank, it is made from the name."
        ),
    )
    role = models.CharField(_("job title"), max_length=80, blank=True, default="Phóng viên")
    organisation = models.CharField(
        _("organisation"), max_length=150, blank=True, help_text=_("Newspaper, station or portal.")
    )
    user = models.OneToOneField(
        "auth.User",
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("user"),
    ]
    # Both fields the admin's author search (stories.wagtail_hooks.AuthorViewSet) looks in.
    search_fields = searchable("name", "organisation")

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = [vi_order("name")]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})" if self.organisation else self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_author_slug(Author.objects.exclude(pk=self.pk), self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        """The author's page (it answers only while a live public story carries the byline)."""
        return reverse("author_detail", args=[self.slug])

    def structured_data(self, request) -> dict:
        """schema.org Person for a byline or a profile: the author's page is its address."""
        url = seo.absolute(request, self.get_absolute_url())
        data = {"@type": "Person", "name": self.name, "url": url}
        if self.role:
            data["jobTitle"] = self.role
        if self.organisation:
            data["worksFor"] = {"@type": "Organization", "name": self.organisation}
        return data


class StoryTag(index.Indexed, TagBase):
    """Tags whose slugs fold Vietnamese ("Người tốt việc tốt" → nguoi-tot-viec-tot)."""

    search_fields = searchable("name")

    class Meta:
        verbose_name = pgettext_lazy("story", "tag")
        verbose_name_plural = pgettext_lazy("story", "tags")

    def slugify(self, tag: str, i: int | None = None) -> str:
        slug = slugify(tag) or "tu-khoa"
        return f"{slug}-{i}" if i is not None else slug


class TaggedStory(ItemBase):
    tag = models.ForeignKey(StoryTag, related_name="tagged_stories", on_delete=models.CASCADE)
    content_object = ParentalKey(
        "stories.StoryPage", related_name="tagged_items", on_delete=models.CASCADE
    )

    class Meta:
        verbose_name = _("story tag")
        verbose_name_plural = _("story tags")


def intro_document(page: Page, kind: str, kind_label: str) -> IndexedDocument:
    """A column's or a series' search document: its introduction, dated when first published."""
    return page_document(
        page, kind, kind_label, summary=rich_field(page.intro), date=page.first_published_at
    )


class ColumnIndexPage(SectionIndexPage):
    """A standing column (chuyên mục): its stories, newest first."""

    search_fields = [*Page.search_fields, index.SearchField("intro")]
    subpage_types = ["stories.StoryPage"]

    class Meta:
        verbose_name = _("column")
        verbose_name_plural = _("columns")

    def stories(self) -> StoryPageQuerySet:
        return StoryPage.objects.live().public().child_of(self).for_listing()

    def search_document(self) -> IndexedDocument:
        return intro_document(self, "column", _("Column"))

    def feed_scopes(self) -> list[tuple[str, str]]:
        """The public feeds this page's change reaches (besides the site's "all" feed)."""
        return [("column", self.slug)]

    def route(self, request, path_components):
        """Fetch a story and what its page shows in one query, not Wagtail's generic two."""
        if path_components:
            # Slugs are unique among siblings: no ORDER BY (Django hashes every selected
            # column to build one, a large part of this wide query's cost).
            story = next(
                iter(
                    StoryPage.objects.child_of(self)
                    .filter(slug=path_components[0])
                    .select_related("hero_image", "series", "locality")
                    .order_by()[:1]
                ),
                None,
            )
            if story is not None:
                story._cached_parent_obj = self  # treebeard's cache: breadcrumbs need no query
                return story.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = paginate(request, self.stories(), STORIES_PER_PAGE)
        return context


class SeriesIndexPage(SectionIndexPage):
    """The list of series (loạt bài)."""

    subpage_types = ["stories.SeriesPage"]
    max_count = 1

    class Meta:
        verbose_name = _("series list")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        series = (
            SeriesPage.objects.live()
            .public()
            .child_of(self)
            .select_related("hero_image")
            .order_by("-first_published_at")
        )
        context["series_list"] = paginate(request, series, STORIES_PER_PAGE)
        return context


class SeriesPage(LanToaPage):
    """A multi-part series (loạt bài); its parts are stories that name it and their part number."""

    intro = RichTextField(
        _("series introduction"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    hero_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("hero_image")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["stories.SeriesIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("series")
        verbose_name_plural = _("series")

    def search_document(self) -> IndexedDocument:
        return intro_document(self, "series", _("Series"))

    def feed_scopes(self) -> list[tuple[str, str]]:
        return [("series", self.slug)]

    def parts(self) -> StoryPageQuerySet:
        return (
            StoryPage.objects.live()
            .public()
            .filter(series=self)
            .for_listing()
            .order_by("part_number", "pk")
        )

    def structured_data(self, request) -> list[dict]:
        """The series' page: a CollectionPage about a CreativeWorkSeries, with its image."""
        description = self.search_description or strip_tags(self.intro or "").strip()
        page = seo.collection_page(request, self.title, self.get_full_url(request), description)
        page["about"] = {"@type": "CreativeWorkSeries", "name": self.title}
        images = seo.image_objects(request, self.hero_image)
        if images:
            page["image"] = images
        return [page, self.breadcrumb_data(request)]

    def get_context(self, request, *args, **kwargs):
        if self.hero_image:  # its renditions (page, JSON-LD, preview) in one query
            prefetch_related_objects([self.hero_image], "renditions")
        context = super().get_context(request, *args, **kwargs)
        context["parts"] = self.parts()
        if self.hero_image:
            context["og"] = {"image": seo.rendition_share_image(request, self.hero_image)}
        return context


class StoryPageQuerySet(LanToaPageQuerySet):
    def with_sort_date(self) -> StoryPageQuerySet:
        return self.annotate(sort_date=Coalesce("publication_date", "first_published_at"))

    def newest_first(self) -> StoryPageQuerySet:
        return self.with_sort_date().order_by("-sort_date", "-pk")

    def for_listing(self) -> StoryPageQuerySet:
        """What a story card needs, in a fixed number of queries whatever the page size."""
        return (
            self.newest_first()
            .select_related("hero_image", "series")
            .prefetch_related("hero_image__renditions")
            .with_card_figures()
        )

    def cards(self) -> StoryPageQuerySet:
        """Only the columns a story card shows; the caller prefetches the renditions."""
        return (
            self.select_related("hero_image", "series").only(*STORY_CARD_FIELDS).with_card_figures()
        )

    def with_card_figures(self) -> StoryPageQuerySet:
        """Figures other apps show on a card (reader comments: `comment_count`), as annotations
        of this one query: `story_card_annotations` hooks return {name: expression}."""
        queryset = self
        for hook in hooks.get_hooks(CARD_ANNOTATIONS_HOOK):
            queryset = queryset.annotate(**hook())
        return queryset


StoryPageManager = PageManager.from_queryset(StoryPageQuerySet)


class StoryPage(IntegrityGatedPage, StoryCommentModeMixin, LanToaPage):
    """An exemplar story, a column piece or one part of a series."""

    # What the integrity gate reads before publishing (integrity.pages).
    integrity_text_fields = (
        "title",
        "sapo",
        "body",
        "hero_caption",
        "source",
        "radio_script",
        "seo_title",
        "search_description",
    )

    sapo = models.TextField(
        _("standfirst (summary)"),
        max_length=600,
        help_text=_("The bold lead paragraph under the title, at most 600 characters."),
    )
    body = StreamField(StoryBodyBlock(), verbose_name=_("content"), blank=True)
    hero_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("main image"),
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
        error_messages={"blank": _("A story needs a main image before it is published.")},
    )
    hero_caption = models.CharField(_("main image caption"), max_length=300, blank=True)
    source = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("For example: the Lan Toa newspaper, the provincial radio and TV station."),
    )
    locality = models.ForeignKey(
        "core.Locality",
        verbose_name=_("locality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
    )
    publication_date = models.DateTimeField(
        _("displayed publication date"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the time of first publication."),
    )
    series = models.ForeignKey(
        "stories.SeriesPage",
        verbose_name=_("part of series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    part_number = models.PositiveSmallIntegerField(_("part number"), null=True, blank=True)
    channels = ParentalManyToManyField(
        Channel, verbose_name=_("published on"), blank=True, related_name="stories"
    )
    radio_script = models.TextField(
        _("radio script"),
        blank=True,
        help_text=_("The text the presenter reads. Leave empty: it is made from the story's text."),
    )
    pronunciation_notes = models.TextField(
        _("pronunciation notes"),
        blank=True,
        help_text=_("How to say names, places and local words; printed with the script."),
    )
    tags = ClusterTaggableManager(
        through=TaggedStory, blank=True, verbose_name=pgettext_lazy("story", "tag")
    )
    legacy_id = models.CharField(_("legacy article ID"), max_length=64, blank=True, editable=False)
    # The synthetic read-aloud (stories.read_aloud): written by the background task only, kept
    # across revisions (`with_content_json`), never shown while a recorded file exists.
    synthetic_audio = models.FileField(
        _("synthetic read-aloud"), upload_to="speech/", blank=True, editable=False
    )
    synthetic_audio_source_hash = models.CharField(
        _("read-aloud text hash"), max_length=64, blank=True, editable=False
    )
    synthetic_audio_duration = models.FloatField(
        _("read-aloud duration (seconds)"), null=True, blank=True, editable=False
    )

    objects = StoryPageManager()
    base_form_class = StoryPageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("sapo"),
        FieldPanel("hero_image"),
        FieldPanel("hero_caption"),
        FieldPanel("body"),
        MultipleChooserPanel(
            "story_authors", chooser_field_name="author", label=_("Authors"), heading=_("Authors")
        ),
        FieldPanel("source"),
    ]
    classification_panels = [
        FieldPanel("locality"),
        FieldPanel("tags"),
        MultipleChooserPanel(
            "exemplar_links",
            chooser_field_name="exemplar",
            label=pgettext_lazy("full term", "Exemplar"),
            heading=_("Exemplars mentioned"),
        ),
        MultiFieldPanel([FieldPanel("series"), FieldPanel("part_number")], heading=_("Series")),
        MultipleChooserPanel(
            "related_links",
            chooser_field_name="related_story",
            label=_("Related stories"),
            heading=_("Related stories"),
        ),
    ]
    distribution_panels = [
        FieldPanel("channels", widget=forms.CheckboxSelectMultiple),
        FieldPanel("radio_script"),
        FieldPanel("pronunciation_notes"),
        FieldPanel("comment_mode"),
    ]
    correction_panels = [
        InlinePanel("corrections", label=_("Corrections"), heading=_("Corrections")),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("publication_date")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("sapo"),
        index.SearchField("body"),
        index.FilterField("series"),
        index.FilterField("locality"),
    ]
    parent_page_types = ["stories.ColumnIndexPage"]
    subpage_types = []
    exclude_fields_in_copy = [*READ_ALOUD_FIELDS]

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "part_number"],
                condition=models.Q(series__isnull=False, part_number__isnull=False),
                name="unique_series_part",
                violation_error_message=_("Another story already has this part of the series."),
            ),
            # Re-running the importer, even twice at once, never duplicates a legacy article.
            models.UniqueConstraint(
                fields=["legacy_id"],
                condition=~models.Q(legacy_id=""),
                name="unique_story_legacy_id",
            ),
        ]

    def clean(self) -> None:
        super().clean()
        if self.series_id and not self.part_number:
            raise ValidationError({"part_number": _("A story in a series needs a part number.")})
        if self.part_number and not self.series_id:
            raise ValidationError({"series": _("Choose the series for this part number.")})
        if self.series_id and self.part_number:
            clash = (
                StoryPage.objects.filter(series_id=self.series_id, part_number=self.part_number)
                .exclude(pk=self.pk)
                .first()
            )
            if clash:
                raise ValidationError(
                    {
                        "part_number": _(
                            "Part %(number)s of this series already exists: “%(title)s”."
                        )
                        % {"number": self.part_number, "title": clash.title}
                    }
                )

    def with_content_json(self, content):
        """A revision published later must not bring back the read-aloud it was saved with
        (the task wrote the current one on the page itself, after that revision)."""
        page = super().with_content_json(content)
        for name in READ_ALOUD_FIELDS:
            setattr(page, name, getattr(self, name))
        return page

    @property
    def display_date(self):
        return self.publication_date or self.first_published_at or self.latest_revision_created_at

    @property
    def updated_date(self):
        """When the story last changed for its readers: its latest publication when it was
        published again after the first time (an edit, a correction), else its own date.
        A story loaded or imported with an earlier date keeps that date, so stories published
        together in one batch do not all share the batch's instant."""
        published = self.display_date
        first, last = self.first_published_at, self.last_published_at
        if first and last and last > first:
            return max(last, published)
        return published

    @cached_property
    def column(self) -> Page | None:
        return self.get_parent()

    @cached_property
    def authors(self) -> list[Author]:
        return [link.author for link in self.story_authors.select_related("author")]

    @cached_property
    def tag_list(self) -> list[StoryTag]:
        return list(self.tags.all())

    @cached_property
    def exemplars(self) -> list:
        """The live exemplars the story names, with what its page lists of them."""
        links = self.exemplar_links.select_related("exemplar").only(
            "story",  # the manager sets it on every link
            "exemplar",
            "exemplar__title",
            "exemplar__url_path",
            "exemplar__live",
            "exemplar__organisation",
        )
        return [link.exemplar for link in links if link.exemplar.live]

    def plain_text(self) -> str:
        """Body without markup, for search, read time, descriptions and radio scripts: one
        paragraph per paragraph, list items on their own lines (`core.plaintext`)."""
        return stream_text(self.body)

    def search_document(self) -> IndexedDocument:
        """What the reader-facing search indexes (read with `select_related("locality")` and
        `prefetch_related("tags")`, as `searchable_story_pages` does)."""
        column = self.get_parent()
        return page_document(
            self,
            "story",
            _("Story"),
            summary=plain_fields(self.sapo),
            body=normalize(self.plain_text()),
            date=self.display_date,
            column_id=column.pk if column else None,
            column_title=column.title if column else "",
            locality_id=self.locality_id,
            locality_name=self.locality.name if self.locality_id else "",
            tags=[(tag.slug, tag.name) for tag in self.tags.all()],
        )

    @property
    def read_aloud_file(self):
        """The synthetic read-aloud file (a FieldFile with `.url`, `.size`), or None."""
        return self.synthetic_audio if self.synthetic_audio else None

    def feed_entry(self, *, column: Page | None = None, audio=None) -> FeedEntry:
        """This story as a feed item (`syndication.registry`); the column and the body's first
        audio file are fetched for a whole feed at once (`stories.feeds`). Radio feeds fall
        back to the synthetic read-aloud when there is no recorded file."""
        published = self.display_date
        tags = sorted(tag.name for tag in self.tags.all())
        return FeedEntry(
            guid=f"urn:uuid:{self.translation_key}",
            url=self.get_url(),
            title=self.title,
            summary=self.sapo,
            published=published,
            updated=self.updated_date,
            body_html=str(self.body),
            authors=tuple(link.author.name for link in self.story_authors.all()),
            categories=((column.title,) if column else ()) + tuple(tags),
            image=self.hero_image,
            audio=audio,
            synthetic_audio=None if audio is not None else self.read_aloud_file,
            synthetic_audio_hash=self.synthetic_audio_source_hash,
        )

    def feed_scopes(self) -> list[tuple[str, str]]:
        """The public feeds this story's change reaches (besides the site's "all" feed)."""
        scopes = [("column", self.column.slug)]
        scopes += [("tag", tag.slug) for tag in self.tag_list]
        scopes += [("exemplar", exemplar.slug) for exemplar in self.exemplars]
        if self.series_id:
            scopes.append(("series", self.series.slug))
        return scopes

    def series_neighbours(self) -> tuple[StoryPage | None, StoryPage | None]:
        """The live parts just before and after this one, found with a single query."""
        if not (self.series_id and self.part_number):
            return None, None
        parts = list(
            StoryPage.objects.live()
            .public()
            .filter(series_id=self.series_id)
            .exclude(pk=self.pk)
            .order_by("part_number")
        )
        earlier = [part for part in parts if part.part_number < self.part_number]
        later = [part for part in parts if part.part_number > self.part_number]
        return (earlier[-1] if earlier else None), (later[0] if later else None)

    def other_stories(self) -> StoryPageQuerySet:
        """“Các tin khác”: the newest other stories of the same column, as cards."""
        return (
            StoryPage.objects.live()
            .public()
            .sibling_of(self, inclusive=False)
            .newest_first()
            .cards()[:OTHER_STORIES_COUNT]
        )

    @cached_property
    def related_stories(self) -> list[StoryPage]:
        """The live stories an editor linked to this one, as cards."""
        links = self.related_links.select_related(
            "related_story__hero_image", "related_story__series"
        ).only(
            "story",
            "related_story",
            "related_story__live",
            *(f"related_story__{name}" for name in STORY_CARD_FIELDS),
        )
        return [link.related_story for link in links if link.related_story.live]

    def body_images(self) -> list:
        """The images the body's blocks show (photos, video posters)."""
        return [
            value
            for block in self.body
            if isinstance(block.value, StructValue)
            for value in block.value.values()
            if isinstance(value, AbstractImage)
        ]

    def structured_data(self, request) -> list[dict]:
        """schema.org NewsArticle for search engines and link previews, and its breadcrumbs:
        the publisher with its logo, authors with their pages' addresses,
        the hero image in 16:9, 4:3 and 1:1."""
        url = self.get_full_url(request)
        data = {
            "@context": seo.SCHEMA,
            "@type": "NewsArticle",
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "headline": self.title[:110],
            "description": self.sapo,
            "inLanguage": "vi",
            "url": url,
            "datePublished": localtime(self.display_date).isoformat(),
            "dateModified": localtime(self.updated_date).isoformat(),
            "author": [author.structured_data(request) for author in self.authors],
            "publisher": seo.organization(request),
            "keywords": [tag.name for tag in self.tag_list],
        }
        images = seo.image_objects(request, self.hero_image)
        if images:
            data["image"] = images
        if self.series_id:
            data["isPartOf"] = {"@type": "CreativeWorkSeries", "name": self.series.title}
        return [data, self.breadcrumb_data(request)]

    @cached_property
    def other_story_cards(self) -> list[StoryPage]:
        return list(self.other_stories())

    @cached_property
    def neighbours(self) -> tuple[StoryPage | None, StoryPage | None]:
        return self.series_neighbours()

    @cached_property
    def corrections_newest_first(self) -> list[StoryCorrection]:
        return sorted(self.corrections.all(), key=lambda c: c.corrected_at, reverse=True)

    def get_context(self, request, *args, **kwargs):
        # What the page reads is memoised on it, so core.routecache keeps it with the route.
        context = super().get_context(request, *args, **kwargs)
        other_stories = self.other_story_cards
        # Every image the page shows gets its renditions in one query; Wagtail then finds them
        # without a cache lookup each (`find_existing_renditions` trusts prefetched ones).
        images = [self.hero_image, *self.body_images()]
        images += [story.hero_image for story in [*self.related_stories, *other_stories]]
        images = [
            image
            for image in images
            if image is not None
            and "renditions" not in getattr(image, "_prefetched_objects_cache", {})
        ]
        prefetch_related_objects(images, "renditions")
        previous, following = self.neighbours
        context.update(
            structured_data=self.structured_data(request),
            previous_part=previous,
            next_part=following,
            other_stories=other_stories,
            corrections=self.corrections_newest_first,
        )
        return context


StoryPage.edit_handler = TabbedInterface(
    [
        ObjectList(StoryPage.content_panels, heading=_("Content")),
        ObjectList(StoryPage.classification_panels, heading=_("Classification")),
        ObjectList(StoryPage.distribution_panels, heading=_("Distribution")),
        ObjectList(StoryPage.correction_panels, heading=_("Corrections")),
        ObjectList(StoryPage.promote_panels, heading=_("Promote")),
        ObjectList(StoryPage.settings_panels, heading=_("Settings")),
    ]
)


class StoryAuthor(Orderable):
    story = ParentalKey(StoryPage, related_name="story_authors", on_delete=models.CASCADE)
    author = models.ForeignKey(
        Author, verbose_name=_("author"), on_delete=models.PROTECT, related_name="story_links"
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = _("story author")
        verbose_name_plural = _("story authors")


class StoryExemplar(Orderable):
    story = ParentalKey(StoryPage, related_name="exemplar_links", on_delete=models.CASCADE)
    exemplar = models.ForeignKey(
        "campaigns.ExemplarPage",
        verbose_name=_("exemplar"),
        on_delete=models.CASCADE,
        related_name="story_links",
    )

    panels = [FieldPanel("exemplar")]

    class Meta(Orderable.Meta):
        verbose_name = _("exemplar in the story")
        verbose_name_plural = _("exemplars in the story")


class StoryRelatedLink(Orderable):
    story = ParentalKey(StoryPage, related_name="related_links", on_delete=models.CASCADE)
    related_story = models.ForeignKey(
        StoryPage, verbose_name=_("related story"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("related_story")]

    class Meta(Orderable.Meta):
        verbose_name = _("related story")
        verbose_name_plural = _("related stories")


class StoryCorrection(Orderable):
    """A dated correction note ("Đính chính") shown to readers at the top of the story."""

    story = ParentalKey(StoryPage, related_name="corrections", on_delete=models.CASCADE)
    corrected_at = models.DateTimeField(_("corrected at"), default=timezone.now)
    note = models.TextField(_("correction text"), max_length=2000)

    panels = [FieldPanel("corrected_at"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
