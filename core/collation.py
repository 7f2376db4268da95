"""Vietnamese order in the database: `vi_order("name")` in `order_by()` and `Meta.ordering`.

SQLite orders with a collation named "vi" that calls `vietnamese.collation.compare`; it is
registered on every new connection (`install()`, run by `lantoa`'s AppConfig, hence in web
workers, the task worker and every management command alike). PostgreSQL orders by the SQL
function `vi_sort_key()` that the migration `lantoa/0005_vietnamese_collation` creates from the
same character tables, compared COLLATE "C". Both give `vietnamese.collation.sort_key`'s order.
"""

from __future__ import annotations

from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models import F, Func
from django.db.models.expressions import OrderBy

from vietnamese.collation import compare

SQLITE_COLLATION = "vi"
POSTGRES_FUNCTION = "vi_sort_key"


class ViCollate(Func):
    """An expression that sorts in Vietnamese dictionary order (for ORDER BY only)."""

    template = f"%(expressions)s COLLATE {SQLITE_COLLATION}"

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template=f'{POSTGRES_FUNCTION}(%(expressions)s) COLLATE "C"',
            **extra_context,
        )


def vi_order(field: str, *, descending: bool = False) -> OrderBy:
    """`queryset.order_by(vi_order("name"))`: names in Vietnamese order, on every engine."""
    return OrderBy(ViCollate(F(field)), descending=descending)


def register(connection) -> None:
    """Adds the "vi" collation to one SQLite connection (nothing to do on PostgreSQL)."""
    if connection.vendor == "sqlite" and connection.connection is not None:
        connection.connection.create_collation(SQLITE_COLLATION, compare)


def _on_connection_created(sender, connection, **kwargs) -> None:
    register(connection)


def install() -> None:
    """Registers the collation on every connection from now on and on those already open."""
    connection_created.connect(_on_connection_created, dispatch_uid="core.collation")
    for connection in connections.all(initialized_only=True):
        register(connection)


class VietnameseOrderingMixin:
    """For Wagtail listing views: sorting by a name column follows Vietnamese order.

    Wagtail sorts a listing by a clicked column with `order_by(<column>)`, which is byte
    order; `vi_ordering` maps such columns (and their "-" forms) to the text field to sort with
    `vi_order`. While searching, the search backend orders, as before.
    """

    vi_ordering: dict[str, str] = {"name": "name", "title": "title"}

    def order_queryset(self, queryset):
        ordering = self.ordering
        if isinstance(ordering, str) and not getattr(self, "is_searching", False):
            field = self.vi_ordering.get(ordering.lstrip("-"))
            if field is not None:
                return queryset.order_by(vi_order(field, descending=ordering.startswith("-")), "pk")
        return super().order_queryset(queryset)


def vietnamese_ordering(view_class: type, **columns: str) -> type:
    """`view_class` with `VietnameseOrderingMixin`; `columns` maps extra columns to fields
    (`exemplar="exemplar__title"`)."""
    mapping = {**VietnameseOrderingMixin.vi_ordering, **columns}
    return type(
        f"Vietnamese{view_class.__name__}",
        (VietnameseOrderingMixin, view_class),
        {"vi_ordering": mapping},
    )
