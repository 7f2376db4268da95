"""Feeds as readers, validators and podcast apps read them (issue 17, and issue 12's escaping):
plain text shown as written, only the namespaces in use, an `updated` per entry, a self link
that is the fetched address, and podcast fields by Apple's element names, parsed with
feedparser, lxml and podcastparser (gPodder's parser, which takes `media:content` for an
episode file)."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import feedparser
import lxml.html
import podcastparser
import pytest
from lxml import etree
from PIL import Image

from core.models import SiteSettings
from tests.conftest import make_image

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
HOSTILE_TITLE = "<b>Tin</b> & 5 < 6"
HOSTILE_SAPO = "Sapo <i>nghiêng</i> & <script>x</script> 1 < 2"
STATIC = Path(__file__).resolve().parents[2] / "static"


def displayed(detail) -> str:
    """What a feed reader shows for a text construct: HTML is rendered (its text content),
    plain text is shown as it is — feedparser says which it is, as readers decide."""
    if detail["type"] in ("text/html", "application/xhtml+xml"):
        return lxml.html.fragment_fromstring(detail["value"], create_parent="div").text_content()
    return detail["value"]


def fetch(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return response.content


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_plain_text_titles_and_sapo_show_as_written(client, make_story, fmt):
    make_story(HOSTILE_TITLE, sapo=HOSTILE_SAPO)
    parsed = feedparser.parse(fetch(client, f"/feeds/all.{fmt}"))
    assert not parsed.bozo
    entry = parsed.entries[0]
    assert displayed(entry.title_detail) == HOSTILE_TITLE
    assert displayed(entry.summary_detail) == HOSTILE_SAPO


def test_channel_titles_are_plain_text_too(client, make_story, column):
    column.title = "Gương <sáng> & đẹp"
    column.save_revision().publish()
    make_story("Bài trong chuyên mục")
    for fmt in ("rss", "atom"):
        parsed = feedparser.parse(fetch(client, f"/feeds/column/{column.slug}.{fmt}"))
        assert displayed(parsed.feed.title_detail).startswith("Gương <sáng> & đẹp –"), fmt


def _unused_namespaces(document: bytes) -> set[str]:
    root = etree.fromstring(document)
    declared = set(root.nsmap.values())
    used = set()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith("{"):
            used.add(element.tag[1:].split("}")[0])
        used.update(name[1:].split("}")[0] for name in element.attrib if name.startswith("{"))
    return declared - used


def test_no_feed_declares_a_namespace_it_does_not_use(
    client, radio_story, make_story, loudspeaker_outlet
):
    make_story("Bài không tác giả, không từ khóa")
    token = loudspeaker_outlet.token
    urls = [
        "/feeds/all.rss",
        "/feeds/all.atom",
        f"/feeds/column/{radio_story.get_parent().slug}.atom",
        f"/feeds/outlet/{loudspeaker_outlet.pk}/radio.rss?token={token}",
        f"/feeds/outlet/{loudspeaker_outlet.pk}/radio.atom?token={token}",
    ]
    for url in urls:
        assert _unused_namespaces(fetch(client, url)) == set(), url


def test_atom_entries_have_their_own_updated(client, make_story):
    """Stories loaded together (the demo, an import) keep their own dates; a story published
    again after an edit is updated when it was."""
    dates = [datetime(2021, 12, day, 9, 0, tzinfo=UTC) for day in (2, 3, 4)]
    stories = [
        make_story(f"Bài ngày {when.day}", publication_date=when) for when in dates
    ]  # published within the same second
    edited = stories[0]
    edited.title = "Bài ngày 2 (đã sửa)"
    edited.save_revision().publish()
    edited.refresh_from_db()

    root = etree.fromstring(fetch(client, "/feeds/all.atom"))
    updated = {
        entry.findtext(f"{ATOM}title"): datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
        for entry in root.iter(f"{ATOM}entry")
    }
    assert len(set(updated.values())) == len(updated) == 3
    assert updated["Bài ngày 3"] == dates[1]
    assert updated["Bài ngày 4"] == dates[2]
    assert updated["Bài ngày 2 (đã sửa)"] == edited.last_published_at.replace(microsecond=0)


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_self_link_of_a_tokened_feed_is_the_url_fetched(
    client, radio_story, loudspeaker_outlet, fmt
):
    for query in (f"token={loudspeaker_outlet.token}", f"limit=5&token={loudspeaker_outlet.token}"):
        path = f"/feeds/outlet/{loudspeaker_outlet.pk}/radio.{fmt}?{query}"
        root = etree.fromstring(fetch(client, path))
        links = root.findall(f"channel/{ATOM}link") if fmt == "rss" else root.findall(f"{ATOM}link")
        (self_link,) = [link.get("href") for link in links if link.get("rel") == "self"]
        fetched = urlsplit("http://127.0.0.1:8000" + path)
        found = urlsplit(self_link)
        assert (found.netloc, found.path) == (fetched.netloc, fetched.path)
        assert parse_qs(found.query) == parse_qs(fetched.query)


def test_untokened_feed_keeps_a_plain_self_link(client, radio_story):
    root = etree.fromstring(fetch(client, "/feeds/all.rss"))
    self_link = root.find(f"channel/{ATOM}link[@rel='self']").get("href")
    assert self_link == "http://127.0.0.1:8000/feeds/all.rss"


def _podcast(client, outlet) -> tuple[dict, etree._Element]:
    body = fetch(client, f"/feeds/outlet/{outlet.pk}/radio.rss")
    return podcastparser.parse(
        "http://127.0.0.1:8000/radio.rss", io.BytesIO(body)
    ), etree.fromstring(body)


def test_episode_enclosure_is_the_audio_never_the_picture(
    client, radio_story, radio_outlet, make_story, channel
):
    silent = make_story("Bài chỉ có chữ")
    silent.channels.set([channel("radio_tv")])
    silent.save_revision().publish()
    podcast, root = _podcast(client, radio_outlet)
    episodes = {episode["title"]: episode for episode in podcast["episodes"]}
    audio = episodes[radio_story.title]["enclosures"]
    assert [e["mime_type"] for e in audio] == ["audio/mpeg"]
    served = client.get(
        audio[0]["url"].removeprefix("http://127.0.0.1:8000"), HTTP_RANGE="bytes=0-"
    )
    assert served.status_code == 206
    assert audio[0]["file_size"] == int(served["Content-Range"].rsplit("/", 1)[1])
    assert episodes[radio_story.title]["total_time"] == 2  # itunes:duration, in seconds
    # Before: the hero JPEG (media:content) was taken for the text-only story's episode file.
    assert episodes["Bài chỉ có chữ"]["enclosures"] == []
    for item in root.iter("item"):
        assert item.find("{http://search.yahoo.com/mrss/}content") is None
        assert item.find(f"{ITUNES}image").get("href").endswith(".jpg")  # the episode's art
        assert all(e.get("type").startswith("audio/") for e in item.findall("enclosure"))


def _cover(client, outlet) -> tuple[str, Image.Image]:
    podcast, _root = _podcast(client, outlet)
    url = podcast["cover_url"]
    assert url.endswith((".jpg", ".png"))  # Apple takes JPEG or PNG only
    path = urlsplit(url).path
    response = client.get(path)
    if response.status_code == 200:
        data = b"".join(response.streaming_content) if response.streaming else response.content
    else:  # /static/ is not routed under the test settings: read the shipped file
        data = (STATIC / path.removeprefix("/static/")).read_bytes()
    return url, Image.open(io.BytesIO(data))


def test_podcast_cover_is_a_square_of_1400_to_3000_px(client, radio_story, radio_outlet, site):
    # No share image configured: the cover we ship.
    _url, cover = _cover(client, radio_outlet)
    assert cover.width == cover.height and 1400 <= cover.width <= 3000

    settings_row = SiteSettings.for_site(site)
    settings_row.default_share_image = make_image("Ảnh chia sẻ nhỏ", size=(676, 675))
    settings_row.save()
    url, cover = _cover(client, radio_outlet)  # too small to be a cover: still ours
    assert "podcast-cover" in url and cover.size == (1400, 1400)

    # The largest square the photo allows (media_pipeline.images.services.podcast_square).
    settings_row.default_share_image = make_image("Ảnh chia sẻ lớn", size=(2000, 1600))
    settings_row.save()
    url, cover = _cover(client, radio_outlet)
    assert "/media/images/" in url and cover.size == (1600, 1600)

    settings_row.default_share_image = make_image("Ảnh chia sẻ rất lớn", size=(4000, 3200))
    settings_row.save()
    url, cover = _cover(client, radio_outlet)
    assert "/media/images/" in url and cover.size == (3000, 3000)
    assert cover.format == "JPEG" and not cover.getexif()


def test_podcast_owner_and_email(client, radio_story, radio_outlet, site, settings):
    _podcast_data, root = _podcast(client, radio_outlet)
    assert root.find(f"channel/{ITUNES}owner") is None  # nothing configured: nothing invented

    settings_row = SiteSettings.for_site(site)
    settings_row.contact_email = "toasoan@lantoa.example"
    settings_row.save()
    _podcast_data, root = _podcast(client, radio_outlet)
    owner = root.find(f"channel/{ITUNES}owner")
    assert owner.findtext(f"{ITUNES}email") == "toasoan@lantoa.example"
    assert owner.findtext(f"{ITUNES}name") == "Lan Tỏa"

    settings.SYNDICATION_PODCAST_EMAIL = "phatthanh@lantoa.example"
    from django.core.cache import cache

    cache.clear()
    _podcast_data, root = _podcast(client, radio_outlet)
    assert root.findtext(f"channel/{ITUNES}owner/{ITUNES}email") == "phatthanh@lantoa.example"


def test_podcast_channel_fields_by_apples_names(client, radio_story, radio_outlet):
    _data, root = _podcast(client, radio_outlet)
    channel = root.find("channel")
    for name in ("title", "description", "language", "link"):
        assert channel.findtext(name), name
    for name in ("image", "category", "explicit", "author"):
        assert channel.find(f"{ITUNES}{name}") is not None, name
    assert channel.findtext(f"{ITUNES}explicit") in ("true", "false")
    item = channel.find("item")
    assert item.findtext("title") and item.find("guid").text
    assert item.find("enclosure").get("url").endswith(".mp3")
