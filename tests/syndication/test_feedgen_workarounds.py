"""Each feedgen 1.0 defect from ../shared/notes/feeds-and-engagement.md: shown on plain feedgen
(so the workaround is still needed) and shown fixed in our output (syndication.feeds)."""

import locale
import threading
from datetime import UTC, datetime

import feedparser
import pytest
from django.test import override_settings
from feedgen.feed import FeedGenerator
from lxml import etree

from syndication import feeds
from syndication.feeds import Feed, Item, Media

ATOM = "{http://www.w3.org/2005/Atom}"
WHEN = datetime(2021, 12, 2, 16, 3, tzinfo=UTC)


def sample_feed(**overrides) -> Feed:
    item = Item(
        guid="urn:uuid:00000000-0000-0000-0000-000000000001",
        url="https://lantoa.example/bai/1/",
        title="Bài\x0b thử",
        summary="Sapo\x0c thử",
        content_html="<p>Nội dung</p>",
        published=WHEN,
        updated=WHEN,
        authors=("Lò Thị Mai",),
        categories=("Gương sáng",),
        audio=Media("https://lantoa.example/documents/1/a.mp3", "audio/mpeg", 2048),
        image=Media("https://lantoa.example/media/a.jpg", "image/jpeg", 0, 1200, 630),
    )
    values = {
        "key": "all",
        "title": "Lan Tỏa",
        "subtitle": "Thử",
        "page_url": "https://lantoa.example/",
        "rss_url": "https://lantoa.example/feeds/all.rss",
        "atom_url": "https://lantoa.example/feeds/all.atom",
        "updated": WHEN,
        "items": (item,),
    }
    values.update(overrides)
    return Feed(**values)


def plain_entry_generator() -> FeedGenerator:
    fg = FeedGenerator()
    fg.id("https://lantoa.example/feeds/all.atom")
    fg.title("Lan Tỏa")
    fg.description("Thử")
    fg.link(href="https://lantoa.example/", rel="alternate")
    fe = fg.add_entry()
    fe.id("urn:uuid:1")
    fe.title("Bài")
    fe.link(href="https://lantoa.example/bai/1/", rel="alternate", type="text/html")
    fe.enclosure("https://lantoa.example/a.mp3", "2048", "audio/mpeg")
    return fg


def test_1_atom_entry_links_keep_rel_type_and_length():
    upstream = etree.fromstring(plain_entry_generator().atom_str())
    upstream_links = upstream.findall(f"{ATOM}entry/{ATOM}link")
    assert [link.get("rel") for link in upstream_links] == [None, None]  # the defect

    ours = etree.fromstring(feeds.build(sample_feed(), "atom"))
    links = ours.findall(f"{ATOM}entry/{ATOM}link")
    assert [(link.get("rel"), link.get("type")) for link in links] == [
        ("alternate", "text/html"),
        ("enclosure", "audio/mpeg"),
    ]
    assert links[1].get("length") == "2048"


def test_2_atom_content_type_is_never_cdata():
    fg = plain_entry_generator()
    fg.entry()[0].content("<p>x</p>", type="CDATA")
    assert b'type="CDATA"' in fg.atom_str()  # the defect
    ours = etree.fromstring(feeds.build(sample_feed(), "atom"))
    assert ours.find(f"{ATOM}entry/{ATOM}content").get("type") == "html"


def test_3_syndication_extension_spelling():
    fg = plain_entry_generator()
    fg.load_extension("syndication")
    assert b"<sy:UpdateFrequency>None</sy:UpdateFrequency>" in fg.rss_str()  # no frequency
    fg.syndication.update_period("hourly")
    assert b"<sy:UpdatePeriod>hourly" in fg.rss_str()  # the defect: the spec says updatePeriod
    ours = feeds.build(sample_feed(), "rss")
    assert b"<sy:updatePeriod>hourly</sy:updatePeriod>" in ours
    assert b"<sy:updateFrequency>4</sy:updateFrequency>" in ours
    assert b"UpdatePeriod" not in ours and b">None<" not in ours


def test_4_rss_channel_link_is_the_alternate_link():
    fg = plain_entry_generator()
    fg.link(href="https://lantoa.example/feeds/all.rss", rel="self")
    channel = etree.fromstring(fg.rss_str()).find("channel")
    assert channel.findtext("link") == "https://lantoa.example/feeds/all.rss"  # the defect
    ours = etree.fromstring(feeds.build(sample_feed(), "rss")).find("channel")
    assert ours.findtext("link") == "https://lantoa.example/"


def test_5_rss_keeps_the_websub_hub_link():
    fg = plain_entry_generator()
    fg.link(href="https://hub.example/", rel="hub")
    fg.link(href="https://lantoa.example/", rel="alternate")
    assert b"hub.example" not in fg.rss_str()  # the defect: dropped from RSS
    for fmt in ("rss", "atom"):
        root = etree.fromstring(feeds.build(sample_feed(hub_url="https://hub.example/"), fmt))
        hubs = root.iter(f"{ATOM}link")
        assert "https://hub.example/" in [h.get("href") for h in hubs if h.get("rel") == "hub"]


def test_6_content_encoded_needs_a_description():
    fg = plain_entry_generator()
    fg.entry()[0].content("<p>x</p>")
    assert b"content:encoded" not in fg.rss_str()  # the defect (no description set)
    assert b"<content:encoded>" in feeds.build(sample_feed(), "rss")


def test_7_entries_keep_their_order():
    fg = plain_entry_generator()
    fe = fg.add_entry()
    fe.id("urn:uuid:2")
    fe.title("Bài thứ hai")
    fe.link(href="https://lantoa.example/bai/2/")
    assert fg.entry()[0].title() == "Bài thứ hai"  # the defect: add_entry() prepends
    first = sample_feed().items[0]
    second = Item(**{**first.__dict__, "guid": "urn:uuid:2", "title": "Thứ hai"})
    root = etree.fromstring(feeds.build(sample_feed(items=(first, second)), "rss"))
    assert [i.findtext("title") for i in root.iter("item")] == ["Bài thử", "Thứ hai"]


def test_8_build_dates_come_from_the_data():
    fg = plain_entry_generator()
    assert fg.lastBuildDate().year == datetime.now(UTC).year  # the defect: defaults to now()
    ours = etree.fromstring(feeds.build(sample_feed(), "rss")).find("channel")
    assert ours.findtext("lastBuildDate") == "Thu, 02 Dec 2021 23:03:00 +0700"
    assert feeds.build(sample_feed(), "rss") == feeds.build(sample_feed(), "rss")
    assert feeds.build(sample_feed(), "atom") == feeds.build(sample_feed(), "atom")


def test_9_rfc822_dates_never_touch_the_process_locale(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("locale.setlocale called while building a feed")

    monkeypatch.setattr(locale, "setlocale", forbidden)
    errors = []

    def build():
        try:
            feeds.build(sample_feed(), "rss")
        except Exception as error:
            errors.append(error)

    threads = [threading.Thread(target=build) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def test_10_control_characters_are_removed_not_fatal():
    fg = plain_entry_generator()
    with pytest.raises(ValueError):
        fg.entry()[0].title("Bài\x0b")  # the defect: lxml refuses it
        fg.rss_str()
    for fmt in ("rss", "atom"):
        output = feeds.build(sample_feed(), fmt)
        assert b"\x0b" not in output and b"\x0c" not in output
        assert "Bài thử".encode() in output
        assert not feedparser.parse(output).bozo


@override_settings(SITE_BASE_URL="https://lantoa.example")
def test_11_podcast_explicit_image_and_category():
    fg = plain_entry_generator()
    fg.load_extension("podcast")
    with pytest.raises(ValueError):
        fg.podcast.itunes_explicit("false")  # the defect: Apple documents true/false
    fg.podcast.itunes_image("https://lantoa.example/anh?w=1400")
    assert fg.podcast.itunes_image() is None  # the defect: silently ignored

    radio = sample_feed(radio=True, image_url="https://lantoa.example/media/podcast.jpg")
    root = etree.fromstring(feeds.build(radio, "rss"))
    itunes = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
    channel = root.find("channel")
    assert channel.findtext(f"{itunes}explicit") == "false"
    assert channel.find(f"{itunes}image").get("href") == "https://lantoa.example/media/podcast.jpg"
    assert channel.find(f"{itunes}category").get("text") == "Government"
    assert channel.find("item/enclosure").get("length") == "2048"
    assert not feedparser.parse(feeds.build(radio, "rss")).bozo


def test_podcast_guid_follows_podcasting_2_0():
    # UUIDv5 of the feed URL without its scheme, in the podcast namespace.
    assert feeds.podcast_guid("https://podnews.net/rss") == "9b024349-ccf0-5f69-a609-6b82873eab3c"


@override_settings(SITE_BASE_URL="https://lantoa.example")
def test_12_unused_namespaces_are_not_declared():
    fg = plain_entry_generator()
    fg.load_extension("media")
    fg.load_extension("dc")
    plain = etree.fromstring(fg.atom_str())
    # The defect: every loaded extension's namespace is declared though nothing uses it.
    assert {"media", "dc"} <= set(plain.nsmap)
    assert plain.find(".//{http://search.yahoo.com/mrss/}content") is None

    ours = etree.fromstring(feeds.build(sample_feed(), "atom"))
    used = {el.tag[1:].split("}")[0] for el in ours.iter() if isinstance(el.tag, str)}
    assert set(ours.nsmap.values()) <= used
    assert "urn:lantoa:syndication:1" not in ours.nsmap.values()  # not a radio feed
