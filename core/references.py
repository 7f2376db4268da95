"""Revisions that point to deleted things still open.

A revision is JSON: it keeps the ids of the authors, photos, localities and pages it named,
whatever happened to them since. django-modelcluster drops or nulls a dangling id only where the
foreign key cascades or sets null, and raises for the rest (a story's authors are PROTECTed), so
one deleted author made the story's edit form, preview and publishing fail. Here every dangling
id is found in one query per referenced model, the ones modelcluster cannot handle are dropped,
and the page keeps the list, so the editor can say what went missing.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import get_all_child_relations

# What modelcluster itself drops or nulls when the target is gone.
_HANDLED_BY_MODELCLUSTER = (models.CASCADE, models.SET_NULL, models.DO_NOTHING)


@dataclass(frozen=True)
class DanglingReference:
    relation: str  # field name, or "<child relation>.<field name>"
    model: type[models.Model]  # what it pointed to
    value: object


def _foreign_keys(model: type[models.Model], *, own_only: bool) -> list[models.ForeignKey]:
    return [
        field
        for field in model._meta.concrete_fields
        if field.many_to_one
        and not isinstance(field, ParentalKey)
        and not getattr(field.remote_field, "parent_link", False)
        and (not own_only or field.model is model)
    ]


def _child_relations(model: type[models.Model]) -> list:
    # Wagtail's own children (comments) are restored from the live page, not the revision.
    return [
        rel
        for rel in get_all_child_relations(model)
        if rel.related_model._meta.app_label != "wagtailcore"
    ]


def _references(model, data: dict):
    """(relation, field, item, value) for every foreign key value in a revision's data."""
    for field in _foreign_keys(model, own_only=True):
        value = data.get(field.name)
        if value is not None:
            yield field.name, field, data, value
    for rel in _child_relations(model):
        items = data.get(rel.get_accessor_name())
        if not isinstance(items, list):
            continue
        for field in _foreign_keys(rel.related_model, own_only=False):
            for item in items:
                value = item.get(field.name) if isinstance(item, dict) else None
                if value is not None:
                    yield f"{rel.get_accessor_name()}.{field.name}", field, item, value


def drop_dangling_references(model, data: dict) -> tuple[dict, list[DanglingReference]]:
    """`data` without the references modelcluster cannot restore, and every dangling one."""
    found = list(_references(model, data))
    wanted = defaultdict(set)
    for _relation, field, _item, value in found:
        wanted[field].add(field.target_field.to_python(value))
    existing = {}
    for field, values in wanted.items():
        target = field.remote_field.model
        existing[field] = set(
            target._base_manager.filter(**{f"{field.target_field.name}__in": values}).values_list(
                field.target_field.name, flat=True
            )
        )
    dangling, nulled, unrestorable = [], {}, set()
    for relation, field, item, value in found:
        if field.target_field.to_python(value) in existing[field]:
            continue
        dangling.append(DanglingReference(relation, field.remote_field.model, value))
        if field.remote_field.on_delete not in _HANDLED_BY_MODELCLUSTER:
            if item is data:
                nulled[field.name] = None
            else:
                unrestorable.add(id(item))
    if nulled or unrestorable:
        data = {**data, **nulled}
        for rel in _child_relations(model):
            name = rel.get_accessor_name()
            if isinstance(data.get(name), list):
                data[name] = [item for item in data[name] if id(item) not in unrestorable]
    return data, dangling
