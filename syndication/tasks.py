"""Background work of syndication (django-tasks): station bulletins are built in the worker,
never in the request an automation system is waiting on."""

from __future__ import annotations

import logging
from datetime import date

from django.core.cache import cache
from django_tasks import task

from . import bulletins
from .registry import speech

logger = logging.getLogger(__name__)


def building_key(outlet_pk: int, day: str) -> str:
    return f"syndication:bulletin-building:{outlet_pk}:{day}"


@task()
def build_bulletin(outlet_pk: int, day: str) -> str:
    """`day` in ISO form (task arguments are JSON). Answers the built file's name."""
    try:
        return bulletins.build(outlet_pk, date.fromisoformat(day))
    except speech().SpeechError as error:
        logger.error("bulletin of outlet %s for %s failed: %s", outlet_pk, day, error)
        return ""
    finally:
        cache.delete(building_key(outlet_pk, day))
