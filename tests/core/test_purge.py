"""A caching proxy or CDN in front (FRONTEND_CACHE_URL): publishing, unpublishing, moving and
deleting a page send PURGE requests for every URL the change touches, to a real HTTP server."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from campaigns.models import ExemplarPage
from stories.models import Author, SeriesPage, StoryAuthor, StoryExemplar

pytestmark = pytest.mark.django_db


class _PurgeHandler(BaseHTTPRequestHandler):
    def do_PURGE(self):
        self.server.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy(settings):
    """A tiny HTTP server standing in for Varnish: it records every PURGE it receives."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PurgeHandler)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield server
    server.shutdown()
    server.server_close()


def _paths(proxy) -> set[str]:
    return {path for _host, path in proxy.received}


@pytest.fixture
def linked_story(make_story, home, series_index, exemplar_index):
    series = SeriesPage(title="Những người giữ rừng")
    series_index.add_child(instance=series)
    exemplar = ExemplarPage(title="Anh Lò Văn Pọm", kind="individual", field="economy")
    exemplar_index.add_child(instance=exemplar)
    story = make_story("Người giữ rừng ở bản Mông", live=False, series=series, part_number=1)
    story.tags.add("Bảo vệ rừng")
    StoryExemplar.objects.create(story=story, exemplar=exemplar)
    StoryAuthor.objects.create(story=story, author=Author.objects.create(name="Hoàng Lan"))
    return story


def test_publishing_a_story_purges_every_page_and_feed_that_shows_it(
    proxy, linked_story, column, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        linked_story.save_revision().publish()
    linked_story.refresh_from_db()
    tag = linked_story.tags.get().slug
    series = linked_story.series
    exemplar = linked_story.exemplar_links.get().exemplar
    expected = {
        linked_story.url,
        column.url,
        "/",
        "/tu-khoa/",
        f"/tu-khoa/{tag}/",
        series.url,
        exemplar.url,
        "/tac-gia/hoang-lan/",
        "/sitemap.xml",
        *(f"/feeds/all.{fmt}" for fmt in ("rss", "atom")),
        *(f"/feeds/column/{column.slug}.{fmt}" for fmt in ("rss", "atom")),
        *(f"/feeds/tag/{tag}.{fmt}" for fmt in ("rss", "atom")),
        *(f"/feeds/series/{series.slug}.{fmt}" for fmt in ("rss", "atom")),
        *(f"/feeds/exemplar/{exemplar.slug}.{fmt}" for fmt in ("rss", "atom")),
    }
    assert expected <= _paths(proxy)
    # The Host the proxy keys its copies by: the site's own hostname.
    assert {host for host, _path in proxy.received} == {"localhost"}


def test_unpublishing_purges_the_page_and_its_listings(
    proxy, make_story, column, django_capture_on_commit_callbacks
):
    story = make_story("Bài bị gỡ")
    proxy.received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()
    assert {story.url, column.url, "/", "/feeds/all.rss", "/sitemap.xml"} <= _paths(proxy)


def test_moving_purges_the_old_address_and_both_columns(
    proxy, make_story, home, column, django_capture_on_commit_callbacks
):
    from stories.models import ColumnIndexPage

    other = ColumnIndexPage(title="Người tốt việc tốt")
    home.add_child(instance=other)
    story = make_story("Bài chuyển chuyên mục")
    old_url = story.url
    proxy.received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        story.move(other, pos="last-child")
    story.refresh_from_db()
    assert {old_url, story.url, column.url, other.url} <= _paths(proxy)


def test_deleting_purges_the_page_once(
    proxy, make_story, column, django_capture_on_commit_callbacks
):
    story = make_story("Bài bị xóa")
    url = story.url
    proxy.received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        story.delete()
    paths = [path for _host, path in proxy.received]
    assert paths.count(url) == 1 and column.url in paths


def test_nothing_is_sent_without_a_proxy(settings, make_story, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = None
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        make_story("Bài không có CDN")
    assert not [c for c in callbacks if "purge" in getattr(c, "__qualname__", "")]
