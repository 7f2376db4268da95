"""Public story, column, series and tag pages rendered through the test client."""

import json
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings

from campaigns.models import ExemplarPage
from core.models import Locality
from lantoa.models import HomeFeaturedStory
from stories.models import (
    Author,
    Channel,
    SeriesPage,
    StoryAuthor,
    StoryCorrection,
    StoryExemplar,
    StoryPage,
    StoryRelatedLink,
)
from tests.conftest import make_image

pytestmark = pytest.mark.django_db
HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def rich_story(make_story, series_index, exemplar_index, column):
    """A story using every relation a story page shows."""
    province = Locality.objects.create(name="Tỉnh Sơn Hà", level="province")
    commune = Locality.objects.create(name="Xã Nậm Mơ", level="commune", parent=province)
    series = SeriesPage(title="Những người giữ lửa")
    series_index.add_child(instance=series)
    series.save_revision().publish()
    exemplars = []
    for name in ("Lò Văn Pọm", "Tổ hợp tác Mây Tre"):
        exemplar = ExemplarPage(title=name, kind="individual", field="economy", locality=commune)
        exemplar_index.add_child(instance=exemplar)
        exemplar.save_revision().publish()
        exemplars.append(exemplar)
    other = make_story("Bài cũ hơn trong chuyên mục")
    body = [
        ("paragraph", "<p>Đoạn mở đầu <b>đậm</b>.</p>"),
        ("image", {"image": make_image("Ảnh vườn"), "caption": "Vườn bưởi", "credit": "Lan Anh"}),
        ("quote", {"text": "Làm thật, nói thật.", "attribution": "Ông Pọm"}),
        ("fact_box", {"title": "Số liệu", "body": "<ul><li>120 hộ</li></ul>"}),
        ("paragraph", "<p>Đoạn kết.</p>"),
    ]
    story = make_story(
        "Người giữ rừng ở Nậm Mơ",
        body=body,
        series=series,
        part_number=1,
        locality=commune,
        source="Báo Lan Tỏa",
        publication_date=datetime(2021, 12, 2, 23, 3, tzinfo=HCM),
        live=False,
    )
    for name in ("Hoàng Lan", "Vũ Minh"):
        StoryAuthor.objects.create(story=story, author=Author.objects.create(name=name))
    for exemplar in exemplars:
        StoryExemplar.objects.create(story=story, exemplar=exemplar)
    StoryRelatedLink.objects.create(story=story, related_story=other)
    StoryCorrection.objects.create(story=story, note="Sửa số hộ: 120, không phải 210.")
    story = StoryPage.objects.get(pk=story.pk)
    story.tags.add("Người tốt việc tốt", "Nông thôn mới")
    story.channels.set(Channel.objects.filter(code__in=["newspaper", "radio_tv"]))
    story.save_revision().publish()
    return StoryPage.objects.get(pk=story.pk)


def test_story_page_shows_everything_a_reader_needs(client, rich_story):
    response = client.get(rich_story.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "Người giữ rừng ở Nậm Mơ" in html
    assert "Thứ Năm, 02/12/2021, 23:03" in html
    assert "Hoàng Lan" in html and "Vũ Minh" in html
    assert "Nguồn: Báo Lan Tỏa" in html
    assert "Đính chính" in html and "Sửa số hộ" in html
    assert "Làm thật, nói thật." in html and "Vườn bưởi" in html and "Ảnh: Lan Anh" in html
    assert "Lò Văn Pọm" in html and "Tổ hợp tác Mây Tre" in html
    assert "/tu-khoa/nguoi-tot-viec-tot/" in html
    assert "facebook.com/sharer" in html and "Zalo" in html and "Sao chép liên kết" in html
    assert "Các tin khác" in html and "Bài cũ hơn trong chuyên mục" in html
    assert "Bài liên quan" in html
    assert 'media="print"' in html
    assert '<main id="noi-dung"' in html and "<nav" in html and "<footer" in html


def test_story_has_open_graph_and_news_article_json_ld(client, rich_story):
    html = client.get(rich_story.url).content.decode()
    assert '<meta property="og:title" content="Người giữ rừng ở Nậm Mơ">' in html
    assert re.search(r'<meta property="og:image" content="http://testserver/media/', html)
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Người giữ rừng ở Nậm Mơ"
    assert data["datePublished"].startswith("2021-12-02T23:03:00+07:00")
    assert [a["name"] for a in data["author"]] == ["Hoàng Lan", "Vũ Minh"]
    assert data["isPartOf"]["name"] == "Những người giữ lửa"


def test_json_ld_cannot_break_out_of_its_script(client, make_story):
    story = make_story("Tiêu đề </script><script>alert(1)</script>")
    html = client.get(story.url).content.decode()
    assert "</script><script>alert(1)" not in html


@pytest.mark.usefixtures("no_page_cache")
def test_story_page_renders_within_query_budget(client, rich_story, django_assert_max_num_queries):
    client.get(rich_story.url)  # warm renditions, which are created once per image
    with django_assert_max_num_queries(15):
        response = client.get(rich_story.url)
    assert response.status_code == 200


def test_series_parts_in_order_with_previous_and_next(client, rich_story, make_story):
    series = SeriesPage.objects.get()
    third = make_story("Kỳ ba của loạt bài", series=series, part_number=3)
    second = make_story("Kỳ hai của loạt bài", series=series, part_number=2)
    html = client.get(series.url).content.decode()
    positions = [html.index(t) for t in (rich_story.title, second.title, third.title)]
    assert positions == sorted(positions)
    middle = client.get(second.url).content.decode()
    assert 'rel="prev"' in middle and "Kỳ 1: Người giữ rừng" in middle
    assert 'rel="next"' in middle and "Kỳ 3: Kỳ ba" in middle


def test_series_part_number_must_be_unique(rich_story, make_story):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        make_story("Trùng kỳ", series=rich_story.series, part_number=1)
    assert "Kỳ 1 của loạt bài này đã có" in str(error.value)


def test_column_lists_newest_first_and_paginates(client, column, make_story):
    for day in range(1, 15):
        make_story(f"Bài ngày {day:02d}", publication_date=datetime(2024, 3, day, 8, tzinfo=HCM))
    first_page = client.get(column.url).content.decode()
    assert first_page.index("Bài ngày 14") < first_page.index("Bài ngày 13")
    assert "Bài ngày 02" not in first_page
    second_page = client.get(column.url + "?page=2").content.decode()
    assert "Bài ngày 02" in second_page and "Bài ngày 14" not in second_page


@pytest.mark.parametrize("bad", ["abc", "0", "-1", "99999", "1.5", "%00", "1' OR '1'='1"])
def test_listings_survive_bad_page_numbers(client, column, make_story, bad):
    make_story("Một bài")
    response = client.get(column.url, {"page": bad})
    assert response.status_code == 200
    assert "Một bài" in response.content.decode()


def test_drafts_and_unpublished_stories_stay_hidden(client, column, make_story):
    draft = make_story("Bản nháp bí mật", live=False)
    gone = make_story("Bài đã gỡ")
    gone.unpublish()
    assert client.get(draft.url or f"{column.url}{draft.slug}/").status_code == 404
    # Withdrawn, not missing: its notice answers 410 (tests/stories/test_takedown.py).
    assert client.get(f"{column.url}{gone.slug}/").status_code == 410
    listing = client.get(column.url).content.decode()
    home = client.get("/").content.decode()
    for html in (listing, home):
        assert "Bản nháp bí mật" not in html
        assert "Bài đã gỡ" not in html


def test_home_page_shows_featured_latest_series_and_directory(
    client, home, rich_story, make_story, exemplar_index
):
    featured = make_story("Bài được chọn làm tiêu điểm")
    HomeFeaturedStory.objects.create(home=home, story=featured, sort_order=0)
    latest = make_story("Bài mới nhất của chuyên mục")
    html = client.get("/").content.decode()
    assert html.index("Tiêu điểm") < html.index("Bài được chọn làm tiêu điểm")
    assert "Bài mới nhất của chuyên mục" in html and latest.url in html
    assert "Những người giữ lửa" in html
    assert exemplar_index.url in html


def test_tag_page_lists_live_stories_and_404s_unknown_tags(client, rich_story, make_story):
    hidden = make_story("Nháp có từ khóa", live=False)
    hidden.tags.add("Người tốt việc tốt")
    hidden.save_revision()
    response = client.get("/tu-khoa/nguoi-tot-viec-tot/")
    html = response.content.decode()
    assert response.status_code == 200
    assert rich_story.title in html and "Nháp có từ khóa" not in html
    assert client.get("/tu-khoa/khong-co/").status_code == 404
    assert "Người tốt việc tốt" in client.get("/tu-khoa/").content.decode()


def test_print_stylesheet_hides_chrome(client, rich_story):
    from django.contrib.staticfiles import finders

    with open(finders.find("css/print.css"), encoding="utf-8") as stylesheet:
        css = stylesheet.read()
    assert ".share" in css and ".site-header" in css


@override_settings(DEBUG=False)
def test_friendly_404(client):
    response = client.get("/khong-ton-tai/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_hostile_html_set_in_code_is_cleaned_when_saved(make_story):
    story = make_story(
        "Bài nhập từ mã",
        body=[("paragraph", '<p onclick="x()">Chào<script>alert(1)</script></p>')],
    )
    stored = StoryPage.objects.get(pk=story.pk).body.raw_data[0]["value"]
    assert "Chào" in stored
    assert "<script" not in stored and "onclick" not in stored
