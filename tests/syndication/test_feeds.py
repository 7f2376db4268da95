"""Feeds over real HTTP: validity and semantics, visibility, caching, 304, limits and tokens."""

import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

import feedparser
import pytest
from django.core.cache import cache
from lxml import etree
from wagtail.models import PageViewRestriction

from campaigns.models import ExemplarPage
from stories.models import SeriesPage, StoryExemplar
from syndication.models import FeedPull

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339_PLUS7 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$")
RFC822_PLUS7 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d \+0700$"
)


def get_feed(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, response.content[:300]
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return response, parsed, etree.fromstring(response.content)


def titles(parsed) -> list[str]:
    return [entry.title for entry in parsed.entries]


@pytest.fixture
def word_story(make_story):
    """Vietnamese text with control characters pasted from Word in every field."""
    return make_story(
        "Chị Hoa\x0b – người “giữ lửa” ở Nậm Mơ",
        sapo="Sapo có ký tự điều khiển\x0c và dấu tiếng Việt: ă â đ ê ô ơ ư.",
        body=[("paragraph", "<p>Đoạn văn\x01 có ký tự lạ.</p>")],
    )


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_every_item_is_complete_and_valid(client, radio_story, word_story, fmt):
    response, parsed, _root = get_feed(client, f"/feeds/all.{fmt}")
    assert response["Content-Type"].startswith(f"application/{fmt}+xml")
    assert "Chị Hoa – người “giữ lửa” ở Nậm Mơ" in titles(parsed)
    body = response.content.decode()
    assert "\x0b" not in body and "\x0c" not in body and "\x01" not in body
    for entry in parsed.entries:
        assert entry.id.startswith("urn:uuid:")
        assert entry.link.startswith("http://")
        assert entry.summary
        assert entry.content[0].value
    radio_entry = next(e for e in parsed.entries if e.title == radio_story.title)
    assert radio_entry.id == f"urn:uuid:{radio_story.translation_key}"
    assert {tag.term for tag in radio_entry.tags} == {
        "Gương sáng đời thường",
        "Nông thôn mới",
        "Bảo vệ rừng",
    }
    assert radio_entry.author == "Lò Thị Mai"
    assert re.search(r"/am-thanh/\d+/ban-tin\w*\.mp3$", radio_entry.enclosures[0].href)
    assert radio_entry.enclosures[0].type == "audio/mpeg"
    assert radio_entry.enclosures[0].length == str(served_length(client, radio_entry))
    assert radio_entry.itunes_duration == "00:00:02"
    assert radio_entry.media_content[0]["url"].startswith("http://")
    # Full body, absolute URLs, no scripts.
    assert "http://127.0.0.1:8000/am-thanh/" in radio_entry.content[0].value
    assert "<audio" not in radio_entry.content[0].value


def test_rss_semantics(client, radio_story):
    _response, _parsed, root = get_feed(client, "/feeds/all.rss")
    channel = root.find("channel")
    assert channel.findtext("link") == "http://127.0.0.1:8000/"  # the alternate, not self
    self_links = channel.findall(f"{ATOM}link[@rel='self']")
    assert [link.get("href") for link in self_links] == ["http://127.0.0.1:8000/feeds/all.rss"]
    assert self_links[0].get("type") == "application/rss+xml"
    assert RFC822_PLUS7.match(channel.findtext("lastBuildDate"))
    for item in channel.findall("item"):
        guid = item.find("guid")
        assert guid is not None and guid.text.startswith("urn:uuid:")
        assert guid.get("isPermaLink") == "false"
        assert RFC822_PLUS7.match(item.findtext("pubDate"))
        assert item.find("{http://purl.org/rss/1.0/modules/content/}encoded") is not None
        assert item.findtext("description")


def test_atom_semantics(client, radio_story):
    _response, _parsed, root = get_feed(client, "/feeds/all.atom")
    assert root.find(f"{ATOM}link[@rel='self']").get("type") == "application/atom+xml"
    assert RFC3339_PLUS7.match(root.findtext(f"{ATOM}updated"))
    entry = root.find(f"{ATOM}entry")
    links = entry.findall(f"{ATOM}link")
    alternates = [link for link in links if link.get("rel") == "alternate"]
    enclosures = [link for link in links if link.get("rel") == "enclosure"]
    assert len(alternates) == 1 and alternates[0].get("type") == "text/html"
    assert len(enclosures) == 1
    assert enclosures[0].get("type") == "audio/mpeg"
    assert enclosures[0].get("length") == str(len(fetch(client, enclosures[0].get("href"))))
    itunes = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
    assert entry.findtext(f"{itunes}duration") == "00:00:02"
    assert all(link.get("rel") for link in links)
    assert entry.find(f"{ATOM}content").get("type") == "html"
    assert RFC3339_PLUS7.match(entry.findtext(f"{ATOM}published"))
    assert RFC3339_PLUS7.match(entry.findtext(f"{ATOM}updated"))


def test_same_data_gives_byte_identical_output(client, radio_story):
    first = client.get("/feeds/all.rss")
    cache.clear()
    second = client.get("/feeds/all.rss")
    assert first.content == second.content
    assert first["ETag"] == second["ETag"]


def test_dates_come_from_the_data_not_the_clock(client, make_story):
    story = make_story("Bài cũ")
    past = datetime(2021, 12, 2, 16, 3, tzinfo=UTC)  # 23:03 in Hà Nội
    type(story).objects.filter(pk=story.pk).update(first_published_at=past, last_published_at=past)
    _response, _parsed, root = get_feed(client, "/feeds/all.rss")
    channel = root.find("channel")
    # No unpublish happened yet, so the build date is the newest item's date.
    assert channel.findtext("lastBuildDate") == "Thu, 02 Dec 2021 23:03:00 +0700"
    assert channel.find("item").findtext("pubDate") == "Thu, 02 Dec 2021 23:03:00 +0700"


def test_drafts_private_and_moderated_pages_never_appear(
    client, make_story, editor_in_chief, column
):
    make_story("Bài đã đăng")
    make_story("Bản nháp chưa đăng", live=False)
    in_review = make_story("Bài đang chờ duyệt", live=False)
    in_review.get_workflow().start(in_review, editor_in_chief)
    private = make_story("Bài riêng tư")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    published = make_story("Bài đã sửa nháp")
    published.title = "Tiêu đề nháp chưa duyệt"
    published.save_revision()
    for url in ["/feeds/all.rss", "/feeds/all.atom", f"/feeds/column/{column.slug}.rss"]:
        _response, parsed, _root = get_feed(client, url)
        assert sorted(titles(parsed)) == ["Bài đã sửa nháp", "Bài đã đăng"]


def test_unpublished_story_leaves_every_feed_at_once(client, radio_story, radio_outlet, column):
    urls = [
        "/feeds/all.rss",
        "/feeds/all.atom",
        f"/feeds/column/{column.slug}.rss",
        "/feeds/tag/nong-thon-moi.atom",
        f"/feeds/outlet/{radio_outlet.pk}.rss",
        f"/feeds/outlet/{radio_outlet.pk}/radio.rss",
    ]
    etags = {}
    for url in urls:
        response, parsed, _root = get_feed(client, url)
        assert titles(parsed) == [radio_story.title], url
        etags[url] = response["ETag"]
    radio_story.unpublish()
    for url in urls:
        response, parsed, _root = get_feed(client, url, HTTP_IF_NONE_MATCH=etags[url])
        assert titles(parsed) == [], url
        assert response["ETag"] != etags[url]


def test_deleted_story_leaves_the_feed(client, make_story):
    story = make_story("Bài sẽ bị xóa")
    assert titles(get_feed(client, "/feeds/all.rss")[1]) == ["Bài sẽ bị xóa"]
    story.delete()
    assert titles(get_feed(client, "/feeds/all.rss")[1]) == []


def test_publishing_invalidates_the_cache(client, make_story):
    make_story("Bài thứ nhất")
    assert titles(get_feed(client, "/feeds/all.rss")[1]) == ["Bài thứ nhất"]
    make_story("Bài thứ hai")
    assert set(titles(get_feed(client, "/feeds/all.rss")[1])) == {"Bài thứ nhất", "Bài thứ hai"}


def test_conditional_get_answers_304_without_a_body(client, radio_story):
    response = client.get("/feeds/all.rss")
    assert response["Cache-Control"] == "public, max-age=300"
    etag, last_modified = response["ETag"], response["Last-Modified"]
    again = client.get("/feeds/all.rss", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["Cache-Control"] == "public, max-age=300"
    since = client.get("/feeds/all.rss", HTTP_IF_MODIFIED_SINCE=last_modified)
    assert since.status_code == 304
    earlier = parsedate_to_datetime(last_modified) - timedelta(seconds=5)
    stale = client.get(
        "/feeds/all.rss", HTTP_IF_MODIFIED_SINCE=earlier.strftime("%a, %d %b %Y %H:%M:%S GMT")
    )
    assert stale.status_code == 200
    assert client.get("/feeds/all.rss", HTTP_IF_NONE_MATCH='"other"').status_code == 200
    head = client.head("/feeds/all.rss")
    assert head.status_code == 200 and head.content == b"" and head["ETag"] == etag
    assert client.post("/feeds/all.rss").status_code == 405


def test_304_path_does_not_rebuild_the_feed(client, radio_story, django_assert_max_num_queries):
    etag = client.get("/feeds/all.rss")["ETag"]
    # The pull record (one INSERT, inside the test transaction a savepoint pair) is all.
    with django_assert_max_num_queries(3):
        assert client.get("/feeds/all.rss", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_limit_is_bounded_with_a_clear_message(client, make_story):
    for number in range(3):
        make_story(f"Bài {number}")
    assert len(get_feed(client, "/feeds/all.rss?limit=2")[1].entries) == 2
    assert len(get_feed(client, "/feeds/all.rss")[1].entries) == 3
    for bad in ["0", "-1", "abc", "101", "1.5"]:
        response = client.get(f"/feeds/all.rss?limit={bad}")
        assert response.status_code == 400, bad
        assert "limit" in response.content.decode() and "100" in response.content.decode()


def test_default_limit_is_30(client, make_story):
    for number in range(31):
        make_story(f"Bài {number}", sapo="Ngắn.")
    assert len(get_feed(client, "/feeds/all.atom")[1].entries) == 30


def test_outlet_token_rules(client, radio_story, loudspeaker_outlet, radio_outlet):
    base = f"/feeds/outlet/{loudspeaker_outlet.pk}/radio.rss"
    assert client.get(base).status_code == 403
    assert client.get(base + "?token=sai").status_code == 403
    response, parsed, _root = get_feed(client, f"{base}?token={loudspeaker_outlet.token}")
    assert titles(parsed) == [radio_story.title]
    assert response["Cache-Control"].startswith("private")
    old = loudspeaker_outlet.token
    loudspeaker_outlet.regenerate_token()
    loudspeaker_outlet.save()
    assert client.get(f"{base}?token={old}").status_code == 403
    assert client.get(f"{base}?token={loudspeaker_outlet.token}").status_code == 200
    # An outlet without a token is open.
    assert client.get(f"/feeds/outlet/{radio_outlet.pk}/radio.rss").status_code == 200


def test_every_pull_is_recorded(client, radio_story, radio_outlet, loudspeaker_outlet):
    url = f"/feeds/outlet/{radio_outlet.pk}.rss"
    etag = client.get(url, HTTP_USER_AGENT="Dai-PTTH/1.0")["ETag"]
    client.get(url, HTTP_IF_NONE_MATCH=etag, HTTP_USER_AGENT="Dai-PTTH/1.0")
    client.get(f"/feeds/outlet/{loudspeaker_outlet.pk}/radio.rss?token=sai")
    client.get("/feeds/all.atom")
    pulls = list(FeedPull.objects.order_by("pk").values_list("outlet", "feed", "status"))
    assert pulls == [
        (radio_outlet.pk, "outlet", 200),
        (radio_outlet.pk, "outlet", 304),
        (loudspeaker_outlet.pk, "radio", 403),
        (None, "all", 200),
    ]
    assert FeedPull.objects.first().user_agent == "Dai-PTTH/1.0"


def test_outlet_feed_carries_only_its_channels(
    client, make_story, channel, radio_outlet, newspaper_outlet
):
    paper = make_story("Chỉ cho báo")
    paper.channels.set([channel("newspaper")])
    paper.save_revision().publish()
    on_air = make_story("Chỉ cho phát thanh")
    on_air.channels.set([channel("radio_tv")])
    on_air.save_revision().publish()
    make_story("Không chọn kênh")
    assert titles(get_feed(client, f"/feeds/outlet/{newspaper_outlet.pk}.rss")[1]) == [
        "Chỉ cho báo"
    ]
    assert titles(get_feed(client, f"/feeds/outlet/{radio_outlet.pk}.atom")[1]) == [
        "Chỉ cho phát thanh"
    ]
    # A newspaper reads no scripts: it has no radio feed.
    assert client.get(f"/feeds/outlet/{newspaper_outlet.pk}/radio.rss").status_code == 404
    assert client.get("/feeds/outlet/9999.rss").status_code == 404


def test_series_feed_is_in_part_order(client, make_story, series_index):
    series = SeriesPage(title="Những người giữ lửa")
    series_index.add_child(instance=series)
    series.save_revision().publish()
    for part in (2, 3, 1):
        make_story(f"Kỳ {part}", series=series, part_number=part)
    _response, parsed, _root = get_feed(client, f"/feeds/series/{series.slug}.rss")
    assert titles(parsed) == ["Kỳ 1", "Kỳ 2", "Kỳ 3"]


def test_exemplar_and_tag_feeds(client, make_story, exemplar_index):
    exemplar = ExemplarPage(title="Lò Văn Pọm", kind="individual", field="economy")
    exemplar_index.add_child(instance=exemplar)
    exemplar.save_revision().publish()
    story = make_story("Ông Pọm trồng chè")
    StoryExemplar.objects.create(story=story, exemplar=exemplar)
    story.tags.add("Chè Shan tuyết")
    story.save_revision().publish()
    make_story("Bài khác")
    assert titles(get_feed(client, f"/feeds/exemplar/{exemplar.slug}.atom")[1]) == [
        "Ông Pọm trồng chè"
    ]
    assert titles(get_feed(client, "/feeds/tag/che-shan-tuyet.rss")[1]) == ["Ông Pọm trồng chè"]
    assert client.get("/feeds/tag/khong-co.rss").status_code == 404
    assert client.get("/feeds/column/khong-co.atom").status_code == 404


def test_radio_feed_carries_scripts_read_time_and_signed_links(client, radio_story, radio_outlet):
    _response, parsed, root = get_feed(client, f"/feeds/outlet/{radio_outlet.pk}/radio.rss")
    entry = parsed.entries[0]
    assert "Ủy ban nhân dân xã trao bằng khen ngày 2 tháng 12 năm 2021." in entry.content[0].value
    item = root.find("channel/item")
    ns = "{urn:lantoa:syndication:1}"
    assert int(item.findtext(f"{ns}syllables")) > 20
    assert int(item.findtext(f"{ns}readTime")) > 0
    confirm = item.findtext(f"{ns}confirmAiring")
    assert confirm.startswith("http://127.0.0.1:8000/radio/confirm/")
    transcript = item.find("{https://podcastindex.org/namespace/1.0}transcript")
    assert transcript.get("url").endswith(f"/radio/script/{radio_story.pk}.txt")
    assert transcript.get("type") == "text/plain"


def test_radio_feed_is_a_valid_podcast(client, radio_story, radio_outlet):
    _response, parsed, root = get_feed(client, f"/feeds/outlet/{radio_outlet.pk}/radio.rss")
    itunes = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
    channel = root.find("channel")
    assert channel.findtext("title") and channel.findtext("description")
    assert channel.findtext("language") == "vi"
    assert channel.findtext(f"{itunes}explicit") == "false"
    assert channel.find(f"{itunes}category").get("text") == "Government"
    assert channel.findtext("{https://podcastindex.org/namespace/1.0}guid")
    item = channel.find("item")
    enclosure = item.find("enclosure")
    assert enclosure.get("type") == "audio/mpeg"
    assert enclosure.get("length") == str(len(fetch(client, enclosure.get("url"))))
    assert item.findtext(f"{itunes}duration") == "00:00:02"
    assert item.findtext(f"{itunes}explicit") == "false"
    assert parsed.entries[0].enclosures[0].type == "audio/mpeg"


def test_body_images_are_absolute_and_scripts_never_pass(client, make_story, image):
    make_story(
        "Bài có ảnh",
        body=[
            ("paragraph", '<p>Đoạn <a href="/tu-khoa/">nội bộ</a>.</p>'),
            ("image", {"image": image, "caption": "Chú thích", "credit": "PV"}),
        ],
    )
    for fmt in ("rss", "atom"):
        _response, parsed, _root = get_feed(client, f"/feeds/all.{fmt}")
        content = parsed.entries[0].content[0].value
        assert re.search(r'<img [^>]*src="http://127\.0\.0\.1:8000/media/images/', content)
        assert 'href="http://127.0.0.1:8000/tu-khoa/"' in content
        assert "<script" not in content and "onerror" not in content


def test_content_cleaning_drops_scripts_and_handlers():
    from syndication.feeds import clean_content_html

    cleaned = clean_content_html(
        '<p onclick="x()">A<script>alert(1)</script></p><img src="/m/a.jpg" onerror="x()">'
    )
    assert cleaned == '<p>A</p><img src="http://127.0.0.1:8000/m/a.jpg">'


def fetch(client, url: str) -> bytes:
    """The bytes an enclosure URL serves (the test client, on the site's own address)."""
    response = client.get(url.removeprefix("http://127.0.0.1:8000"))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def served_length(client, entry) -> int:
    return len(fetch(client, entry.enclosures[0].href))
