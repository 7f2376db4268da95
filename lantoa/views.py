from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.static import serve
from wagtail.contrib.sitemaps import Sitemap

from core.storage import is_internal_media

SITEMAPS = {"pages": Sitemap}


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def media(request: HttpRequest, path: str) -> HttpResponse:
    """Public media from MEDIA_ROOT; documents (Wagtail's serving view checks their collection's
    privacy) and other internal files are not found here, whatever the spelling of the path."""
    if is_internal_media(path):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """No context processors or database here: the failure may be the database itself."""
    return HttpResponseServerError(loader.get_template("500.html").render())
