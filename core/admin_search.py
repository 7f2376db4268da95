"""The admin's own searches with Vietnamese folding, so an editor typing "vuon uom" finds
"Vườn ươm" as the readers' search does: pages, photos, documents, and every snippet list and
chooser with a search box (authors, tags, localities, outlets, campaigns, decisions, takedowns,
integrity rules, pronunciations).

Wagtail's database backends match words as stored. Here every indexed text field also carries
its folded words ("Vườn ươm vuon uom", "12/QĐ-UBND 12 qd ubnd"), and every query is folded the
same way before it reaches the engine; accented and unaccented queries then match the same
rows. A snippet is searched this way by being indexed (`index.Indexed` with `search_fields =
searchable("name", …)` on the model, and no `search_fields` on its viewset): Wagtail's ORM
fallback (`icontains` over a viewset's `search_fields`) matches as written. Permissions are
untouched: the admin views filter what each user may see before searching, and their filters
and sort orders stay SQL on that list (`ChecksSearchedFields`). On SQLite the search runs its
full-text query once per request (core/admin_search_sqlite.py). Saved objects are indexed by
Wagtail's signals; after `migrate`, rows the index lacks (a model indexed since, rows a data
migration made) are added (`index_missing_rows`); `manage.py update_index` refolds what was
indexed before (docs/search.md).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.apps import apps as global_apps
from django.db import router
from django.db.models import QuerySet, TextField
from django.db.models.functions import Cast
from django.utils.translation import ngettext
from modelsearch import index
from modelsearch.backends import database, get_search_backends
from modelsearch.backends.base import SearchFieldError
from modelsearch.conf import get_app_config
from modelsearch.query import MatchAll
from modelsearch.utils import get_content_type_pk

from vietnamese.text import WORD, fold


def folded_words(text: str) -> str:
    """The words folded, one space apart: "12/QĐ-UBND" → "12 qd ubnd". Every engine then
    splits them alike (PostgreSQL keeps "12/qd-ubnd" whole, as a file path, and "qd-ubnd" as
    one hyphenated word besides its parts)."""
    return " ".join(WORD.findall(fold(text)))


def with_folded(value: Any) -> Any:
    """The value's text followed by its folded words, when folding changes it."""
    if value is None:
        return value
    if isinstance(value, list | tuple):
        text = " ".join(str(item) for item in value if item is not None)
    else:
        text = str(value)
    folded = folded_words(text)
    return f"{text}\n{folded}" if folded != text.lower() else text


class FoldedSearchField(index.SearchField):
    def get_value(self, obj):
        return with_folded(super().get_value(obj))


class FoldedAutocompleteField(index.AutocompleteField):
    def get_value(self, obj):
        return with_folded(super().get_value(obj))


# id of a field → (the field, kept alive so its id stays its own; its folding twin)
_replacements: dict[int, tuple[Any, Any]] = {}


def _folding_twin(field):
    if type(field) is index.SearchField:
        return FoldedSearchField(field.field_name, boost=field.boost, **field.kwargs)
    if type(field) is index.AutocompleteField:
        return FoldedAutocompleteField(field.field_name, **field.kwargs)
    if isinstance(field, index.RelatedFields):
        return index.RelatedFields(field.field_name, folded_fields(field.fields))
    return field


def folded_fields(fields: list) -> list:
    """`fields` with each text field replaced by one that also indexes the folded text. A field
    shared by several models (Page's title) gets one twin, so Wagtail's check that a page model
    extends `Page.search_fields` still holds."""
    result = []
    for field in fields:
        if id(field) not in _replacements:
            twin = _folding_twin(field)
            _replacements[id(field)] = (field, twin)
            _replacements[id(twin)] = (twin, twin)
        result.append(_replacements[id(field)][1])
    return result


def fold_every_model() -> None:
    """Every indexed model's fields fold (core/apps.py, once all models are loaded): one place
    for pages, photos, documents and snippets of every app, which core may not import."""
    for model in global_apps.get_models():
        fields = getattr(model, "search_fields", None)
        if issubclass(model, index.Indexed) and isinstance(fields, list):
            model.search_fields = folded_fields(fields)


def searchable(*names: str) -> list:
    """`search_fields` for a model the admin lists or chooses: each field searched as the editor
    types (the admin autocompletes the last word) and as whole words, both folded. No
    `FilterField`s: our backends filter and sort in SQL (`ChecksSearchedFields`)."""
    return [
        field
        for name in names
        for field in (index.SearchField(name), index.AutocompleteField(name))
    ]


CHUNK_SIZE = 1000


def index_missing_rows(
    using: str = "default", apps=global_apps, verbosity: int = 1, stdout=None, **kwargs
) -> int:
    """After `migrate` (core/apps.py): the rows of every indexed model that the database index
    has no entry for are indexed, so a model made searchable finds its existing rows, and rows
    made by data migrations (which send no signals) are found too. A model whose table is
    behind its code (a migration back to an older state) is left for the next `migrate`."""
    IndexEntry = get_app_config().get_model("IndexEntry")
    backends = [  # ours: the database's index (the fallback without SQLite FTS5 has none)
        backend
        for backend in get_search_backends()
        if isinstance(backend, FoldingBackend) and backend.rebuilder_class
    ]
    if using != router.db_for_write(IndexEntry) or not backends:
        return 0
    if not _schema_is_current(IndexEntry, apps):
        return 0
    total = 0
    for model in index.get_indexed_models():
        if not _schema_is_current(model, apps):
            continue
        entries = IndexEntry.objects.filter(content_type_id=get_content_type_pk(model))
        missing = (
            model.get_indexed_objects()
            .annotate(indexed_id=Cast("pk", TextField()))
            .exclude(indexed_id__in=entries.values("object_id"))
            .order_by("pk")
        )
        rows = list(missing[:CHUNK_SIZE])
        while rows:
            for backend in backends:
                backend.add_bulk(model, rows)
            total += len(rows)
            rows = list(missing.filter(pk__gt=rows[-1].pk)[:CHUNK_SIZE])
    if total and verbosity and stdout:
        added = ngettext(
            "The admin's search index: %(count)d row added.",
            "The admin's search index: %(count)d rows added.",
            total,
        )
        stdout.write("  " + added % {"count": total})
    return total


def _schema_is_current(model, state_apps) -> bool:
    """Whether the migrated state has every column the model's code reads."""
    try:
        state = state_apps.get_model(model._meta.app_label, model._meta.model_name)
    except LookupError:
        return False
    columns = {field.column for field in state._meta.concrete_fields}
    return all(field.column in columns for field in model._meta.concrete_fields)


class FoldingBackend:
    """Folds the query of every search and autocomplete ("Vườn ươm" → "vuon uom")."""

    def search(self, query, model_or_queryset, *args, **kwargs):
        return super().search(*_folded(query, model_or_queryset), *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        return super().autocomplete(*_folded(query, model_or_queryset), *args, **kwargs)


def _folded(query, model_or_queryset) -> tuple:
    """The query's folded words, as the index holds them: punctuation means nothing in the
    admin's plain-text search, and a double quote would end the SQLite FTS5 string modelsearch
    puts each word in ("unterminated string", a server error). A query of nothing but
    punctuation finds nothing."""
    if not isinstance(query, str):
        return query, model_or_queryset
    folded = folded_words(query)
    if query.strip() and not folded:
        if not isinstance(model_or_queryset, QuerySet):
            model_or_queryset = model_or_queryset._default_manager.all()
        return MatchAll(), model_or_queryset.none()
    return folded, model_or_queryset


class ChecksSearchedFields:
    """For a query compiler of ours: the list's own filters and sort order are SQL on the
    queryset itself in a database backend, so only the searched fields are checked. modelsearch
    also asks that each filtered or sorted field be declared an `index.FilterField` (where an
    external index filters: Elasticsearch), which only made a list fail once it was filtered
    ("Cannot filter search results with field …") or sorted by a column while searching."""

    def check(self) -> None:
        allowed = {field.field_name for field in self.queryset.model.get_search_fields()}
        for name in self.fields or ():
            if name not in allowed:
                raise SearchFieldError(f'Cannot search with field "{name}".', field_name=name)


@cache
def _folding(cls: type) -> type:
    compilers = {
        "query_compiler_class": cls.query_compiler_class,
        "autocomplete_query_compiler_class": cls.autocomplete_query_compiler_class,
    }
    attributes = {}
    if cls.__module__ == "modelsearch.backends.database.sqlite.sqlite":
        from .admin_search_sqlite import AutocompleteQueryCompiler, SearchResults

        compilers["autocomplete_query_compiler_class"] = AutocompleteQueryCompiler
        attributes["results_class"] = SearchResults
    for name, compiler in compilers.items():
        attributes[name] = type(compiler.__name__, (ChecksSearchedFields, compiler), {})
    return type(f"Folding{cls.__name__}", (FoldingBackend, cls), attributes)


def SearchBackend(params):  # the name Wagtail looks up in a backend module
    """The database backend Wagtail would choose for this database, folding."""
    backend = database.SearchBackend(params)
    backend.__class__ = _folding(type(backend))
    return backend
