"""The admin's own searches (pages, photos, documents, indexed snippets such as authors) with
Vietnamese folding, so an editor typing "vuon uom" finds "Vườn ươm" as the readers' search does.

Wagtail's database backends match words as stored. Here every indexed text field also carries
its folded copy ("Vườn ươm vuon uom"), and every query is folded before it reaches the engine;
accented and unaccented queries then match the same pages. Permissions are untouched: the admin
views still filter what each user may see. New and saved objects are indexed this way at once;
after upgrading, `manage.py update_index` refolds what was indexed before (docs/operations.md).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.apps import apps
from modelsearch import index
from modelsearch.backends import database

from vietnamese.text import fold


def with_folded(value: Any) -> Any:
    """The value's text followed by its folded form, when folding changes it."""
    if value is None:
        return value
    if isinstance(value, list | tuple):
        text = " ".join(str(item) for item in value if item is not None)
    else:
        text = str(value)
    folded = fold(text)
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
    for model in apps.get_models():
        fields = getattr(model, "search_fields", None)
        if issubclass(model, index.Indexed) and isinstance(fields, list):
            model.search_fields = folded_fields(fields)


class FoldingBackend:
    """Folds the query of every search and autocomplete ("Vườn ươm" → "vuon uom")."""

    def search(self, query, model_or_queryset, *args, **kwargs):
        return super().search(_fold_query(query), model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        return super().autocomplete(_fold_query(query), model_or_queryset, *args, **kwargs)


def _fold_query(query):
    return fold(query) if isinstance(query, str) else query


@cache
def _folding(cls: type) -> type:
    return type(f"Folding{cls.__name__}", (FoldingBackend, cls), {})


def SearchBackend(params):  # the name Wagtail looks up in a backend module
    """The database backend Wagtail would choose for this database, folding."""
    backend = database.SearchBackend(params)
    backend.__class__ = _folding(type(backend))
    return backend
