from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from core.collation import vietnamese_ordering

from .models import Locality


class LocalityViewSet(SnippetViewSet):
    model = Locality
    index_view_class = vietnamese_ordering(IndexView)
    icon = "site"
    menu_label = _("Địa bàn")
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["name"]


register_snippet(LocalityViewSet)
