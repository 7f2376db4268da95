"""Documents behind a CDN (FRONTEND_CACHE_URL): public documents may be cached for an hour
(media_pipeline.documents), so changing one, or restricting its collection, purges its URL."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.core.test_purge import _paths, proxy  # noqa: F401  (the recording proxy fixture)

pytestmark = pytest.mark.django_db


def _document(title: str, name: str, collection) -> object:
    document = get_document_model()(title=title, collection=collection)
    document.file.save(name, ContentFile(b"%PDF-1.4 ke hoach"), save=False)
    document.save()
    return document


def test_restricting_a_collection_purges_its_documents_and_those_below(
    proxy,  # noqa: F811
    site,
    django_capture_on_commit_callbacks,
):
    root = Collection.get_first_root_node()
    files = root.add_child(name="Hồ sơ thi đua")
    inner = files.add_child(name="Năm 2026")
    outside = root.add_child(name="Văn bản công khai")
    first, second = (
        _document("Hồ sơ", "ho-so.pdf", files),
        _document("Tờ trình", "to-trinh.pdf", inner),
    )
    other = _document("Kế hoạch", "ke-hoach.pdf", outside)
    proxy.received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        CollectionViewRestriction.objects.create(
            collection=files, restriction_type=CollectionViewRestriction.LOGIN
        )
    assert _paths(proxy) == {first.url, second.url}
    assert other.url not in _paths(proxy)


def test_changing_or_deleting_a_document_purges_its_url(
    proxy,  # noqa: F811
    site,
    django_capture_on_commit_callbacks,
):
    document = _document("Kế hoạch", "ke-hoach-60.pdf", Collection.get_first_root_node())
    url = document.url
    for change in (lambda: document.save(), lambda: document.delete()):
        proxy.received.clear()
        with django_capture_on_commit_callbacks(execute=True):
            change()
        assert _paths(proxy) == {url}
