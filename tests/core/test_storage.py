"""core.storage: which media names only a view may serve, the private storage without URLs, and
moving files between storages without losing one."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, storages

from core.storage import is_internal_media, move_files


@pytest.mark.parametrize(
    "name",
    [
        "documents/ke-hoach.pdf",
        "./documents/ke-hoach.pdf",
        "images/../documents/ke-hoach.pdf",
        "Documents/KE-HOACH.PDF",
        "documents//ke-hoach.pdf",
        "/documents/ke-hoach.pdf",
        "documents\\ke-hoach.pdf",
        "documents",
        "campaign-reports/bao-cao.xlsx",
    ],
)
def test_documents_and_reports_are_internal_however_spelt(name):
    assert is_internal_media(name)


@pytest.mark.parametrize(
    "name", ["images/anh.jpg", "original_images/documents.jpg", "documents-cu/a.pdf", ""]
)
def test_images_are_public(name):
    assert not is_internal_media(name)


def test_the_private_storage_has_no_url_and_lives_outside_media_root(settings):
    private = storages["private"]
    with pytest.raises(NotImplementedError):
        private.url("campaign-reports/bao-cao.xlsx")
    assert isinstance(private, FileSystemStorage)
    media_root = settings.MEDIA_ROOT.resolve()
    location = type(settings.MEDIA_ROOT)(private.location).resolve()
    assert media_root not in location.parents and location != media_root


def test_a_document_file_has_no_direct_url_but_an_image_has():
    public = storages["default"]
    with pytest.raises(NotImplementedError):
        public.url("documents/ke-hoach.pdf")
    assert public.url("images/anh.jpg") == "/media/images/anh.jpg"


def test_move_files_keeps_every_file_and_can_be_run_again():
    public, private = storages["default"], storages["private"]
    first = public.save("campaign-reports/bao-cao-2026.xlsx", ContentFile(b"PK first"))
    second = public.save("campaign-reports/bao-cao-2025.xlsx", ContentFile(b"PK second"))
    # Something already in the target under the second name, not the same file: kept.
    taken = private.save(second, ContentFile(b"another file"))
    moved: dict[str, str] = {}
    names = [first, second, first, "", "campaign-reports/gone.xlsx"]
    try:
        moved = move_files(names, public, private)
        assert set(moved) == {first, second}
        assert moved[first] == first and moved[second] != second
        assert private.open(moved[first]).read() == b"PK first"
        assert private.open(moved[second]).read() == b"PK second"
        assert private.open(taken).read() == b"another file"
        assert not public.exists(first) and not public.exists(second)
        assert move_files([first], public, private) == {}  # a second run: nothing to move
    finally:
        for name in {*moved.values(), taken}:
            private.delete(name)
