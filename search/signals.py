"""Wagtail signals enqueue index updates; enqueueing itself can never fail a save."""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import SearchSynonym

logger = logging.getLogger(__name__)


def enqueue(task, page_id: int) -> None:
    try:
        task.enqueue(page_id)
    except Exception:  # a broken queue must not lose the editor's save
        logger.exception("could not enqueue search index update for page %s", page_id)


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(instance=None, **kwargs) -> None:
    from .tasks import update_page

    enqueue(update_page, instance.pk)


@receiver(post_page_move)
def page_moved(instance=None, **kwargs) -> None:
    from .tasks import update_page

    for page_id in Page.objects.descendant_of(instance, inclusive=True).values_list(
        "pk", flat=True
    ):
        enqueue(update_page, page_id)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(instance=None, **kwargs) -> None:
    """A restriction hides (or shows again) a whole subtree."""
    from .tasks import update_page

    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:
        return
    for page_id in Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True):
        enqueue(update_page, page_id)


@receiver(post_delete, sender=Page)
def page_deleted(instance=None, **kwargs) -> None:
    """Deleting any page deletes its `Page` row too, so `sender=Page` hears every page type.

    A sender is required: a receiver for every model stops Django's fast delete, and pruning
    20,000 reader events then reads them back and deletes them a hundred at a time."""
    from .tasks import remove_page

    enqueue(remove_page, instance.pk)


def _enqueue_synonyms() -> None:
    from .tasks import sync_synonyms

    try:
        sync_synonyms.enqueue()
    except Exception:  # a broken queue must not lose the editor's change
        logger.exception("could not enqueue the search synonyms update")


@receiver(post_save, sender=SearchSynonym)
@receiver(post_delete, sender=SearchSynonym)
def synonyms_changed(**kwargs) -> None:
    """An engine that holds the abbreviations itself (Elasticsearch) gets the new list once the
    change is committed; the database engines read the table at query time."""
    transaction.on_commit(_enqueue_synonyms, robust=True)
