from django.urls import reverse
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


@hooks.register("page_cache_urls")
def sitemap_url(page) -> list[str]:
    return [reverse("sitemap")]
