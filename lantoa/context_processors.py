from django.core.cache import cache
from django.http import HttpRequest
from wagtail.models import Site

from .signals import MENU_CACHE_KEY


def site_menu(request: HttpRequest) -> dict:
    """Top navigation: the home page's children marked "show in menus", cached until publish."""

    def items():
        site = Site.find_for_request(request)
        if site is None:
            return []
        return cache.get_or_set(
            MENU_CACHE_KEY.format(site_id=site.pk),
            lambda: [
                {"title": page.title, "url": page.get_url(request), "pk": page.pk}
                for page in site.root_page.get_children().live().in_menu()
            ],
            timeout=3600,
        )

    return {"site_menu": items}
