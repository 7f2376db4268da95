"""Wagtail signals the engagement app listens to: live page ids for ingest validation."""

from wagtail.signals import page_published, page_unpublished

from . import ingest


def _pages_changed(sender, **kwargs) -> None:
    ingest.forget_page_ids()


page_published.connect(_pages_changed, dispatch_uid="engagement_page_published")
page_unpublished.connect(_pages_changed, dispatch_uid="engagement_page_unpublished")
