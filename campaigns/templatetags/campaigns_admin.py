"""Wagtail shows every registered bulk action to everyone who sees a listing; ours say who
may see them (`is_shown_to`), and this tag drops the others' buttons."""

from django import template
from django.urls import reverse
from wagtail.admin.templatetags.wagtailadmin_tags import bulk_action_choices
from wagtail.admin.views.bulk_action.registry import bulk_action_registry

register = template.Library()


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def permitted_bulk_action_choices(context, app_label: str, model_name: str) -> dict:
    user = context["request"].user
    hidden = {
        reverse("wagtail_bulk_action", args=[app_label, model_name, action.action_type])
        for action in bulk_action_registry.get_bulk_actions_for_model(app_label, model_name)
        if not getattr(action, "is_shown_to", lambda _user: True)(user)
    }
    choices = bulk_action_choices(context, app_label, model_name)
    return {**choices, "buttons": [b for b in choices["buttons"] if b.url not in hidden]}
