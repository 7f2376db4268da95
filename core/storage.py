"""Where files live and which of them may have a public URL (docs/security.md, "Private files").

Two storages (settings.STORAGES): "default", the public media (images and their renditions,
served at /media/ or by the bucket), and "private", for files only staff may read (campaign
reports), outside MEDIA_ROOT or at a private S3 location, with no URL at all: a view that
checks permission reads the file and sends it.

Wagtail's documents stay in the default storage (their model is Wagtail's own), but they are
served only through Wagtail's serving view, which applies the collection's privacy. So their
names have no URL either (`url()` refuses), the /media/ view of `make run` and gunicorn refuses
them (`is_internal_media`), nginx refuses them (deploy/nginx/lantoa.conf), and on S3 they are
uploaded with a private ACL.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, storages

# Names in the public media storage that must never be fetched directly: Wagtail's documents
# ("documents/", its upload_to), the audio library ("audio/": served by /am-thanh/<id>/<name>,
# which applies the collection's privacy and answers byte ranges) and the former place of the
# campaign reports (moved to the private storage by campaigns/0009; refused as well in case a
# copy is put back by hand).
INTERNAL_MEDIA_PREFIXES = ("documents/", "audio/", "campaign-reports/")
NO_URL = "Private files have no public URL: serve them through a view that checks permission."


def is_internal_media(name: str) -> bool:
    """True for a media name (as in a URL after /media/) that only a view may serve."""
    normalized = posixpath.normpath("/" + name.replace("\\", "/")).lstrip("/").lower()
    return any(
        normalized == prefix.rstrip("/") or normalized.startswith(prefix)
        for prefix in INTERNAL_MEDIA_PREFIXES
    )


class InternalNamesHaveNoURL:
    """For the public storage: refuses a URL for internal names, so no template or feed can
    link a document's file past Wagtail's serving view (which treats NotImplementedError as
    "no direct URL")."""

    def url(self, name: str | None, *args, **kwargs) -> str:
        if name and is_internal_media(name):
            raise NotImplementedError(NO_URL)
        return super().url(name, *args, **kwargs)


class NoURL:
    """For the private storage: no name has a URL."""

    def url(self, name: str | None, *args, **kwargs) -> str:
        raise NotImplementedError(NO_URL)


class PublicFileSystemStorage(InternalNamesHaveNoURL, FileSystemStorage):
    """MEDIA_ROOT, served at MEDIA_URL, except the internal names."""


class PrivateFileSystemStorage(NoURL, FileSystemStorage):
    """PRIVATE_MEDIA_ROOT: a folder outside MEDIA_ROOT that no web server serves. Files are
    written readable by the site's user only."""

    def __init__(self, **options) -> None:
        options.setdefault("file_permissions_mode", 0o600)
        options.setdefault("directory_permissions_mode", 0o700)
        super().__init__(**options)


def private_storage() -> Storage:
    """The private storage (a callable, so a model field's migration does not name a class)."""
    return storages["private"]


def move_files(names: Iterable[str], source: Storage, target: Storage) -> dict[str, str]:
    """Moves files from one storage to another (a data migration's work); returns {old name:
    name in the target} for each file moved. Every copy is written before any original is
    deleted, so a failure part-way loses nothing; a file already in the target with the same
    size is not copied twice (a re-run), and a name missing from the source is left alone."""
    moved: dict[str, str] = {}
    for name in dict.fromkeys(names):
        if not name or not source.exists(name):
            continue
        if target.exists(name) and target.size(name) == source.size(name):
            moved[name] = name
            continue
        with source.open(name, "rb") as handle:
            moved[name] = target.save(name, File(handle, name=name))
    for name in moved:
        source.delete(name)
    return moved
