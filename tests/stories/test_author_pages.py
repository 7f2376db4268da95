"""Author pages (/tac-gia/<slug>/, issue 17): each byline's author has a public page listing
their live public stories, and the story's JSON-LD names it as the author's address.
Read as a browser and a search engine read them: HTML, JSON-LD and the sitemap parsed."""

from __future__ import annotations

import json
from datetime import datetime
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from core import pagecache
from stories.models import STORIES_PER_PAGE, Author, StoryAuthor, StoryPage

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def tree_of(response):
    assert response.status_code == 200, response.status_code
    return lxml.html.fromstring(response.content)


def json_ld(tree) -> dict[str, dict]:
    blocks = [json.loads(s.text) for s in tree.xpath('//script[@type="application/ld+json"]')]
    return {block["@type"]: block for block in blocks}


def listed_titles(tree) -> list[str]:
    return [" ".join(h.text_content().split()) for h in tree.xpath("//main//article//h2")]


def aware(*day: int) -> datetime:
    return timezone.make_aware(datetime(*day, 8))


def canonical(tree) -> str:
    (href,) = tree.xpath('//head/link[@rel="canonical"]/@href')
    return href


@pytest.fixture
def author(db) -> Author:
    return Author.objects.create(
        name="Đặng Thị Hồng Nhung", role="Phóng viên", organisation="Báo Lan Tỏa"
    )


@pytest.fixture
def by(author):
    """A story's byline as the editor fills it in the admin: saved with the revision."""

    def _by(*authors: Author) -> dict:
        return {"story_authors": [StoryAuthor(author=a) for a in authors or [author]]}

    return _by


def test_slugs_fold_vietnamese_and_stay_unique(author):
    twin = Author.objects.create(name="Đặng Thị Hồng Nhung", organisation="Đài tỉnh")
    other = Author.objects.create(name="  ")
    kept = Author.objects.create(name="Lò Văn Pọm", slug="lo-van-pom-ctv")
    assert author.slug == "dang-thi-hong-nhung"
    assert twin.slug == "dang-thi-hong-nhung-2"
    assert other.slug == "tac-gia"
    assert kept.slug == "lo-van-pom-ctv"  # what the editor typed is kept
    twin.name = "Đặng Hồng Nhung"
    twin.save()
    assert Author.objects.get(pk=twin.pk).slug == "dang-thi-hong-nhung-2"  # addresses stay


def test_the_page_lists_exactly_the_authors_live_public_stories(
    client, author, by, make_story, column
):
    other = Author.objects.create(name="Lò Văn Pọm")
    older = make_story("Người giữ rừng", **by())
    newer = make_story("Cô giáo vùng cao", **by(author, other))
    make_story("Bài của người khác", **by(other))
    make_story("Bản nháp chưa duyệt", live=False, **by())
    hidden = make_story("Bài trong mục kín", **by())
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )
    # Newest by the date readers see (the print date), not by when it was entered.
    StoryPage.objects.filter(pk=older.pk).update(publication_date=aware(2026, 3, 1))
    StoryPage.objects.filter(pk=newer.pk).update(publication_date=aware(2026, 1, 1))

    tree = tree_of(client.get(f"/tac-gia/{author.slug}/"))
    assert listed_titles(tree) == ["Người giữ rừng", "Cô giáo vùng cao"]
    (h1,) = tree.xpath("//h1")
    assert h1.text_content().strip() == "Đặng Thị Hồng Nhung"
    url = canonical(tree)
    assert urlsplit(url).path == "/tac-gia/dang-thi-hong-nhung/" and url.startswith("http")
    assert tree.xpath('//head/meta[@property="og:url"]/@content') == [url]
    assert tree.xpath('//head/meta[@property="og:title"]/@content') == [author.name]

    blocks = json_ld(tree)
    profile = blocks["ProfilePage"]
    assert profile["url"] == url
    person = profile["mainEntity"]
    assert (person["@type"], person["name"], person["url"]) == ("Person", author.name, url)
    assert person["worksFor"]["name"] == "Báo Lan Tỏa"
    crumbs = blocks["BreadcrumbList"]["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Trang chủ", author.name]
    assert crumbs[-1]["item"] == url


def test_unknown_slug_and_an_author_without_public_stories_are_404(client, author, by, make_story):
    make_story("Bản nháp", live=False, **by())
    lonely = Author.objects.create(name="Chưa có bài")
    for url in ["/tac-gia/khong-co-ai/", f"/tac-gia/{author.slug}/", f"/tac-gia/{lonely.slug}/"]:
        assert client.get(url).status_code == 404, url


def test_byline_links_to_the_author_page_and_json_ld_names_it(client, author, by, make_story):
    story = make_story("Người thắp sáng đường quê", **by())
    tree = tree_of(client.get(story.url))
    (link,) = tree.xpath('//*[contains(@class, "story__authors")]//a')
    assert link.text_content().strip() == author.name
    author_page = tree_of(client.get(link.get("href")))
    page_url = canonical(author_page)

    article = json_ld(tree)["NewsArticle"]
    (person,) = article["author"]
    home = json_ld(tree_of(client.get("/")))["WebSite"]["url"]
    assert person["url"] == page_url != home
    assert urlsplit(person["url"]).path == link.get("href")


def test_pages_follow_the_tag_pages_pagination(client, author, by, make_story):
    for n in range(STORIES_PER_PAGE + 1):
        make_story(f"Bài số {n:02d}", **by())
    first = tree_of(client.get(f"/tac-gia/{author.slug}/"))
    second = tree_of(client.get(f"/tac-gia/{author.slug}/", {"page": "2"}))
    assert len(listed_titles(first)) == STORIES_PER_PAGE
    assert listed_titles(second) == ["Bài số 00"]
    assert urlsplit(canonical(second)).query == "page=2"
    assert second.xpath('//nav[contains(@class, "pagination")]//a[@rel="prev"]')
    for hostile in ["abc", "0", "-1", "²", "9" * 30]:
        assert client.get(f"/tac-gia/{author.slug}/", {"page": hostile}).status_code == 200


def test_sitemap_lists_author_pages_with_stories_only(client, author, by, make_story):
    make_story("Người giữ rừng", **by())
    Author.objects.create(name="Chưa có bài")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = lxml.etree.fromstring(response.content).xpath(
        "//s:url/s:loc/text()", namespaces=SITEMAP_NS
    )
    authors = [loc for loc in locations if urlsplit(loc).path.startswith("/tac-gia/")]
    assert [urlsplit(loc).path for loc in authors] == ["/tac-gia/dang-thi-hong-nhung/"]
    assert authors[0].startswith("http")
    assert client.get(urlsplit(authors[0]).path).status_code == 200


@pytest.mark.parametrize("count", [3, 12])
def test_query_budget_does_not_grow_with_stories(
    client, author, by, make_story, image, no_page_cache, count, django_assert_max_num_queries
):
    for n in range(count):
        make_story(f"Bài số {n}", **by())
    client.get(f"/tac-gia/{author.slug}/")  # renditions made once, as on a live site
    with django_assert_max_num_queries(8):  # 5 measured: author, count, page, renditions…
        tree = tree_of(client.get(f"/tac-gia/{author.slug}/"))
    assert len(listed_titles(tree)) == min(count, STORIES_PER_PAGE)


def test_query_count_is_the_same_for_3_and_12_stories(
    client, author, by, make_story, image, no_page_cache
):
    counts = []
    for total in (3, 12):
        while StoryPage.objects.filter(story_authors__author=author).count() < total:
            make_story(**by())
        client.get(f"/tac-gia/{author.slug}/")
        with CaptureQueriesContext(connection) as queries:
            client.get(f"/tac-gia/{author.slug}/")
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_stored_for_readers_and_retired_when_a_story_is_published(client, author, by, make_story):
    make_story("Bài đầu tiên", **by())
    url = f"/tac-gia/{author.slug}/"
    assert client.get(url).headers[pagecache.STATUS_HEADER] == "miss"
    assert client.get(url).headers[pagecache.STATUS_HEADER] == "hit"
    second = make_story("Bài thứ hai", **by())
    assert "Bài thứ hai" in listed_titles(tree_of(client.get(url)))
    author.name = "Đặng Hồng Nhung"
    author.save()
    assert tree_of(client.get(url)).xpath("//h1")[0].text_content().strip() == author.name
    second.unpublish()
    assert listed_titles(tree_of(client.get(url))) == ["Bài đầu tiên"]
    cache.clear()


def test_the_editor_adds_an_author_and_the_admin_fills_the_slug(client, editor, author):
    client.force_login(editor)
    add = "/admin/snippets/stories/author/add/"
    assert client.get(add).status_code == 200
    form = {"name": "Đặng Thị Hồng Nhung", "slug": "", "role": "Cộng tác viên", "organisation": ""}
    response = client.post(add, form)
    assert response.status_code == 302, response.content.decode()[:500]
    assert Author.objects.filter(role="Cộng tác viên").get().slug == "dang-thi-hong-nhung-2"
    # A slug already taken is refused with a message, and nothing is saved.
    response = client.post(add, {**form, "slug": author.slug, "role": "Biên tập viên"})
    assert response.status_code == 200
    assert not Author.objects.filter(role="Biên tập viên").exists()
    errors = lxml.html.fromstring(response.content).xpath('//*[contains(@class, "error-message")]')
    assert errors and all(error.text_content().strip() for error in errors)
