"""One cache for every process of the site, and the generation that retires what it holds.

Whatever the site caches from its content (pages, feeds, the menu, the outlet directory, the
"any private page?" flag) is stored under the current *site generation*, a counter in the
shared cache (settings.CACHES: diskcache on disk by default, Redis or memcached by CACHE_URL).
A change readers must see calls `site_changed()`: one atomic increment that every process sees
on its next request; entries under the old number are never read again and expire.

The counter is read once per request (`request_generation`, held by the page-cache middleware),
so a page that consults the menu, the privacy flag and a feed pays for one read.
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

GENERATION_KEY = "core:generation"
SAFETY_TIMEOUT = 24 * 3600  # entries expire anyway; invalidation is by generation
_MISSING = object()
_held: contextvars.ContextVar[int | None] = contextvars.ContextVar("site_generation", default=None)

T = TypeVar("T")


def _fresh_start() -> int:
    return time.time_ns() // 1000


def read_generation() -> int | None:
    """The counter from the shared cache; None when the cache cannot answer (cache nothing).

    A missing counter (new cache, or evicted) starts from the clock in microseconds, always
    above any number used before, so entries of an old generation can never come back.
    """
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, _fresh_start(), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def generation() -> int | None:
    """The current generation: the one this request started with, else read from the cache."""
    held = _held.get()
    return held if held is not None else read_generation()


@contextmanager
def request_generation() -> Iterator[int | None]:
    """One read of the counter, used by everything the request caches or looks up."""
    token = _held.set(read_generation())
    try:
        yield _held.get()
    finally:
        _held.reset(token)


def _increment() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no counter yet (or evicted): any fresh start retires the old entries
        if not cache.add(GENERATION_KEY, _fresh_start(), timeout=None):
            cache.incr(GENERATION_KEY)


def site_changed(**kwargs) -> None:
    """Retires everything cached from the site's content, in every process (a signal receiver).

    Incremented at once (for readers inside this transaction) and again after the commit: a
    process that rendered between the two read the old rows, but stored them under a number
    that the second increment retires.
    """
    _held.set(None)
    _increment()
    connection = transaction.get_connection()
    if connection.in_atomic_block and not any(
        entry[1] is _increment for entry in connection.run_on_commit
    ):
        transaction.on_commit(_increment, robust=True)


def remember(name: str, build: Callable[[], T], timeout: int = SAFETY_TIMEOUT) -> T:
    """`build()`, cached under the current generation (built afresh if the cache cannot answer)."""
    current = generation()
    if current is None:
        return build()
    key = f"{name}:g{current}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, timeout)
    return value


def _changed_unless_created(created: bool = False, **kwargs) -> None:
    if not created:
        site_changed()


def invalidate_on_change(*models, on_create: bool = True) -> None:
    """Saving or deleting a row of any of `models` retires the cached site (apps list theirs).

    `on_create=False`: a new row changes nothing readers see (site settings are created with
    their defaults by the first page that reads them).
    """
    on_save = site_changed if on_create else _changed_unless_created
    for model in models:
        uid = f"core.site_changed:{model._meta.label}"
        post_save.connect(on_save, sender=model, weak=False, dispatch_uid=f"{uid}:save")
        post_delete.connect(site_changed, sender=model, weak=False, dispatch_uid=f"{uid}:delete")
