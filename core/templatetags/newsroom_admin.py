"""The admin's bulk-action footer without the page actions the user may not take."""

from django import template
from django.urls import reverse
from wagtail.admin.templatetags.wagtailadmin_tags import bulk_action_choices

from core.page_permissions import DELETE_ANY_PAGE

register = template.Library()

# Bulk actions on pages that need the right to delete others' pages (core.page_permissions).
_DELETING_PAGE_ACTIONS = ("delete", "move")


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def newsroom_bulk_action_choices(context, app_label: str, model_name: str) -> dict:
    """Wagtail's `bulk_action_choices`; on the page listing, Delete and Move are left out for
    users who may delete only their own untouched drafts (they do that one page at a time)."""
    choices = bulk_action_choices(context, app_label, model_name)
    user = context["request"].user
    if (app_label, model_name) != ("wagtailcore", "page") or user.has_perm(DELETE_ANY_PAGE):
        return choices
    hidden = {
        reverse("wagtail_bulk_action", args=[app_label, model_name, action])
        for action in _DELETING_PAGE_ACTIONS
    }
    buttons = []
    for button in choices["buttons"]:
        if getattr(button, "url", None) in hidden:
            continue
        if hasattr(button, "dropdown_buttons"):
            button.dropdown_buttons = [
                item for item in button.dropdown_buttons if getattr(item, "url", None) not in hidden
            ]
        buttons.append(button)
    return {"buttons": buttons}
