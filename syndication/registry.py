"""What syndication carries comes from the apps that own the pages, through Wagtail hooks:
syndication imports no feature app (docs/architecture.md).

- `register_syndicated_pages` — the pages feeds, radio scripts and reach are about (one
  provider, the stories app's): live pages by id, pages for an outlet's channels, and each
  page's feed item, which the page model declares itself (`feed_entry()`, as Wagtail models
  declare `search_fields`);
- `register_speech` — the synthetic voice for station bulletins (one provider, media_pipeline's
  `media_pipeline.speech.synthesis`): `spoken_text`, `source_hash`, `render`, `join_with_gaps`,
  `pronunciation_dictionary`, `SpeechError`;
- `register_feed_scopes` — the feeds an app offers besides the site's and the outlets' own:
  `{scope: resolver}`, a resolver taking the URL's slug and answering a `FeedScope` (or None
  when nothing live has that slug).

A page also lists the public feeds its change reaches (`feed_scopes()`, read by the
`page_cache_urls` hook in `wagtail_hooks.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet
from wagtail import hooks
from wagtail.models import Page

SYNDICATED_PAGES_HOOK = "register_syndicated_pages"
FEED_SCOPES_HOOK = "register_feed_scopes"
SPEECH_HOOK = "register_speech"


@dataclass(frozen=True)
class FeedScope:
    """One feed's titles, its page on the site (a site path) and the unsliced pages it carries."""

    title: str
    subtitle: str
    page_url: str
    pages: QuerySet


@dataclass(frozen=True)
class FeedEntry:
    """One page as a feed item, built by the page itself; URLs are site paths, media are the
    Wagtail image and the audio library's item (media_pipeline.Audio: `url`, `served_size`,
    `served_mime_type`, `served_duration`); the feed makes renditions and absolute links."""

    guid: str
    url: str
    title: str
    summary: str
    published: datetime
    updated: datetime
    body_html: str
    authors: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    image: Any = None
    audio: Any = None
    # The synthetic read-aloud (a file with `.url` and `.size`), only when there is no recorded
    # audio: radio feeds and station bulletins use it, article feeds do not.
    synthetic_audio: Any = None
    synthetic_audio_hash: str = ""  # `media_pipeline.speech` source hash of what it reads


class SyndicatedPages(Protocol):
    """What the provider registered with `register_syndicated_pages` offers."""

    model: type[Page]

    def latest(self) -> QuerySet:
        """Every live, public page feeds carry, newest first (the site's feed)."""

    def for_channels(self, channel_codes: list[str]) -> QuerySet:
        """Live, public pages meant for any of these channels, newest first."""

    def for_channels_between(self, channel_codes: list[str], start, end) -> QuerySet:
        """The same, dated in [start, end), oldest first (a station's day)."""

    def live(self, pk: int) -> Page | None:
        """A live, public page by id (script download and print pages)."""

    def any_state(self, pk: int) -> Page | None:
        """A page in any state (airing confirmations, admin reports)."""

    def channel_codes(self, page: Page) -> set[str]:
        """The channels the page is meant for."""

    def feed_entries(self, pages: QuerySet, limit: int) -> list[tuple[Page, FeedEntry]]:
        """The first `limit` pages with their feed items, in a fixed number of queries."""


def syndicated_pages() -> SyndicatedPages:
    providers = [hook() for hook in hooks.get_hooks(SYNDICATED_PAGES_HOOK)]
    if len(providers) != 1:
        raise ImproperlyConfigured(
            f"Exactly one app must register {SYNDICATED_PAGES_HOOK!r}; found {len(providers)}."
        )
    return providers[0]


def feed_scopes() -> dict[str, Callable[[str], FeedScope | None]]:
    """Every app's feeds by scope name (column, series, tag, exemplar, campaign, …)."""
    found: dict[str, Callable[[str], FeedScope | None]] = {}
    for hook in hooks.get_hooks(FEED_SCOPES_HOOK):
        found.update(hook())
    return found


class Speech(Protocol):
    """What the provider registered with `register_speech` offers (media_pipeline.speech)."""

    SpeechError: type[Exception]

    def spoken_text(self, text: str, entries: dict[str, str] | None = None) -> str:
        """The text as the voice reads it (pronunciation dictionary, then normalisation)."""

    def source_hash(self, spoken: str) -> str:
        """Identifies a spoken text (a read-aloud is current when its hash is this)."""

    def render(self, spoken: str) -> Any:
        """An object with `.mp3` (bytes) and `.duration` (seconds)."""

    def join_with_gaps(self, parts: list[bytes], gap_seconds: float) -> bytes:
        """One MP3 of the parts with silence between them."""

    def pronunciation_dictionary(self) -> dict[str, str]:
        """The dictionary, read once for a whole bulletin."""


def speech() -> Speech:
    providers = [hook() for hook in hooks.get_hooks(SPEECH_HOOK)]
    if len(providers) != 1:
        raise ImproperlyConfigured(
            f"Exactly one app must register {SPEECH_HOOK!r}; found {len(providers)}."
        )
    return providers[0]
