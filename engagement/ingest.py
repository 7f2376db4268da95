"""Validation, rate limiting and recording of reader events (the ingest endpoint's work).

Every accepted event is one INSERT in autocommit mode, committed before the endpoint answers:
an acknowledged event survives the server process being killed (SQLite in WAL mode keeps a
committed transaction even with synchronous=NORMAL; only a power cut of the machine can lose
the last ones). Measured in bench/engagement.py.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import re
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import connection
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page

from . import classify, visitors
from .models import EVENT_FIELDS, Event, EventKind, ShareChannel

logger = logging.getLogger(__name__)
_SURROGATE = re.compile("[\ud800-\udfff]")

MAX_BODY_BYTES = 1024
FIELDS = {"t", "p", "r", "c", "q", "n"}
PAGE_IDS_TTL = 60.0
PAGE_IDS_MIN_REFRESH = 2.0


class Invalid(ValueError):
    """A payload the endpoint refuses with 400."""


@dataclass(frozen=True)
class Payload:
    kind: str
    page_id: int | None
    referrer: str = ""
    channel: str = ""
    query: str = ""
    result_count: int | None = None


def _int(value, name: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise Invalid(name)
    return value


def _str(value, name: str, limit: int) -> str:
    if not isinstance(value, str) or len(value) > limit or _SURROGATE.search(value):
        raise Invalid(name)  # a lone surrogate ("\ud800" in JSON) cannot be stored as text
    return value


def parse(data: dict) -> Payload:
    """Known event types only, with exactly the fields each needs and sizes checked."""
    if not isinstance(data, dict) or not set(data) <= FIELDS or "t" not in data:
        raise Invalid("fields")
    kind = data["t"]
    if kind not in EventKind.values:
        raise Invalid("t")
    page_id = _int(data["p"], "p", 1, 2**31 - 1) if "p" in data else None
    if page_id is None and kind != EventKind.SEARCH:
        raise Invalid("p")
    if page_id is not None and not page_exists(page_id):
        raise Invalid("p")
    referrer = _str(data.get("r", ""), "r", 500)
    channel = ""
    if kind == EventKind.SHARE:
        channel = data.get("c")
        if channel not in ShareChannel.values:
            raise Invalid("c")
    elif "c" in data:
        raise Invalid("c")
    query, result_count = "", None
    if kind == EventKind.SEARCH:
        query = " ".join(_str(data.get("q"), "q", 200).split())
        if not query:
            raise Invalid("q")
        if "n" in data:
            result_count = _int(data["n"], "n", 0, 10**9)
    elif "q" in data or "n" in data:
        raise Invalid("q")
    return Payload(kind, page_id, referrer, channel, query, result_count)


def parse_body(body: bytes) -> Payload:
    """A beacon's body: a JSON object of at most MAX_BODY_BYTES bytes."""
    if len(body) > MAX_BODY_BYTES:
        raise Invalid("size")
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError) as error:  # "[[[[…" nests deep
        raise Invalid("json") from error
    return parse(data)


# --- Live page ids, refreshed in memory (no query per event) ----------------------------------

_page_lock = threading.Lock()
_page_ids: frozenset[int] = frozenset()
_page_ids_at = 0.0


def page_exists(page_id: int) -> bool:
    """Whether a live page has this id; a miss re-reads the ids (at most every 2 seconds)."""
    global _page_ids, _page_ids_at
    now = time.monotonic()
    if page_id in _page_ids and now - _page_ids_at < PAGE_IDS_TTL:
        return True
    if now - _page_ids_at < PAGE_IDS_MIN_REFRESH:
        return page_id in _page_ids
    with _page_lock:
        _page_ids = frozenset(Page.objects.live().values_list("pk", flat=True))
        _page_ids_at = now
    return page_id in _page_ids


def forget_page_ids() -> None:
    """Called when a page is published or unpublished (signals.py) and by tests."""
    global _page_ids_at
    _page_ids_at = 0.0


# --- Flood limits per visitor key and per address, shared by every server process -----------

RATE_KEY = "engagement:rate"
DROPPED_KEY = "engagement:dropped"
DROPPED_KEEP_SECONDS = 8 * 24 * 3600  # the dashboard shows today and the last 7 days
VISITOR_LIMIT, ADDRESS_LIMIT = "visitor", "address"


def limits() -> tuple[int, int, int]:
    """(events per visitor key, events per address, window in seconds), from the settings."""
    return (
        getattr(settings, "ENGAGEMENT_RATE_LIMIT", 120),
        getattr(settings, "ENGAGEMENT_ADDRESS_RATE_LIMIT", 1200),
        getattr(settings, "ENGAGEMENT_RATE_WINDOW", 60),
    )


def _increment(key: str, timeout: int) -> int:
    """One more in the shared cache (an atomic increment in diskcache, Redis and memcached),
    so every worker sees the same number."""
    try:
        return cache.incr(key)
    except ValueError:  # the first one
        if cache.add(key, 1, timeout):
            return 1
        return cache.incr(key)


def _window_key(name: str, window: int) -> str:
    return f"{RATE_KEY}:{int(time.time() // window)}:{name}"


def count_in_window(name: str, window: int) -> int:
    """One more for `name` in the current window of `window` seconds, shared by every process:
    the count so far (other apps' flood limits: reader comments, nominations)."""
    return _increment(_window_key(name, window), window * 2)


def over_limit(request: HttpRequest) -> str | None:
    """Which flood limit this event is over (VISITOR_LIMIT, ADDRESS_LIMIT) or None to accept.

    Every event counts against its address (an IPv6 address's /64): a forger who rotates
    user agents gets new visitor keys but keeps the address. A visitor key (address + user
    agent) cannot send more than its address, so keys are counted only once their address
    has sent half the per-key limit in the window, and then may send the other half: no key
    ever gets more than its limit, nearly every reader costs one shared increment, and behind
    a busy address (a commune's NAT) a key may be stopped at half its limit. An event dropped
    by its key's limit is taken off the address again, so one flooding browser does not use
    up its neighbours' share. A dropped event is counted for the dashboard and the first one
    of a window is logged; if the cache cannot answer, nothing is limited.
    """
    per_visitor, per_address, window = limits()
    day = timezone.localdate()
    try:
        address = visitors.raw_address_key(request, day)
        address_entry = _window_key(f"{ADDRESS_LIMIT}:{address}", window)
        count = _increment(address_entry, window * 2)
        if count > per_address:
            _dropped(ADDRESS_LIMIT, address, count == per_address + 1, per_address, window, day)
            return ADDRESS_LIMIT
        uncounted = per_visitor // 2
        if count > uncounted:
            visitor = visitors.raw_key(request, day)
            own = _increment(_window_key(f"{VISITOR_LIMIT}:{visitor}", window), window * 2)
            if own > per_visitor - uncounted:
                with contextlib.suppress(ValueError):
                    cache.decr(address_entry)
                first = own == per_visitor - uncounted + 1
                _dropped(VISITOR_LIMIT, visitor, first, per_visitor, window, day)
                return VISITOR_LIMIT
    except Exception:  # a cache outage must not cost readers their views
        logger.exception("engagement flood limit: the shared cache did not answer")
    return None


def _dropped(kind: str, key: str, first: bool, limit: int, window: int, day) -> None:
    _increment(f"{DROPPED_KEY}:{day.isoformat()}", DROPPED_KEEP_SECONDS)
    if first:
        logger.warning(
            "engagement flood limit: %s key %s is over %d events in %d s; "
            "its events are dropped until the window ends",
            kind,
            key,
            limit,
            window,
        )


def dropped_on(day) -> int:
    """Events the flood limits dropped on `day` (every process; kept for 8 days)."""
    return cache.get(f"{DROPPED_KEY}:{day.isoformat()}") or 0


# --- Recording --------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _site_host(base_url: str) -> str:
    return urlsplit(base_url).hostname or ""


def own_hosts(request: HttpRequest) -> set[str]:
    hosts = {_site_host(settings.SITE_BASE_URL)}
    with contextlib.suppress(DisallowedHost):  # a disallowed Host header is not ours
        hosts.add(request.get_host().split(":")[0])
    return {host.removeprefix("www.") for host in hosts if host}


def record(request: HttpRequest, payload: Payload, *, referrer_known: bool = True) -> None:
    """Stores one event (one INSERT, committed before returning)."""
    now = timezone.now()
    day = timezone.localdate(now)
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    bot = classify.is_bot(user_agent)
    if referrer_known:
        category, host = classify.referrer(payload.referrer, own_hosts(request))
        if category == "direct":
            category = classify.in_app_source(user_agent) or category
    else:
        category, host = "other", ""
    no_results = None if payload.result_count is None else payload.result_count == 0
    values = (
        now,
        day,
        payload.kind,
        payload.page_id,
        payload.channel,
        payload.query[:200],
        no_results,
        category,
        host,
        classify.device_class(user_agent),
        "" if bot else visitors.visitor_key(request, day),
        bot,
        "" if bot else visitors.address_key(request, day),
    )
    _insert(values)


INSERT_FIELDS = ("created_at", "day", *EVENT_FIELDS)


def _insert(values: tuple) -> None:
    """One prepared INSERT, without building a model instance and compiling SQL each time
    (a third of the ingest's time in the benchmark). Autocommit: committed on return.

    Only the two date columns need the backend's adaptation; the others are plain str, int,
    bool or None, which every driver takes as they are.
    """
    created_at, day, *rest = values
    params = [
        connection.ops.adapt_datetimefield_value(created_at),
        connection.ops.adapt_datefield_value(day),
        *rest,
    ]
    with _writer_turn(), connection.cursor() as cursor:
        cursor.execute(_insert_sql(), params)


_lock_files: dict[int, int] = {}


@contextlib.contextmanager
def _writer_turn():
    """With SQLite, server processes take turns on a kernel file lock before writing.

    SQLite lets one writer in at a time and makes the others poll with sleeps of 1 ms and more
    (its busy handler): under load that sleep, not the INSERT (~0.07 ms), was most of the
    ingest's time. A blocking `flock` wakes the next writer as soon as the lock is free.
    """
    if connection.vendor != "sqlite" or not _database_file():
        yield
        return
    pid = os.getpid()  # a descriptor inherited through fork() would share the lock
    descriptor = _lock_files.get(pid)
    if descriptor is None:
        descriptor = _lock_files[pid] = os.open(
            f"{_database_file()}-engagement.lock", os.O_CREAT | os.O_RDWR, 0o600
        )
    fcntl.flock(descriptor, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(descriptor, fcntl.LOCK_UN)


def _database_file() -> str:
    name = str(connection.settings_dict.get("NAME") or "")
    return "" if not name or name == ":memory:" or name.startswith("file:") else name


@lru_cache(maxsize=1)
def _insert_sql() -> str:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(Event._meta.get_field(name).column) for name in INSERT_FIELDS)
    marks = ", ".join(["%s"] * len(INSERT_FIELDS))
    return f"INSERT INTO {quote(Event._meta.db_table)} ({columns}) VALUES ({marks})"
