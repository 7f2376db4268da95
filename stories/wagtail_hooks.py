from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Author, StoryTag
from .withdrawals import Withdrawal


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = _("Tác giả")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "role", "organisation"]
    list_filter = ["role"]
    search_fields = ["name", "organisation"]


class StoryTagViewSet(SnippetViewSet):
    model = StoryTag
    icon = "tag"
    menu_label = _("Từ khóa")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


class WithdrawalViewSet(SnippetViewSet):
    """Takedowns, recorded on unpublishing; the editor-in-chief can change the notice later."""

    model = Withdrawal
    icon = "warning"
    menu_label = _("Bài đã gỡ")
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["title", "path", "withdrawn_at", "withdrawn_by", "silent", "republished_at"]
    list_filter = ["silent"]
    search_fields = ["title", "path", "public_reason"]


register_snippet(AuthorViewSet)
register_snippet(StoryTagViewSet)
register_snippet(WithdrawalViewSet)
