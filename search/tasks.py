"""Background index upkeep (django-tasks): the editor's save only enqueues; the engine is
reached from the worker, retried, and a final failure is recorded, never raised at the editor."""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django_tasks import task

logger = logging.getLogger(__name__)


def _retry_delays() -> list[float]:
    return list(getattr(settings, "SEARCH_INDEX_RETRY_DELAYS", [0.5, 2.0]))


def run_with_retries(page_id: int, action: str) -> str:
    """Runs `search.index.update`/`remove` for one page; after the last retry records an
    IndexFailure (visible in the admin) and returns "failed" instead of raising."""
    from . import index
    from .models import IndexFailure

    operation = index.update if action == "update" else index.remove
    delays = [0.0, *_retry_delays()]
    last_error = ""
    for attempt, delay in enumerate(delays, start=1):
        if delay:
            time.sleep(delay)
        try:
            result = operation(page_id)
        except Exception as error:  # any engine error: retried, then recorded
            last_error = f"{type(error).__name__}: {error}"
            logger.warning(
                "search index %s of page %s failed (attempt %s): %s",
                action,
                page_id,
                attempt,
                last_error,
            )
            continue
        IndexFailure.objects.filter(page_id=page_id).delete()
        return result or "removed"
    IndexFailure.objects.create(
        page_id=page_id, action=action, error=last_error[:2000], attempts=len(delays)
    )
    logger.error("search index %s of page %s failed for good: %s", action, page_id, last_error)
    return "failed"


@task()
def update_page(page_id: int) -> str:
    return run_with_retries(page_id, "update")


@task()
def remove_page(page_id: int) -> str:
    return run_with_retries(page_id, "remove")


@task()
def rebuild_index() -> int:
    """The whole index from scratch, in the worker (queued by a migration when the way
    documents are built changes; `manage.py search_reindex` does the same in the foreground)."""
    from . import index

    done = index.rebuild(progress=False)
    logger.info("search index rebuilt: %s pages", done)
    return done


@task()
def sync_synonyms() -> str:
    """The editors' abbreviations to an engine that holds them itself (Elasticsearch's synonym
    filter); nothing to do for the database engines."""
    from .backends import get_backend

    return get_backend().update_synonyms()
