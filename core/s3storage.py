"""The two storages on S3-compatible object storage (MEDIA_STORAGE=s3; django-storages is the
"s3" extra, so this module is imported only then). See core.storage for what is private."""

from __future__ import annotations

from storages.backends.s3 import S3Storage

from .storage import InternalNamesHaveNoURL, NoURL, is_internal_media

PRIVATE_OBJECT = {"ACL": "private", "CacheControl": "private, no-store"}


class PublicS3Storage(InternalNamesHaveNoURL, S3Storage):
    """The public media bucket: images at plain, cacheable URLs; documents uploaded with a
    private ACL (Django reads them for Wagtail's serving view) and given no URL."""

    def get_object_parameters(self, name: str) -> dict:
        """`name` is the object's key (with the location in front, unlike in `url()`)."""
        parameters = super().get_object_parameters(name)
        location = self.location.strip("/")
        if is_internal_media(name.removeprefix(location + "/") if location else name):
            parameters.update(PRIVATE_OBJECT)
        return parameters


class PrivateS3Storage(NoURL, S3Storage):
    """Staff files: every object private, never a URL (not even a signed one: the view that
    checked permission streams the file)."""

    def __init__(self, **options) -> None:
        options.update(default_acl="private", querystring_auth=True, custom_domain=None)
        super().__init__(**options)

    def get_object_parameters(self, name: str) -> dict:
        return {**super().get_object_parameters(name), **PRIVATE_OBJECT}
