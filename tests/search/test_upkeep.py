"""Publishing, unpublishing, editing, restricting and deleting pages keep the index current
through django-tasks (ImmediateBackend in tests); an engine failure never loses the save."""

from django.core.management import call_command
from wagtail.models import PageViewRestriction

from search import index
from search.backends import get_backend
from search.backends.base import SearchQuery
from search.models import IndexFailure, SearchDocument


def found(backend, text):
    return {hit.page_id for hit in backend.search(SearchQuery(text=text)).hits}


def test_publish_indexes_and_unpublish_removes(backend, make_story):
    story = make_story("Người giữ rừng ở Đắk Lắk")
    assert found(backend, "nguoi giu rung") == {story.pk}
    hit = backend.search(SearchQuery(text="nguoi giu rung")).hits[0]
    assert hit.url == story.url
    story.unpublish()
    assert found(backend, "nguoi giu rung") == set()


def test_drafts_are_never_indexed(backend, make_story):
    make_story("Bản nháp bí mật", live=False)
    assert found(backend, "ban nhap bi mat") == set()


def test_editing_and_republishing_updates_the_entry(backend, make_story):
    story = make_story("Tiêu đề cũ")
    story.title = "Tiêu đề mới toanh"
    story.save_revision().publish()
    assert found(backend, "moi toanh") == {story.pk}
    assert found(backend, "cu") == set()


def test_delete_removes_the_entry(backend, make_story):
    story = make_story("Sẽ bị xóa")
    pk = story.pk
    story.delete()
    assert found(backend, "se bi xoa") == set()
    assert not SearchDocument.objects.filter(page_id=pk).exists()


def test_private_pages_leave_the_index(backend, make_story, column):
    story = make_story("Chỉ dành cho nội bộ")
    PageViewRestriction.objects.create(page=column, restriction_type="password", password="x")
    assert found(backend, "noi bo") == set()
    assert index.update(story.pk) == "removed"


def test_story_document_carries_facets(backend, make_story, column):
    story = make_story("Có từ khóa")
    story.tags.add("Nông thôn mới")
    story.save_revision().publish()
    row = SearchDocument.objects.get(page_id=story.pk)
    assert row.column_id == column.pk
    assert list(row.tags.values_list("slug", flat=True)) == ["nong-thon-moi"]


def test_engine_failure_is_retried_recorded_and_the_save_kept(backend, make_story, settings):
    """A real unreachable engine (Elasticsearch on a closed port), not a mock."""
    original = settings.SEARCH_URL
    settings.SEARCH_URL = "elasticsearch://127.0.0.1:9/lantoa"
    get_backend.cache_clear()
    try:
        story = make_story("Lưu vẫn thành công")
    finally:
        settings.SEARCH_URL = original
        get_backend.cache_clear()
    story.refresh_from_db()
    assert story.live
    failure = IndexFailure.objects.get(page_id=story.pk)
    assert failure.attempts == 3  # first try and two retries
    assert "Connection" in failure.error
    assert found(backend, "luu van thanh cong") == set()
    story.save_revision().publish()  # the engine is back: the next update succeeds
    assert found(get_backend(), "luu van thanh cong") == {story.pk}
    assert not IndexFailure.objects.filter(page_id=story.pk).exists()


def test_search_reindex_rebuilds_everything(backend, make_story, capsys):
    stories = [make_story(f"Bài số {n} về bưởi") for n in range(3)]
    SearchDocument.objects.all().delete()
    backend.clear()
    call_command("search_reindex", "--no-progress")
    assert found(backend, "buoi") == {s.pk for s in stories}
    assert "Đã lập chỉ mục" in capsys.readouterr().out
