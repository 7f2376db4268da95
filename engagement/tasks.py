"""Background tasks (django-tasks): roll-ups and pruning, for the worker or a scheduler."""

from __future__ import annotations

from datetime import date

from django_tasks import task

from . import rollups


@task()
def rollup_task(day: str | None = None) -> int:
    """Roll up one day (ISO date), or today and yesterday when none is given."""
    if day:
        return rollups.rollup_day(date.fromisoformat(day))
    return len(rollups.rollup_recent())


@task()
def prune_task(retention_days: int | None = None) -> int:
    """Delete raw events past the retention, after rolling their days up."""
    deleted, _days = rollups.prune(retention_days)
    return deleted
