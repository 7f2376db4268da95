"""Where a request's time goes: exclusive wall time per category, by wrapping a few functions.

A category is charged only while it is the innermost one running: a query run from a template
tag counts as ORM/SQL, not as templates, so the rows add up to the whole request. The wrappers
cost a little (a few microseconds a call); the table says how much slower the instrumented
requests were than the plain ones measured beside them.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager

OTHER = "Request handling: test client, middleware, URL resolving, Wagtail's serve()"

# (module, attribute path, category); nesting decides which category a moment is charged to.
WRAPPED = [
    ("django.db.backends.utils", "CursorWrapper._execute", "SQL executed by SQLite"),
    ("django.db.backends.utils", "CursorWrapper._executemany", "SQL executed by SQLite"),
    (
        "django.db.models.sql.compiler",
        "SQLCompiler.execute_sql",
        "ORM: compiling SQL, reading rows",
    ),
    ("django.db.models.query", "QuerySet._fetch_all", "ORM: compiling SQL, reading rows"),
    ("django.db.models.query", "prefetch_related_objects", "ORM: compiling SQL, reading rows"),
    ("django.db.models.sql.query", "Query.add_q", "ORM: building querysets"),
    ("django.db.models.sql.query", "Query.chain", "ORM: building querysets"),
    ("django.db.models.query", "QuerySet.select_related", "ORM: building querysets"),
    ("django.db.models.query", "QuerySet.annotate", "ORM: building querysets"),
    ("django.db.models.query", "QuerySet.order_by", "ORM: building querysets"),
    ("wagtail.models.sites", "Site.find_for_request", "Routing: site and page tree"),
    ("wagtail.models.pages", "Page.route_for_request", "Routing: site and page tree"),
    ("wagtail.models.pages", "Page.route", "Routing: site and page tree"),
    ("stories.models", "StoryPage.get_context", "Page context (get_context)"),
    ("stories.models", "StoryPage.structured_data", "JSON-LD (structured_data)"),
    ("django.template.base", "Template.render", "Templates (Django template language)"),
    ("django.template.context", "RequestContext.bind_template", "Context processors"),
    ("wagtail.blocks.base", "Block.render", "StreamField: rendering blocks"),
    ("wagtail.blocks.stream_block", "StreamValue._prefetch_blocks", "StreamField: JSON to values"),
    ("wagtail.blocks.stream_block", "StreamValue.__init__", "StreamField: JSON to values"),
    ("wagtail.rich_text.rewriters", "MultiRuleRewriter.__call__", "Rich text (expand_db_html)"),
    ("wagtail.images.models", "AbstractImage.get_rendition", "Image renditions"),
    ("wagtail.images.models", "AbstractImage.get_renditions", "Image renditions"),
    ("wagtail.images.templatetags.wagtailimages_tags", "ImageNode.render", "Image renditions"),
    ("wagtail.models.pages", "Page.get_url_parts", "URLs (pageurl, url, reverse)"),
    ("django.urls.resolvers", "URLResolver._reverse_with_prefix", "URLs (pageurl, url, reverse)"),
    ("django.core.cache.backends.locmem", "LocMemCache.get", "Cache (local memory)"),
    ("django.core.cache.backends.locmem", "LocMemCache.set", "Cache (local memory)"),
    ("django.core.cache.backends.locmem", "LocMemCache.get_many", "Cache (local memory)"),
    ("django.core.cache.backends.locmem", "LocMemCache.set_many", "Cache (local memory)"),
    ("django.core.cache.backends.base", "BaseCache.get_or_set", "Cache (local memory)"),
    ("django.middleware.locale", "LocaleMiddleware.process_request", "i18n (LocaleMiddleware)"),
    ("django.middleware.locale", "LocaleMiddleware.process_response", "i18n (LocaleMiddleware)"),
    ("django.contrib.sessions.middleware", "SessionMiddleware.process_response", "Sessions"),
    ("django.middleware.csrf", "CsrfViewMiddleware.process_response", "CSRF"),
]


class Breakdown:
    """Exclusive time per category for the code run inside `measure()`."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self.stack: list[str] = []
        self.mark = 0.0
        self._restore: list[Callable[[], None]] = []

    def _enter(self, category: str) -> None:
        now = time.thread_time()
        if self.stack:
            self.totals[self.stack[-1]] += now - self.mark
        self.stack.append(category)
        self.mark = now

    def _leave(self) -> None:
        now = time.thread_time()
        self.totals[self.stack.pop()] += now - self.mark
        self.mark = now

    def _timed(self, function: Callable, category: str) -> Callable:
        @functools.wraps(function)
        def timed(*args, **kwargs):
            if not self.stack:  # outside a measured request
                return function(*args, **kwargs)
            self.calls[category] += 1
            self._enter(category)
            try:
                return function(*args, **kwargs)
            finally:
                self._leave()

        return timed

    def install(self) -> None:
        for module_name, path, category in WRAPPED:
            owner = importlib.import_module(module_name)
            *parents, name = path.split(".")
            for parent in parents:
                owner = getattr(owner, parent)
            original = inspect.getattr_static(owner, name)
            if isinstance(original, staticmethod):
                wrapped = staticmethod(self._timed(original.__func__, category))
            elif isinstance(original, classmethod):
                wrapped = classmethod(self._timed(original.__func__, category))
            elif isinstance(original, property):
                wrapped = property(self._timed(original.fget, category))
            elif hasattr(original, "func") and hasattr(original, "__set_name__"):
                continue  # a cached_property: its first access is charged to the caller
            else:
                wrapped = self._timed(original, category)
            setattr(owner, name, wrapped)
            self._restore.append(functools.partial(setattr, owner, name, original))

    def uninstall(self) -> None:
        while self._restore:
            self._restore.pop()()

    @contextmanager
    def measure(self) -> Iterator[None]:
        self._enter(OTHER)
        try:
            yield
        finally:
            self._leave()

    def rows(self, requests: int) -> list[tuple[str, float, float]]:
        """(category, ms per request, share of the request) from the largest down."""
        whole = sum(self.totals.values())
        return [
            (category, seconds * 1000 / requests, seconds / whole)
            for category, seconds in sorted(self.totals.items(), key=lambda item: -item[1])
        ]
