from functools import cache

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
from media_pipeline.audio.ranges import serve_media_range
from stories.sitemaps import AuthorSitemap, TagSitemap

# Pages (campaign pages included: the exemplar directory lists its routes), tag and author pages.
SITEMAPS = {"pages": Sitemap, "tags": TagSitemap, "authors": AuthorSitemap}
FAVICON = settings.BASE_DIR / "static" / "favicon.ico"


@cache
def _favicon() -> bytes:
    return FAVICON.read_bytes()


@require_GET
@cache_control(max_age=604800, public=True)
def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, which browsers ask for on every site whatever the page links to."""
    return HttpResponse(_favicon(), content_type="image/vnd.microsoft.icon")


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        # Published legal documents (/documents/…) are meant to be found; private ones are
        # served only to those allowed (Wagtail's document view checks the collection).
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def media(request: HttpRequest, path: str) -> HttpResponse:
    """Public media from MEDIA_ROOT; documents (Wagtail's serving view checks their collection's
    privacy) and other internal files are not found here, whatever the spelling of the path."""
    if is_internal_media(path):
        raise Http404
    if "Range" in request.headers:  # podcast players seek (Django's static view cannot)
        return serve_media_range(request, path, settings.MEDIA_ROOT)
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Accept-Ranges"] = "bytes"
    return response


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """No context processors or database here: the failure may be the database itself."""
    return HttpResponseServerError(loader.get_template("500.html").render())
