"""What each feed carries: scopes (all, column, series, tag, exemplar, campaign, outlet).

Stories come from `stories.selectors` (live and public only, so drafts, private pages, pages in
moderation and unpublished pages never appear); exemplars from `campaigns.selectors`.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.core import signing
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import PageLogEntry

from stories import selectors as story_selectors
from vietnamese.speech import syllable_count

from . import radio
from .feeds import Feed, Item, Media, absolute, clean_content_html, script_html
from .models import Outlet

SCOPES = ("all", "column", "series", "tag", "exemplar", "campaign", "outlet", "radio")
AIRING_SALT = "syndication.airing"
# Actions that take a page out of feeds without changing any remaining page's dates.
REMOVAL_ACTIONS = [
    "wagtail.unpublish",
    "wagtail.delete",
    "wagtail.move",
    "wagtail.view_restriction.create",
    "wagtail.view_restriction.edit",
]
EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
IMAGE_FILTER = "fill-1200x630|format-jpeg"
PODCAST_IMAGE_FILTER = "fill-1400x1400|format-jpeg"


@dataclass
class FeedSource:
    """A resolved feed: its identity, titles and the (unsliced) stories it carries."""

    scope: str
    ident: str
    title: str
    subtitle: str
    page_url: str
    stories: object
    outlet: Outlet | None = None

    @property
    def key(self) -> str:
        return f"{self.scope}:{self.ident}" if self.ident else self.scope

    @property
    def radio(self) -> bool:
        return self.scope == "radio"


def feed_url(scope: str, fmt: str, ident: str = "") -> str:
    """The public path of a feed (for autodiscovery links, docs and self links)."""
    if scope == "all":
        return reverse("syndication:all", kwargs={"fmt": fmt})
    if scope in ("outlet", "radio"):
        return reverse(f"syndication:{scope}", kwargs={"pk": int(ident), "fmt": fmt})
    return reverse(f"syndication:{scope}", kwargs={"slug": ident, "fmt": fmt})


def resolve(scope: str, ident: str = "", outlet: Outlet | None = None) -> FeedSource | None:
    """The feed for a scope and identifier, or None when there is no such live thing."""
    site_name = settings.WAGTAIL_SITE_NAME
    home = absolute("/")
    if scope == "all":
        return FeedSource(
            scope,
            "",
            _("%(site)s – Bài viết mới nhất") % {"site": site_name},
            _("Gương điển hình tiên tiến, người tốt việc tốt"),
            home,
            story_selectors.live_stories().for_listing(),
        )
    if scope == "column":
        column = story_selectors.live_column(ident)
        if column is None:
            return None
        return FeedSource(
            scope,
            ident,
            f"{column.title} – {site_name}",
            _("Chuyên mục %(title)s") % {"title": column.title},
            absolute(column.get_url()),
            story_selectors.stories_in_column(column),
        )
    if scope == "series":
        series = story_selectors.live_series(ident)
        if series is None:
            return None
        return FeedSource(
            scope,
            ident,
            _("Loạt bài: %(title)s") % {"title": series.title},
            _("Các kỳ của loạt bài, theo thứ tự"),
            absolute(series.get_url()),
            story_selectors.series_parts(series),
        )
    if scope == "tag":
        tag = story_selectors.tag_by_slug(ident)
        if tag is None:
            return None
        return FeedSource(
            scope,
            ident,
            _("Từ khóa: %(name)s") % {"name": tag.name},
            _("Bài viết gắn từ khóa %(name)s") % {"name": tag.name},
            absolute(reverse("tag_detail", args=[tag.slug])),
            story_selectors.stories_tagged(tag),
        )
    if scope == "exemplar":
        from campaigns.selectors import live_exemplar

        exemplar = live_exemplar(ident)
        if exemplar is None:
            return None
        return FeedSource(
            scope,
            ident,
            _("Gương điển hình: %(title)s") % {"title": exemplar.title},
            _("Bài viết về %(title)s") % {"title": exemplar.title},
            absolute(exemplar.url),
            story_selectors.stories_about_exemplar(exemplar.pk),
        )
    if scope == "campaign":
        from campaigns import selectors as campaign_selectors

        campaign = campaign_selectors.public_campaign(ident)
        if campaign is None:
            return None
        return FeedSource(
            scope,
            ident,
            _("Phong trào: %(title)s") % {"title": campaign.title},
            _("Bài viết về các gương điển hình của %(code)s") % {"code": campaign.code},
            absolute(campaign.url or "/"),
            story_selectors.stories_about_any_exemplar(campaign.exemplar_ids),
        )
    if scope in ("outlet", "radio") and outlet is not None:
        if scope == "radio" and not outlet.is_radio:
            return None
        title = (
            _("Kịch bản phát thanh cho %(name)s") if scope == "radio" else _("Tin bài cho %(name)s")
        ) % {"name": outlet.name}
        return FeedSource(
            scope,
            str(outlet.pk),
            title,
            _("Bài viết dành cho %(kind)s") % {"kind": outlet.get_kind_display()},
            home,
            story_selectors.stories_for_channels(outlet.channel_codes),
            outlet=outlet,
        )
    return None


def last_removal() -> datetime:
    """When a page last left the site (unpublished, deleted, moved, made private)."""
    latest = PageLogEntry.objects.filter(action__in=REMOVAL_ACTIONS).aggregate(
        latest=Max("timestamp")
    )["latest"]
    return latest or EPOCH


def airing_token(outlet_pk: int, story_pk: int) -> str:
    """A signed, deterministic token for "outlet aired story" (same data, same feed bytes).

    `Signer`, not `dumps()`: the latter adds a timestamp, which would change the feed bytes.
    """
    return signing.Signer(salt=AIRING_SALT).sign_object({"o": outlet_pk, "s": story_pk})


def read_airing_token(token: str) -> tuple[int, int] | None:
    try:
        data = signing.Signer(salt=AIRING_SALT).unsign_object(token)
        return int(data["o"]), int(data["s"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def confirm_url(outlet_pk: int, story_pk: int) -> str:
    return absolute(
        reverse("syndication:confirm", kwargs={"token": airing_token(outlet_pk, story_pk)})
    )


def _image(story) -> Media | None:
    if not story.hero_image:
        return None
    rendition = story.hero_image.get_rendition(IMAGE_FILTER)
    mime_type = mimetypes.guess_type(rendition.url)[0] or "image/jpeg"
    return Media(absolute(rendition.url), mime_type, 0, rendition.width, rendition.height)


def _audio(document) -> Media | None:
    if document is None:
        return None
    size = document.file_size or document.get_file_size() or 0
    mime_type = mimetypes.guess_type(document.filename)[0] or "audio/mpeg"
    return Media(absolute(document.url), mime_type, size)


def items(stories: list, *, radio_outlet: Outlet | None = None) -> tuple[Item, ...]:
    """Feed items for stories that were fetched with `with_feed_details`."""
    columns = story_selectors.story_columns(stories)
    audio = story_selectors.story_audio_files(stories)
    result = []
    for story in stories:
        column = columns.get(story.pk)
        tags = sorted(tag.name for tag in story.tags.all())
        published = story.display_date
        common = {
            "guid": f"urn:uuid:{story.translation_key}",
            "url": absolute(story.get_url()),
            "title": story.title,
            "summary": story.sapo,
            "published": published,
            "updated": max(story.last_published_at or published, published),
            "authors": tuple(link.author.name for link in story.story_authors.all()),
            "categories": ((column.title,) if column else ()) + tuple(tags),
            "image": _image(story),
            "audio": _audio(audio.get(story.pk)),
        }
        if radio_outlet is None:
            result.append(Item(content_html=clean_content_html(str(story.body)), **common))
            continue
        script = radio.script_for(story)
        result.append(
            Item(
                content_html=script_html(script),
                syllables=syllable_count(script),
                read_seconds=radio.read_seconds(script),
                transcript_url=absolute(
                    reverse("syndication:script_text", kwargs={"story_pk": story.pk})
                ),
                confirm_url=confirm_url(radio_outlet.pk, story.pk),
                **common,
            )
        )
    return tuple(result)


def _podcast_image() -> str:
    from wagtail.models import Site

    from core.models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return ""
    image = SiteSettings.for_site(site).default_share_image
    if image is None:
        return ""
    return absolute(image.get_rendition(PODCAST_IMAGE_FILTER).url)


def assemble(source: FeedSource, limit: int) -> Feed:
    """The feed's full data: stories (at most `limit`), dates and links."""
    stories = list(story_selectors.with_feed_details(source.stories)[:limit])
    feed_items = items(stories, radio_outlet=source.outlet if source.radio else None)
    updated = max([last_removal(), *(item.updated for item in feed_items)])
    ident = source.ident
    return Feed(
        key=source.key,
        title=source.title,
        subtitle=source.subtitle,
        page_url=source.page_url,
        rss_url=absolute(feed_url(source.scope, "rss", ident)),
        atom_url=absolute(feed_url(source.scope, "atom", ident)),
        updated=updated,
        items=feed_items,
        radio=source.radio,
        image_url=_podcast_image() if source.radio else "",
        owner_email=getattr(settings, "SYNDICATION_PODCAST_EMAIL", ""),
        publisher=settings.WAGTAIL_SITE_NAME,
        hub_url=getattr(settings, "SYNDICATION_WEBSUB_HUB", ""),
        story_ids=tuple(story.pk for story in stories),
    )
