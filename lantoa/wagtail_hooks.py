from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail.admin.compare import FieldComparison, TextDiff, register_comparison_class
from wagtail.admin.views.pages.search import SearchView
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Locality


class LocalityViewSet(SnippetViewSet):
    model = Locality
    icon = "site"
    menu_label = _("Địa bàn")
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["name"]


register_snippet(LocalityViewSet)


# --- Where Wagtail 8.0 prints Python's "None" to Vietnamese editors ------------------------

# The page search gives its results header no model name: "1-3 of 3 None".
SearchView.verbose_name = Page._meta.verbose_name
SearchView.verbose_name_plural = Page._meta.verbose_name_plural


class DateFieldComparison(FieldComparison):
    """Revision comparison of a date: "25/11/2026 08:30" as editors type it, none left blank
    (Wagtail shows "None" → "2026-11-25 08:30:00+07:00")."""

    @staticmethod
    def display(value) -> str:
        if value is None:
            return ""
        if isinstance(value, datetime):
            return timezone.localtime(value).strftime(settings.WAGTAIL_DATETIME_FORMAT)
        return value.strftime(settings.WAGTAIL_DATE_FORMAT)

    def htmldiff(self):
        old, new = self.display(self.val_a), self.display(self.val_b)
        if old == new:
            return escape(new)
        return TextDiff([("deletion", old), ("addition", new)]).to_html()


register_comparison_class(models.DateField, comparison_class=DateFieldComparison)
