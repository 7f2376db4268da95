"""What each feed carries: the site's feed, the outlets' own (article and radio) and the scopes
apps register (column, series, tag, exemplar, campaign: `registry.feed_scopes`).

Pages come from the provider registered with `register_syndicated_pages` (live and public
only, so drafts, private pages, pages in moderation and unpublished pages never appear); each
page builds its own feed item (`registry.FeedEntry`).
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.db.models import Max
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import PageLogEntry, Site

from core.models import SiteSettings
from media_pipeline.images.services import feed_image, podcast_square
from vietnamese.speech import syllable_count

from . import radio
from .feeds import DEFAULT_LIMIT, Feed, Item, Media, absolute, clean_content_html, script_html
from .models import Outlet
from .registry import FeedEntry, feed_scopes, syndicated_pages

AIRING_SALT = "syndication.airing"
PODCAST_IMAGE_HOOK = "syndication_podcast_image"
# Actions that take a page out of feeds without changing any remaining page's dates.
REMOVAL_ACTIONS = [
    "wagtail.unpublish",
    "wagtail.delete",
    "wagtail.move",
    "wagtail.view_restriction.create",
    "wagtail.view_restriction.edit",
]
EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
PODCAST_DEFAULT_COVER = "syndication/img/podcast-cover.png"


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
            _("%(site)s – Latest stories") % {"site": site_name},
            _("Outstanding exemplars, good people and good deeds"),
            home,
            syndicated_pages().latest(),
        )
    if scope in ("outlet", "radio"):
        if outlet is None or (scope == "radio" and not outlet.is_radio):
            return None
        title = (
            _("Radio scripts for %(name)s") if scope == "radio" else _("Stories for %(name)s")
        ) % {"name": outlet.name}
        return FeedSource(
            scope,
            str(outlet.pk),
            title,
            _("Stories for %(kind)s") % {"kind": outlet.get_kind_display()},
            home,
            syndicated_pages().for_channels(outlet.channel_codes),
            outlet=outlet,
        )
    resolver = feed_scopes().get(scope)
    found = resolver(ident) if resolver else None
    if found is None:
        return None
    return FeedSource(
        scope, ident, found.title, found.subtitle, absolute(found.page_url), found.pages
    )


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


def _image(image) -> Media | None:
    if not image:
        return None
    rendition = feed_image(image)
    mime_type = mimetypes.guess_type(rendition.url)[0] or "image/jpeg"
    return Media(absolute(rendition.url), mime_type, 0, rendition.width, rendition.height)


def _audio(audio) -> Media | None:
    """The enclosure: the audio library's item (media_pipeline.Audio) as it is served (its
    broadcast copy once made), with the served file's bytes and seconds."""
    if audio is None:
        return None
    if hasattr(audio, "served_size"):
        size, mime_type, seconds = audio.served_size, audio.served_mime_type, audio.served_duration
    else:  # a Wagtail document (a provider that still hands documents)
        size = audio.file_size or audio.get_file_size() or 0
        mime_type = mimetypes.guess_type(audio.filename)[0] or "audio/mpeg"
        seconds = 0.0
    return Media(absolute(audio.url), mime_type, size or 0, duration=seconds or 0.0)


def _synthetic_audio(file) -> Media | None:
    """The synthetic read-aloud (a stored MP3 file) as an enclosure."""
    if not file:
        return None
    try:
        size = file.size
    except OSError:  # the file went missing from storage: no enclosure rather than a 500
        return None
    return Media(absolute(file.url), "audio/mpeg", size)


def items(entries: list[tuple[object, FeedEntry]], *, radio_outlet: Outlet | None = None):
    """Feed items for pages and the entries they built (`SyndicatedPages.feed_entries`)."""
    result = []
    for page, entry in entries:
        common = {
            "guid": entry.guid,
            "url": absolute(entry.url),
            "title": entry.title,
            "summary": entry.summary,
            "published": entry.published,
            "updated": entry.updated,
            "authors": entry.authors,
            "categories": entry.categories,
            "image": _image(entry.image),
            "audio": _audio(entry.audio),
        }
        if radio_outlet is None:
            result.append(Item(content_html=clean_content_html(entry.body_html), **common))
            continue
        script = radio.script_for(page)
        # Stations get the recorded file first, else the synthetic voice (issue 13).
        if common["audio"] is None:
            common["audio"] = _synthetic_audio(entry.synthetic_audio)
        result.append(
            Item(
                content_html=script_html(script),
                syllables=syllable_count(script),
                read_seconds=radio.read_seconds(script),
                transcript_url=absolute(
                    reverse("syndication:script_text", kwargs={"story_pk": page.pk})
                ),
                confirm_url=confirm_url(radio_outlet.pk, page.pk),
                **common,
            )
        )
    return tuple(result)


def _podcast_image() -> str:
    """The podcast cover (`itunes:image`): the largest square of 1400 to 3000 px the site's
    share image allows (`media_pipeline.images.services.podcast_square`; the
    `syndication_podcast_image` hook answers a Wagtail image or None). An image too small for
    that, or none, gives the cover we ship (`static/syndication/img/podcast-cover.png`)."""
    for hook in hooks.get_hooks(PODCAST_IMAGE_HOOK):
        image = hook()
        if image is not None:
            rendition = podcast_square(image)
            if rendition is not None:
                return absolute(rendition.url)
            break
    return absolute(static(PODCAST_DEFAULT_COVER))


def podcast_owner_email() -> str:
    """`itunes:owner`/`itunes:email`: SYNDICATION_PODCAST_EMAIL, else the site settings'
    contact address."""
    configured = getattr(settings, "SYNDICATION_PODCAST_EMAIL", "")
    if configured:
        return configured
    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).contact_email if site else ""


def self_query(source: FeedSource, limit: int) -> str:
    """The query of the address this copy answers: `?limit=` when not the default, an
    outlet's `?token=` (the only one it accepts), so the self link is the URL fetched."""
    query = {}
    if limit != DEFAULT_LIMIT:
        query["limit"] = limit
    if source.outlet is not None and source.outlet.token:
        query["token"] = source.outlet.token
    return urlencode(query)


def assemble(source: FeedSource, limit: int) -> Feed:
    """The feed's full data: stories (at most `limit`), dates and links."""
    entries = syndicated_pages().feed_entries(source.stories, limit)
    feed_items = items(entries, radio_outlet=source.outlet if source.radio else None)
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
        self_query=self_query(source, limit),
        items=feed_items,
        radio=source.radio,
        image_url=_podcast_image() if source.radio else "",
        owner_email=podcast_owner_email() if source.radio else "",
        publisher=settings.WAGTAIL_SITE_NAME,
        hub_url=getattr(settings, "SYNDICATION_WEBSUB_HUB", ""),
        story_ids=tuple(page.pk for page, _entry in entries),
    )
