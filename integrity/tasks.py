"""Background task (django-tasks): the hourly scan of the rendered live pages, enqueued by
the scheduler (lantoa run_scheduler)."""

from __future__ import annotations

from django.utils import translation
from django_tasks import task

from . import scan


@task()
def integrity_scan_task() -> int:
    """Scan every live page as readers get it; returns how many findings are new."""
    with translation.override("vi"):
        return scan.scheduled_scan()
