from django.http import HttpRequest
from wagtail.models import Site

from core.cache import remember


def site_menu(request: HttpRequest) -> dict:
    """Top navigation: the home page's children marked "show in menus".

    Cached in the shared cache under the site generation: publishing, unpublishing, moving or
    deleting a page changes it in every process at once (core.signals).
    """

    def items():
        site = Site.find_for_request(request)
        if site is None:
            return []
        return remember(
            f"lantoa:site-menu:{site.pk}",
            lambda: [
                {"title": page.title, "url": page.get_url(request), "pk": page.pk}
                for page in site.root_page.get_children().live().in_menu()
            ],
        )

    return {"site_menu": items}
