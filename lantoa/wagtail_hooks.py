from django.utils.translation import gettext_lazy as _
from wagtail import hooks
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


@hooks.register("register_log_actions")
def register_date_repair_action(actions) -> None:
    """`manage.py repair_swapped_dates` logs each value it puts right (lantoa.date_repair)."""
    from .date_repair import REPAIRED_ACTION

    actions.register_action(
        REPAIRED_ACTION,
        _("Sửa ngày bị đảo ngày/tháng"),
        _("Đã sửa ngày bị đảo ngày/tháng khi nhập"),
    )
