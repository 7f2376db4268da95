"""RSS 2.0 and Atom feeds built with feedgen, with a workaround for each of its 1.0 defects.

feedgen 1.0.0 (the last release) has defects listed in ../shared/notes/feeds-and-engagement.md.
Each is handled here and proved in tests/syndication/test_feedgen_workarounds.py:

1. Atom entry links lose `rel`, `type` and `length` (a loop variable is overwritten), so an
   enclosure becomes a second alternate link: `LanToaEntryExtension.extend_atom` rewrites the
   entry's links from our own list.
2. Atom `<content type="CDATA">` is invalid: content is always set with `type="html"`.
3. The syndication extension writes `sy:UpdatePeriod` / `None`: it is never loaded; our
   extension writes `sy:updatePeriod` / `sy:updateFrequency` as the spec spells them.
4. The RSS channel `<link>` is the last link added: the alternate link is added last.
5. RSS keeps only `atom:link rel="self"`: our extension adds `rel="hub"` (WebSub) to RSS.
6. `content:encoded` needs both description and content: both are always set.
7. `add_entry()` prepends: entries are added with `order="append"`.
8. `lastBuildDate` / `updated` default to now(): they are set from the data, so the same data
   gives byte-identical output and ETags hold.
9. `formatRFC2822` calls `locale.setlocale()` (process-wide, not thread-safe): feedgen's
   module-level references are replaced with `email.utils.format_datetime`.
10. Control characters make lxml raise: every text is cleaned first.
11. Podcast: `itunes_explicit` refuses Apple's true/false, channel `itunes_image` drops URLs
    not ending in .jpg/.png and the category list is outdated: our extension writes
    `itunes:explicit`, `itunes:image` and `itunes:category` itself. Podcast parsers take
    `media:content` for an episode file, so a radio item's picture is its `itunes:image`.
12. Every loaded extension declares its namespace whether or not an element uses it (`lt`,
    `sy`, `dc`, `media` in an Atom feed without them): unused declarations are removed with
    lxml's `cleanup_namespaces` before the document is written.

Plain text (titles, sapo) is entity-escaped once more in RSS, where readers take `<title>` and
`<description>` as HTML: "<b>Tin</b> & 5 < 6" shows as written, never in bold. Atom says
`type="text"`, which readers show as it is.
"""

from __future__ import annotations

import email.utils
import html
import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime

import feedgen.entry
import feedgen.feed
import nh3
from django.conf import settings
from django.utils import timezone
from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem
from lxml import etree

from vietnamese.xmlsafe import xml_safe


def _format_rfc822(value: datetime) -> str:
    """RFC 822 date without touching the process locale (feedgen's own version does)."""
    return email.utils.format_datetime(value)


# Workaround 9: feedgen imported `formatRFC2822` by name into these two modules.
feedgen.feed.formatRFC2822 = _format_rfc822
feedgen.entry.formatRFC2822 = _format_rfc822

ATOM_NS = "http://www.w3.org/2005/Atom"
ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
SY_NS = "http://purl.org/rss/1.0/modules/syndication/"
DC_NS = "http://purl.org/dc/elements/1.1/"
PODCAST_NS = "https://podcastindex.org/namespace/1.0"
LANTOA_NS = "urn:lantoa:syndication:1"
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")

TTL_MINUTES = 15
DEFAULT_LIMIT = 30
MAX_LIMIT = 100
GENERATOR = "Lan Tỏa"
CONTENT_TAGS = {
    "p", "br", "b", "i", "strong", "em", "a", "ul", "ol", "li", "h2", "h3", "h4",
    "figure", "figcaption", "img", "blockquote", "span",
}  # fmt: skip
CONTENT_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt", "width", "height"}}
_RELATIVE_URL = re.compile(r'(src|href)="/(?!/)')


@dataclass(frozen=True)
class Link:
    href: str
    rel: str = "alternate"
    type: str = ""
    length: int | None = None


@dataclass(frozen=True)
class Media:
    url: str
    mime_type: str
    length: int = 0
    width: int = 0
    height: int = 0
    duration: float = 0.0  # seconds (audio): `itunes:duration`


def itunes_duration(seconds: float) -> str:
    """`itunes:duration` as HH:MM:SS (Apple also takes seconds; every parser takes this)."""
    total = max(0, round(seconds))
    return f"{total // 3600:02d}:{total % 3600 // 60:02d}:{total % 60:02d}"


@dataclass(frozen=True)
class Item:
    """One story as a feed shows it; built from data only, so output is reproducible."""

    guid: str
    url: str
    title: str
    summary: str
    content_html: str
    published: datetime
    updated: datetime
    authors: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    image: Media | None = None
    audio: Media | None = None
    # Radio feeds only.
    syllables: int | None = None
    read_seconds: int | None = None
    transcript_url: str = ""
    confirm_url: str = ""


@dataclass(frozen=True)
class Feed:
    key: str
    title: str
    subtitle: str
    page_url: str
    rss_url: str
    atom_url: str
    updated: datetime
    # The query of the URL this copy is for (an outlet's `?token=`, a `?limit=`): self links
    # carry it, so the self link is the address the outlet fetched.
    self_query: str = ""
    items: tuple[Item, ...] = ()
    radio: bool = False
    image_url: str = ""
    owner_email: str = ""
    publisher: str = GENERATOR
    hub_url: str = ""
    extra: dict = field(default_factory=dict)
    story_ids: tuple[int, ...] = ()  # not rendered: what reached an outlet taking this feed


def clean(text: str | None) -> str:
    """Workaround 10: text that XML cannot carry is removed, never crashes the feed."""
    return xml_safe(text)


def plain_text(text: str | None, fmt: str) -> str:
    """Plain text for a title or summary: RSS readers read those elements as HTML, so `<`, `>`
    and `&` are written as entities there (and shown as the characters)."""
    cleaned = clean(text)
    return html.escape(cleaned, quote=False) if fmt == "rss" else cleaned


def local(value: datetime) -> datetime:
    """+07:00 (Asia/Ho_Chi_Minh) and whole seconds, for RFC 822 and RFC 3339 alike."""
    return timezone.localtime(value).replace(microsecond=0)


def absolute(url: str) -> str:
    if not url or url.startswith(("http://", "https://")):
        return url
    return settings.SITE_BASE_URL + (url if url.startswith("/") else "/" + url)


def clean_content_html(rendered: str) -> str:
    """Body HTML for `content:encoded`: absolute links and images, no scripts or handlers."""
    absolute_urls = _RELATIVE_URL.sub(rf'\1="{settings.SITE_BASE_URL}/', clean(rendered))
    return nh3.clean(
        absolute_urls,
        tags=CONTENT_TAGS,
        attributes=CONTENT_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
    ).strip()


def script_html(script: str) -> str:
    """A radio script as HTML paragraphs (the item content of a radio feed)."""
    paragraphs = [p.strip() for p in clean(script).split("\n\n") if p.strip()]
    return "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)


def podcast_guid(feed_url: str) -> str:
    """Podcasting 2.0 `podcast:guid`: UUIDv5 of the feed URL without its scheme."""
    without_scheme = re.sub(r"^[a-z]+://", "", feed_url).rstrip("/")
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, without_scheme))


class LanToaExtension(BaseExtension):
    """Channel-level elements feedgen gets wrong or lacks (workarounds 3, 5 and 11)."""

    def __init__(self):
        self.feed: Feed | None = None

    def extend_ns(self):
        # itunes: every feed whose items carry audio gives its duration (unused: removed).
        namespaces = {"sy": SY_NS, "dc": DC_NS, "lt": LANTOA_NS, "itunes": ITUNES_NS}
        if self.feed is not None and self.feed.radio:
            namespaces["podcast"] = PODCAST_NS
        return namespaces

    def extend_rss(self, rss_feed):
        channel = rss_feed[0]
        self._syndication(channel)
        if self.feed.hub_url:
            xml_elem(f"{{{ATOM_NS}}}link", channel, href=self.feed.hub_url, rel="hub")
        if self.feed.radio:
            self._podcast(channel)
        return rss_feed

    def extend_atom(self, atom_feed):
        return atom_feed

    def _syndication(self, channel) -> None:
        period = xml_elem(f"{{{SY_NS}}}updatePeriod", channel)
        period.text = "hourly"
        frequency = xml_elem(f"{{{SY_NS}}}updateFrequency", channel)
        frequency.text = str(60 // TTL_MINUTES)

    def _podcast(self, channel) -> None:
        explicit = xml_elem(f"{{{ITUNES_NS}}}explicit", channel)
        explicit.text = "false"
        xml_elem(f"{{{ITUNES_NS}}}category", channel, text="Government")
        if self.feed.image_url:
            xml_elem(f"{{{ITUNES_NS}}}image", channel, href=self.feed.image_url)
        guid = xml_elem(f"{{{PODCAST_NS}}}guid", channel)
        guid.text = podcast_guid(self.feed.rss_url)


class LanToaEntryExtension(BaseEntryExtension):
    """Item-level fixes and additions (workaround 1; authors, read time, airing link)."""

    def __init__(self):
        self.item: Item | None = None
        self.links: list[Link] = []
        self.radio = False

    def extend_atom(self, entry):
        # Workaround 1: drop feedgen's broken <link>s and write ours with rel/type/length.
        for element in list(entry):
            if element.tag in ("link", f"{{{ATOM_NS}}}link"):
                entry.remove(element)
            elif element.tag in (
                "title",
                "summary",
                f"{{{ATOM_NS}}}title",
                f"{{{ATOM_NS}}}summary",
            ):
                element.set("type", "text")  # plain text, shown as written
        for link in self.links:
            element = xml_elem("link", entry, href=link.href, rel=link.rel)
            if link.type:
                element.attrib["type"] = link.type
            if link.length is not None:
                element.attrib["length"] = str(link.length)
        self._reading(entry)
        self._duration(entry)
        return entry

    def extend_rss(self, entry):
        for author in self.item.authors:
            creator = xml_elem(f"{{{DC_NS}}}creator", entry)
            creator.text = author
        self._reading(entry)
        self._duration(entry)
        if self.radio:
            explicit = xml_elem(f"{{{ITUNES_NS}}}explicit", entry)
            explicit.text = "false"
            # Podcast apps read `media:content` as an episode file: the episode's picture is
            # `itunes:image`, so the enclosure stays the audio (or nothing).
            if self.item.image:
                xml_elem(f"{{{ITUNES_NS}}}image", entry, href=self.item.image.url)
            if self.item.transcript_url:
                xml_elem(
                    f"{{{PODCAST_NS}}}transcript",
                    entry,
                    url=self.item.transcript_url,
                    type="text/plain",
                    language="vi",
                )
        return entry

    def _duration(self, entry) -> None:
        """The enclosure's length in time, in every feed (feedgen's podcast extension, and so its
        `itunes_duration`, is loaded for radio RSS only)."""
        audio = self.item.audio
        if audio is not None and audio.duration:
            xml_elem(f"{{{ITUNES_NS}}}duration", entry).text = itunes_duration(audio.duration)

    def _reading(self, entry) -> None:
        item = self.item
        if item.syllables is not None:
            xml_elem(f"{{{LANTOA_NS}}}syllables", entry).text = str(item.syllables)
            xml_elem(f"{{{LANTOA_NS}}}readTime", entry).text = str(item.read_seconds)
        if item.confirm_url:
            xml_elem(f"{{{LANTOA_NS}}}confirmAiring", entry).text = item.confirm_url


def _generator(feed: Feed, fmt: str) -> FeedGenerator:
    fg = FeedGenerator()
    fg.register_extension("lantoa", LanToaExtension, LanToaEntryExtension)
    fg.lantoa.feed = feed
    fg.load_extension("media", atom=True, rss=True)
    if feed.radio and fmt == "rss":
        fg.load_extension("podcast", atom=False, rss=True)
        fg.podcast.itunes_author(clean(feed.publisher))
        fg.podcast.itunes_summary(clean(feed.subtitle))
        if feed.owner_email:
            fg.podcast.itunes_owner(name=clean(feed.publisher), email=feed.owner_email)
    fg.id(feed.atom_url)
    fg.title(plain_text(feed.title, fmt))
    fg.subtitle(plain_text(feed.subtitle or feed.title, fmt))
    fg.description(plain_text(feed.subtitle or feed.title, fmt))
    fg.language("vi")
    fg.generator(GENERATOR)
    fg.author({"name": clean(feed.publisher)})
    fg.ttl(TTL_MINUTES)
    updated = local(feed.updated)
    fg.updated(updated)  # Workaround 8: from the data, never now().
    fg.lastBuildDate(updated)
    self_url, self_type = (
        (feed.rss_url, "application/rss+xml")
        if fmt == "rss"
        else (feed.atom_url, "application/atom+xml")
    )
    if feed.self_query:
        self_url = f"{self_url}?{feed.self_query}"
    fg.link(href=self_url, rel="self", type=self_type)
    if feed.hub_url:
        fg.link(href=feed.hub_url, rel="hub")
    fg.link(href=feed.page_url, rel="alternate", type="text/html")  # Workaround 4: last.
    return fg


def _add_item(fg: FeedGenerator, feed: Feed, item: Item, fmt: str) -> None:
    fe = fg.add_entry(order="append")  # Workaround 7.
    fe.id(item.guid)
    fe.guid(item.guid, permalink=False)
    fe.title(plain_text(item.title, fmt))
    fe.link(href=item.url, rel="alternate", type="text/html")
    summary = plain_text(item.summary or item.title, fmt)
    fe.description(summary)  # Workaround 6: both description and content.
    if fmt == "atom":
        fe.summary(summary, type="text")  # the sapo, beside the full content
    fe.content(item.content_html, type="html")  # Workaround 2: never type="CDATA".
    for author in item.authors:
        fe.author({"name": clean(author)})
    for category in item.categories:
        fe.category(term=clean(category))
    fe.published(local(item.published))
    fe.updated(local(item.updated))
    links = [Link(item.url, "alternate", "text/html")]
    if item.audio:
        fe.enclosure(item.audio.url, str(item.audio.length), item.audio.mime_type)
        links.append(Link(item.audio.url, "enclosure", item.audio.mime_type, item.audio.length))
    podcast = feed.radio and fmt == "rss"
    if item.image and not podcast:
        fe.media.content(
            url=item.image.url,
            medium="image",
            type=item.image.mime_type,
            width=str(item.image.width),
            height=str(item.image.height),
            group=None,
        )
    if item.transcript_url:
        links.append(Link(item.transcript_url, "related", "text/plain"))
    fe.lantoa.item = item
    fe.lantoa.links = links
    fe.lantoa.radio = podcast


def build(feed: Feed, fmt: str) -> bytes:
    """The feed document as UTF-8 bytes: `fmt` is "rss" or "atom"."""
    fg = _generator(feed, fmt)
    for item in feed.items:
        _add_item(fg, feed, item, fmt)
    # Workaround 12: feedgen's rss_str/atom_str, minus the namespaces no element uses.
    _root, document = fg._create_rss() if fmt == "rss" else fg._create_atom()
    etree.cleanup_namespaces(document)
    return etree.tostring(document, pretty_print=True, encoding="UTF-8", xml_declaration=True)


CONTENT_TYPES = {
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
}
