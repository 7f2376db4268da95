"""What retires the cached site in every process, and what a CDN in front is told to purge.

Pages of every type: published or unpublished (by an editor, a script or `publish_scheduled`,
which runs the same publish and unpublish actions, so the same Wagtail signals arrive), moved,
deleted, or a live page saved directly (the importer, a script). Privacy (view restrictions),
sites and their settings, images and documents. Feature apps add their own models with
`core.cache.invalidate_on_change` (outlets, campaigns, authors, tags, localities), and
`migrate` (run on every deploy) retires pages rendered by the previous release's templates.
"""

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import purge
from .cache import invalidate_on_change, site_changed


def live_page_saved(sender, instance, update_fields=None, **kwargs) -> None:
    """A live page saved outside publishing; saving a draft (update_fields) changes nothing."""
    if instance.live and update_fields is None:
        site_changed()


# What Wagtail itself writes when a file is first used (its size, its hash): nothing visible.
FILE_BOOKKEEPING = frozenset({"file_size", "file_hash"})


def media_saved(sender, instance, created=False, update_fields=None, **kwargs) -> None:
    """An image or document edited (title, credit, file); a new upload shows nowhere yet."""
    if not created and (update_fields is None or not set(update_fields) <= FILE_BOOKKEEPING):
        site_changed()


def purge_page(sender, instance, **kwargs) -> None:
    """Published or unpublished; Wagtail unpublishes a live page before deleting it, so a
    deletion arrives here too (a page that was not live was in no cache)."""
    if purge.enabled():
        purge.purge_after_commit(purge.page_urls(instance))


def purge_moved_page(sender, instance, parent_page_before, url_path_before, **kwargs) -> None:
    if purge.enabled():
        urls = purge.page_urls(instance) | purge.page_urls(parent_page_before)
        if old_url := purge.url_at(url_path_before):
            urls.add(old_url)
        purge.purge_after_commit(urls)


def after_migrate(using: str = "default", **kwargs) -> None:
    """The database cache's table when one is configured (CACHE_URL=db://); then a new era."""
    if any(config["BACKEND"].endswith(".DatabaseCache") for config in settings.CACHES.values()):
        call_command("createcachetable", database=using, verbosity=0)
    site_changed()


def connect_receivers() -> None:
    """Called once the app registry is ready (every page type and setting model is known)."""
    for signal, name in ((page_published, "published"), (page_unpublished, "unpublished")):
        signal.connect(site_changed, dispatch_uid=f"core.site_changed:{name}")
        signal.connect(purge_page, dispatch_uid=f"core.purge:{name}")
    post_page_move.connect(site_changed, dispatch_uid="core.site_changed:moved")
    post_page_move.connect(purge_moved_page, dispatch_uid="core.purge:moved")
    for model in apps.get_models():
        label = model._meta.label
        if issubclass(model, Page):
            post_save.connect(live_page_saved, sender=model, dispatch_uid=f"core.saved:{label}")
            post_delete.connect(site_changed, sender=model, dispatch_uid=f"core.deleted:{label}")
        elif issubclass(model, BaseSiteSetting | BaseGenericSetting):
            invalidate_on_change(model, on_create=False)
    invalidate_on_change(PageViewRestriction, Site)
    for model in (get_image_model(), get_document_model()):
        label = model._meta.label
        post_save.connect(media_saved, sender=model, dispatch_uid=f"core.saved:{label}")
        post_delete.connect(site_changed, sender=model, dispatch_uid=f"core.deleted:{label}")
