"""Admin: the hidden search terms editors keep ("Từ khóa không hiển thị")."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import HiddenSearchTerm


class HiddenSearchTermViewSet(SnippetViewSet):
    """Editors and the editor-in-chief hide phrases from "popular searches" (search/migrations
    grant them the permissions); the change shows at once on every process."""

    model = HiddenSearchTerm
    icon = "view"
    menu_label = _("Hidden search terms")
    menu_order = 245
    add_to_admin_menu = True
    list_display = ["phrase", "reason", "updated_at"]
    search_fields = ["phrase", "folded"]  # not indexed: the ORM, so "tin don" finds it too
    ordering = ["folded"]


register_snippet(HiddenSearchTermViewSet)
