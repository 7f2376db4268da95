"""Admin: what editors keep for the reader search: hidden search terms ("Từ khóa không hiển
thị") and the abbreviations readers type ("Từ viết tắt khi tìm kiếm")."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import HiddenSearchTerm, SearchSynonym


class HiddenSearchTermViewSet(SnippetViewSet):
    """Editors and the editor-in-chief hide phrases from "popular searches" (search/migrations
    grant them the permissions); the change shows at once on every process."""

    model = HiddenSearchTerm
    icon = "view"
    menu_label = _("Hidden search terms")
    menu_order = 245
    add_to_admin_menu = True
    list_display = ["phrase", "reason", "updated_at"]
    ordering = ["folded"]


register_snippet(HiddenSearchTermViewSet)


class SearchSynonymViewSet(SnippetViewSet):
    """Editors and the editor-in-chief keep the abbreviations (search/migrations grant them the
    permissions); SQLite and PostgreSQL use a change on the next search in every process, and
    Elasticsearch once the task worker has updated its synonyms (search/signals.py)."""

    model = SearchSynonym
    icon = "list-ul"
    menu_label = _("Search abbreviations")
    menu_order = 246
    add_to_admin_menu = True
    list_display = ["abbreviation", "meaning", "updated_at"]
    ordering = ["folded_abbreviation"]


register_snippet(SearchSynonymViewSet)
