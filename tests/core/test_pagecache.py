"""The page cache for anonymous readers (core.pagecache), through the full middleware stack
and the real shared cache backend."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client, RequestFactory
from wagtail.models import PageViewRestriction

from core import pagecache
from core.cache import GENERATION_KEY, site_changed
from stories.models import Author, StoryAuthor

pytestmark = pytest.mark.django_db


def _state(response) -> str | None:
    return response.headers.get(pagecache.STATUS_HEADER)


@pytest.fixture
def story(make_story):
    return make_story("Người thắp sáng đường quê")


def test_a_reader_gets_the_stored_page_with_caching_headers(client, story):
    first = client.get(story.url)
    second = client.get(story.url)
    assert (_state(first), _state(second)) == ("miss", "hit")
    assert second.content == first.content
    control = second["Cache-Control"]
    assert re.fullmatch(
        r"public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+", control
    ), control
    assert {"cookie", "accept-encoding"} <= {
        part.strip().lower() for part in second["Vary"].split(",")
    }
    assert second["ETag"] == first["ETag"] and second["ETag"].startswith('"')
    # The stored copy is still a real page: title, beacon with this page's id.
    html = BeautifulSoup(second.content, "html.parser")
    assert html.h1.get_text(strip=True) == "Người thắp sáng đường quê"
    assert html.select_one("script[data-page]")["data-page"] == str(story.pk)


def test_a_hit_costs_no_query_and_a_matching_etag_answers_304(
    client, story, django_assert_num_queries
):
    etag = client.get(story.url)["ETag"]
    with django_assert_num_queries(0):
        hit = client.get(story.url)
        not_modified = client.get(story.url, HTTP_IF_NONE_MATCH=etag)
    assert _state(hit) == "hit"
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified["ETag"] == etag and "public" in not_modified["Cache-Control"]
    assert client.get(story.url, HTTP_IF_NONE_MATCH='"khac"').status_code == 200


def test_head_is_answered_from_the_stored_page(client, story):
    client.get(story.url)
    response = client.head(story.url)
    assert response.status_code == 200 and _state(response) == "hit"


def test_every_reader_gets_the_same_page(story):
    """No per-reader content: two readers from different places get byte-identical pages."""
    one = Client(HTTP_USER_AGENT="Mozilla/5.0 (Android 13)", REMOTE_ADDR="203.0.113.5")
    two = Client(HTTP_USER_AGENT="Mozilla/5.0 (iPhone)", REMOTE_ADDR="198.51.100.7")
    assert one.get(story.url).content == two.get(story.url).content


def test_logged_in_editors_never_get_or_leave_a_stored_page(client, story, editor_in_chief):
    editor = Client()
    editor.force_login(editor_in_chief)
    as_editor = editor.get(story.url)
    assert as_editor.status_code == 200 and _state(as_editor) is None
    assert as_editor["Cache-Control"] == "private, no-cache"
    # What the editor saw (the Wagtail user bar) was not stored for readers.
    reader = client.get(story.url)
    assert _state(reader) == "miss"
    assert b"wagtail-userbar" not in reader.content and b"wagtail-userbar" in as_editor.content
    # Once stored, an editor is still served afresh.
    assert _state(client.get(story.url)) == "hit"
    assert _state(editor.get(story.url)) is None


def test_a_request_with_a_messages_cookie_is_rendered_afresh(client, story):
    client.get(story.url)
    client.cookies["messages"] = "anything"
    assert _state(client.get(story.url)) is None


def test_a_post_is_never_answered_from_the_cache(client, story):
    client.get(story.url)
    response = client.post(story.url, {"x": "1"})
    assert _state(response) is None  # rendered by the page itself (Wagtail pages take POSTs)
    assert _state(client.get(story.url)) == "hit"  # and what it rendered was not stored


def test_private_pages_are_not_stored_and_privacy_retires_stored_copies(client, column, story):
    assert _state(client.get(story.url)) == "miss"
    assert _state(client.get(story.url)) == "hit"
    PageViewRestriction.objects.create(page=column, restriction_type=PageViewRestriction.LOGIN)
    refused = client.get(story.url)
    assert refused.status_code == 302 and _state(refused) is None
    assert "Người thắp sáng đường quê" not in client.get("/").content.decode()


def test_password_pages_are_never_stored(client, column, story):
    PageViewRestriction.objects.create(
        page=column, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )
    for _ in range(2):
        response = client.get(story.url)
        assert response.status_code == 200 and _state(response) is None
        assert "no-cache" in response["Cache-Control"]
        assert "trồng bưởi theo hướng hữu cơ" not in response.content.decode()


def test_publishing_unpublishing_and_editing_retire_stored_pages(client, column, make_story):
    first = make_story("Bài thứ nhất")
    assert "Bài thứ nhất" in client.get("/").content.decode()
    assert _state(client.get("/")) == "hit"
    assert _state(client.get(column.url)) == "miss"

    second = make_story("Bài thứ hai")
    assert "Bài thứ hai" in client.get("/").content.decode()
    assert "Bài thứ hai" in client.get(column.url).content.decode()

    first.unpublish()
    assert client.get(first.url).status_code in (404, 410)
    assert "Bài thứ nhất" not in client.get(column.url).content.decode()

    author = Author.objects.create(name="Lò Văn Pọm")
    StoryAuthor.objects.create(story=second, author=author)
    second.save_revision().publish()
    client.get(second.url)
    author.name = "Lò Văn Pọm (CTV)"
    author.save()
    assert "Lò Văn Pọm (CTV)" in client.get(second.url).content.decode()


def test_query_strings_are_bounded(client, settings, column, make_story):
    for number in range(3):
        make_story(f"Bài số {number}")
    settings.PAGE_CACHE_VARIANTS = 4
    # ?page= is declared by listings: stored per value, up to the bound.
    for value in ["1", "2", "abc", "9999"]:
        assert _state(client.get(column.url, {"page": value})) == "miss"
        assert _state(client.get(column.url, {"page": value})) == "hit", value
    assert _state(client.get(column.url, {"page": "<script>"})) == "miss"
    assert _state(client.get(column.url, {"page": "<script>"})) == "miss"  # over the bound
    # Unknown parameters are rendered afresh every time.
    for _ in range(2):
        response = client.get(column.url, {"x": "ngẫu nhiên"})
        assert response.status_code == 200 and _state(response) == "miss"
    # Tracking parameters are answered from the copy without them.
    client.get(column.url)
    assert _state(client.get(column.url, {"fbclid": "IwAR0abc", "utm_source": "zalo"})) == "hit"


def test_directory_filters_are_declared_parameters(client, exemplar_index):
    url = exemplar_index.url
    assert _state(client.get(url, {"kind": "individual"})) == "miss"
    assert _state(client.get(url, {"kind": "individual"})) == "hit"
    assert _state(client.get(url, {"kind": "individual", "khong-biet": "1"})) == "miss"
    assert _state(client.get(url, {"kind": "individual", "khong-biet": "1"})) == "miss"


def test_tag_pages_and_the_sitemap_are_stored_and_search_is_not(client, make_story):
    story = make_story("Bài có từ khóa")
    story.tags.add("Nông thôn mới")
    story.save_revision().publish()
    tag = story.tags.get()
    for url in ["/tu-khoa/", f"/tu-khoa/{tag.slug}/", "/sitemap.xml"]:
        assert _state(client.get(url)) == "miss", url
        assert _state(client.get(url)) == "hit", url
    client.get("/tim-kiem/", {"q": "nong thon"})
    assert _state(client.get("/tim-kiem/", {"q": "nong thon"})) is None


def test_feeds_keep_their_own_cache_and_are_never_page_cached(client, story):
    for _ in range(2):
        response = client.get("/feeds/all.rss")
        assert response.status_code == 200 and _state(response) is None


def _through_middleware(view, path="/trang/"):
    request = RequestFactory().get(path)
    middleware = pagecache.PageCacheMiddleware(view)
    return middleware(request)


def test_a_response_that_sets_a_cookie_is_not_stored():
    def sets_cookie(request):
        pagecache.mark(request)
        response = HttpResponse("<p>Trang</p>")
        response.set_cookie("csrftoken", "abc")
        return response

    for _ in range(2):
        response = _through_middleware(sets_cookie)
        assert "csrftoken" in response.cookies and _state(response) is None


def test_a_gone_page_is_stored_briefly(settings):
    settings.PAGE_CACHE_GONE_SECONDS = 30
    calls = []

    def gone(request):
        calls.append(1)
        pagecache.mark(request)
        return HttpResponse("Bài đã gỡ", status=410)

    first, second = _through_middleware(gone), _through_middleware(gone)
    assert (first.status_code, second.status_code, len(calls)) == (410, 410, 1)
    assert "max-age=30" in second["Cache-Control"] and "s-maxage=30" in second["Cache-Control"]


def test_other_statuses_and_unmarked_views_are_not_stored():
    def not_found(request):
        pagecache.mark(request)
        return HttpResponse("Không có", status=404)

    def unmarked(request):
        return HttpResponse("Trang")

    for view in (not_found, unmarked):
        assert _state(_through_middleware(view)) is None
        assert _state(_through_middleware(view)) is None


def test_the_generation_is_read_once_per_request(client, story, monkeypatch):
    """A fresh render consults the menu, the privacy flag and the page cache: one read."""
    reads = []
    real_get = cache.get

    def counting_get(key, *args, **kwargs):
        if key == GENERATION_KEY:
            reads.append(key)
        return real_get(key, *args, **kwargs)

    client.get(story.url)  # creates what a first view creates (site settings, renditions)
    site_changed()
    monkeypatch.setattr(cache, "get", counting_get)
    response = client.get(story.url)
    assert _state(response) == "miss" and len(reads) == 1
