"""The story page shows what its models say, read back from the parsed HTML.

The page loads only the columns its cards show and prefetches every rendition in one query;
these tests compute what a reader must see from the models (plain queries, Wagtail's own
rendition API) and compare it with the page as a browser parses it, so a field missing from a
card, a rendition picked for the wrong image or a card costing its own queries shows up here.
"""

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories.models import OTHER_STORIES_COUNT, StoryPage, StoryRelatedLink
from tests.conftest import make_image
from tests.stories.test_pages import rich_story  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
HCM = ZoneInfo("Asia/Ho_Chi_Minh")
QUERY_BUDGET = 15


@pytest.fixture(autouse=True)
def fresh_cache():
    """Wagtail caches renditions by image id, and rolled-back tests reuse ids."""
    cache.clear()


def parse(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def absolute(path: str) -> str:
    return f"http://testserver{path}"


def cards(section) -> list[dict]:
    """What each story card in a section shows."""
    return [
        {
            "title": card.select_one(".story-card__title a").get_text(strip=True),
            "href": card.select_one(".story-card__title a")["href"],
            "image_href": card.select_one("a.story-card__image")["href"],
            "image": card.select_one("img")["src"],
            "kicker": (
                k.get_text(strip=True) if (k := card.select_one(".story-card__kicker")) else ""
            ),
            "date": card.select_one("time")["datetime"],
        }
        for card in section.select("article.story-card")
    ]


def expected_card(story: StoryPage) -> dict:
    story = StoryPage.objects.get(pk=story.pk)  # every column, nothing prefetched
    kicker = f"{story.series.title} – Kỳ {story.part_number}" if story.series_id else ""
    return {
        "title": story.title,
        "href": story.url,
        "image_href": story.url,
        # a 7rem card's <img> (the JPEG inside its <picture>)
        "image": story.hero_image.get_rendition("format-jpeg|fill-160x90").url,
        "kicker": kicker,
        "date": story.display_date.astimezone(HCM).isoformat(),
    }


def section_titled(soup: BeautifulSoup, heading: str):
    for section in soup.select(".story-aside section"):
        if section.h2.get_text(strip=True) == heading:
            return section
    return None


@pytest.fixture
def crowded_story(rich_story, make_story, column, series_index):  # noqa: F811
    """The rich story with more siblings than “Các tin khác” shows and three related stories."""
    start = datetime(2024, 5, 1, 8, tzinfo=HCM)
    siblings = [
        make_story(
            f"Tin cùng chuyên mục {n}",
            hero_image=make_image(f"Ảnh tin {n}", color=f"#{n:02d}6f97"),
            publication_date=start + timedelta(days=n),
        )
        for n in range(OTHER_STORIES_COUNT + 1)
    ]
    draft = make_story("Bài nháp liên quan", live=False)
    for order, related in enumerate([siblings[2], draft, siblings[5]], start=1):
        StoryRelatedLink.objects.create(story=rich_story, related_story=related, sort_order=order)
    return StoryPage.objects.get(pk=rich_story.pk)


def test_article_shows_its_title_body_images_and_people(client, crowded_story):
    story = crowded_story
    soup = parse(client.get(story.url))
    article = soup.select_one("article.story")

    assert article.h1.get_text(strip=True) == story.title
    assert article.select_one(".story__sapo").get_text(strip=True) == story.sapo
    breadcrumb = [(a.get_text(strip=True), a["href"]) for a in article.select(".breadcrumb a")]
    column = story.get_parent()
    assert breadcrumb == [("Trang chủ", "/"), (column.title, column.url)]
    kicker = article.select_one(".kicker a")
    assert (kicker.get_text(strip=True), kicker["href"]) == (story.series.title, story.series.url)

    paragraphs = [
        p.get_text()
        for block in story.body
        if block.block_type == "paragraph"
        for p in BeautifulSoup(block.value.source, "html.parser").find_all("p")
    ]
    assert [p.get_text() for p in article.select(".story__body > p")] == paragraphs
    quote = next(b.value for b in story.body if b.block_type == "quote")
    assert article.select_one(".block-quote blockquote").get_text(strip=True) == quote["text"]
    fact_box = next(b.value for b in story.body if b.block_type == "fact_box")
    assert article.select_one(".block-fact-box h2").get_text(strip=True) == fact_box["title"]

    hero = article.select_one("figure.hero img")
    assert hero["src"] == story.hero_image.get_rendition("format-jpeg|width-400").url
    assert hero.parent.name == "picture"
    assert hero["alt"] == story.hero_image.alt_text
    photo = next(b.value for b in story.body if b.block_type == "image")
    body_image = article.select_one("figure.block-image img")
    assert body_image["src"] == photo["image"].get_rendition("format-jpeg|width-400").url
    assert body_image["alt"] == photo["image"].alt_text
    caption = article.select_one("figure.block-image figcaption").get_text(" ", strip=True)
    assert caption == f"{photo['caption']} Ảnh: {photo['credit']}"

    authors = [a.name for a in story.authors]
    assert [span.get_text() for span in article.select(".story__authors .author")] == authors
    tags = [(a.get_text(), a["href"]) for a in article.select("ul.tags a")]
    assert tags == [(tag.name, f"/tu-khoa/{tag.slug}/") for tag in story.tags.order_by("pk")]
    exemplars = [(a.get_text(), a["href"]) for a in article.select(".story__exemplars a")]
    links = story.exemplar_links.select_related("exemplar").order_by("sort_order")
    assert exemplars == [(link.exemplar.title, link.exemplar.url) for link in links]
    correction = article.select_one(".correction p").get_text()
    assert story.corrections.get().note in correction


def test_related_and_other_stories_cards_match_their_stories(client, crowded_story):
    story = crowded_story
    soup = parse(client.get(story.url))

    related = [
        link.related_story
        for link in StoryRelatedLink.objects.filter(story=story).order_by("sort_order")
        if link.related_story.live
    ]
    assert len(related) == 3  # the draft is left out
    assert cards(section_titled(soup, "Bài liên quan")) == [expected_card(s) for s in related]

    siblings = StoryPage.objects.live().sibling_of(story, inclusive=False)
    newest = sorted(
        siblings, key=lambda s: (s.publication_date or s.first_published_at, s.pk), reverse=True
    )[:OTHER_STORIES_COUNT]
    shown = cards(section_titled(soup, "Các tin khác"))
    assert len(shown) == OTHER_STORIES_COUNT
    assert shown == [expected_card(s) for s in newest]
    assert len({card["image"] for card in shown}) == OTHER_STORIES_COUNT  # each its own image


def test_head_metadata_and_json_ld_match_the_story(client, crowded_story):
    story = crowded_story
    soup = parse(client.get(story.url))
    meta = {tag["property"]: tag["content"] for tag in soup.select("meta[property]")}
    og_image = story.hero_image.get_rendition("fill-1200x630")

    assert soup.select_one('link[rel="canonical"]')["href"] == story.full_url
    assert meta["og:title"] == story.title
    assert meta["og:url"] == absolute(story.url)
    assert meta["og:image"] == absolute(og_image.url)
    assert (meta["og:image:width"], meta["og:image:height"]) == (
        str(og_image.width),
        str(og_image.height),
    )
    share = soup.select_one(".share [data-share-url]")["data-share-url"]
    assert share == absolute(story.url)

    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["headline"] == story.title
    assert data["description"] == story.sapo
    assert data["url"] == data["mainEntityOfPage"]["@id"] == story.full_url
    shapes = story.hero_image.get_renditions("fill-1200x675", "fill-1200x900", "fill-1200x1200")
    assert [image["url"] for image in data["image"]] == [
        absolute(rendition.url) for rendition in shapes.values()
    ]  # 16:9, 4:3 and 1:1, as search engines ask
    assert [a["name"] for a in data["author"]] == [a.name for a in story.authors]
    assert data["keywords"] == [tag.name for tag in story.tags.order_by("pk")]
    assert data["isPartOf"]["name"] == story.series.title


def _queries(client, url: str) -> int:
    client.get(url)  # renditions are made on a first view
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_cards_cost_no_queries_of_their_own(client, rich_story, make_story):  # noqa: F811
    """Six “Các tin khác” and three related cards, each with its own image, cost what one does."""
    few = _queries(client, rich_story.url)
    for n in range(OTHER_STORIES_COUNT):
        sibling = make_story(f"Tin thêm {n}", hero_image=make_image(f"Ảnh thêm {n}"))
        if n % 2:
            StoryRelatedLink.objects.create(story=rich_story, related_story=sibling)
    many = _queries(client, rich_story.url)
    assert many == few
    assert many <= QUERY_BUDGET
