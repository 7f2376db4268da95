from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Author, StoryTag


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = _("Tác giả")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "role", "organisation"]
    list_filter = ["role"]
    # Searched through the model's search_fields (name, organisation): naming fields here makes
    # the SQLite search backend query FTS columns that do not exist.


class StoryTagViewSet(SnippetViewSet):
    model = StoryTag
    icon = "tag"
    menu_label = _("Từ khóa")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(AuthorViewSet)
register_snippet(StoryTagViewSet)
