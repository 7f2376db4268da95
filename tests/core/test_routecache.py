"""The route cache (core.routecache): renders the page cache cannot spare read the page, and what
its last public render read, from the shared cache — never stale, never private."""

import pickle

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client, RequestFactory
from wagtail.models import PageViewRestriction

from core import routecache
from stories.models import Author, StoryAuthor, StoryCorrection

pytestmark = pytest.mark.django_db


@pytest.fixture
def route_cache_only(settings):
    """The page cache off, so every request renders; the route cache on."""
    settings.PAGE_CACHE_ENABLED = False
    settings.ROUTE_CACHE_ENABLED = True


@pytest.fixture
def story(make_story):
    story = make_story("Người giữ lửa bếp ăn từ thiện")
    author = Author.objects.create(name="Lê Thị Hoa", role="Phóng viên")
    StoryAuthor.objects.create(story=story, author=author)
    StoryCorrection.objects.create(story=story, note="Sửa tên xã cho đúng.")
    story.tags.add("từ thiện")
    story.save_revision().publish()
    return story


def _state(response) -> str | None:
    return response.headers.get(routecache.STATUS_HEADER)


def _reader_view(response) -> dict:
    """What a reader reads on a story page, parsed."""
    html = BeautifulSoup(response.content, "html.parser")
    return {
        "title": html.h1.get_text(strip=True),
        "byline": [a.get_text(strip=True) for a in html.select(".story__byline, .byline")],
        "main": html.main.get_text(" ", strip=True),
        "images": sorted(img["src"] for img in html.select("main img")),
        "links": sorted(a["href"] for a in html.select("main a[href]")),
    }


def test_a_second_render_reads_the_route_from_the_cache_and_shows_the_same_page(
    client, story, route_cache_only, django_assert_max_num_queries
):
    first = client.get(story.url)
    with django_assert_max_num_queries(3):  # body images and their renditions, nothing else
        second = client.get(story.url)
    assert (_state(first), _state(second)) == ("miss", "hit")
    assert second.status_code == 200
    assert _reader_view(second) == _reader_view(first)
    assert "Lê Thị Hoa" in _reader_view(second)["main"]
    assert "Sửa tên xã cho đúng." in _reader_view(second)["main"]


def test_a_published_change_is_shown_at_once(client, story, route_cache_only):
    client.get(story.url)
    assert _state(client.get(story.url)) == "hit"
    story.title = "Người giữ lửa bếp ăn từ thiện suốt mười năm"
    story.save_revision().publish()
    StoryCorrection.objects.create(story=story, note="Bổ sung số suất ăn.")
    response = client.get(story.url)
    assert _state(response) == "miss"
    view = _reader_view(response)
    assert view["title"] == "Người giữ lửa bếp ăn từ thiện suốt mười năm"
    assert "Bổ sung số suất ăn." in view["main"]


def test_an_unpublished_story_is_gone_at_once(client, story, route_cache_only):
    client.get(story.url)
    assert _state(client.get(story.url)) == "hit"
    story.unpublish()
    assert client.get(story.url).status_code in (404, 410)


def test_a_private_page_is_never_stored(client, story, route_cache_only, editor_in_chief):
    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.LOGIN)
    staff = Client()
    staff.force_login(editor_in_chief)
    for _ in range(2):
        response = staff.get(story.url)
        assert response.status_code == 200 and _state(response) is None
    assert _stored(story.url) is None
    # A reader is still sent to log in: the restriction is checked on every request.
    assert client.get(story.url).status_code == 302


def test_a_logged_in_render_is_not_stored(story, route_cache_only, editor_in_chief):
    staff = Client()
    staff.force_login(editor_in_chief)
    staff.get(story.url)
    assert _state(staff.get(story.url)) is None


def test_unknown_and_hostile_paths_store_nothing(client, story, route_cache_only):
    paths = ("/khong-co-trang-nay/", story.url + "x/", "/%C0%AE%C0%AE/", "/tim-kiem/?q=²")
    for path in paths:
        assert client.get(path).status_code in (200, 400, 404)  # the search view is no page
        assert _stored(path) is None


def test_an_unreadable_entry_is_routed_afresh(client, story, route_cache_only):
    client.get(story.url)
    assert _stored(story.url) is not None
    from core.cache import read_generation

    cache.set(routecache._key(read_generation(), RequestFactory().get(story.url)), b"not a pickle")
    response = client.get(story.url)
    assert response.status_code == 200 and _state(response) == "miss"
    pickle.loads(_stored(story.url))  # stored again, readable


def _stored(path: str):
    """The route entry the middleware keeps for `path` under the current generation."""
    from core.cache import read_generation

    request = RequestFactory().get(path)
    return cache.get(routecache._key(read_generation(), request))


def test_site_settings_come_from_the_cache_and_an_edit_shows_at_once(
    client, story, site, route_cache_only, django_assert_max_num_queries
):
    from core.models import SiteSettings

    client.get(story.url)
    with django_assert_max_num_queries(2):
        html = BeautifulSoup(client.get(story.url).content, "html.parser")
    assert html.select_one(".site-brand__tagline").get_text(strip=True) == (
        SiteSettings.for_site(site).tagline
    )
    settings_row = SiteSettings.objects.get(site=site)
    settings_row.tagline = "Mỗi người tốt là một bông hoa đẹp"
    settings_row.save()
    html = BeautifulSoup(client.get(story.url).content, "html.parser")
    assert html.select_one(".site-brand__tagline").get_text(strip=True) == (
        "Mỗi người tốt là một bông hoa đẹp"
    )
