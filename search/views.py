from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.params import whole_number

from . import queries
from .backends.base import SearchUnavailable
from .models import DocumentKind

SUGGEST_MAX = 20
RETRY_AFTER_SECONDS = 60


def _unavailable(response: HttpResponse) -> HttpResponse:
    """503 with Retry-After, never stored by the page cache or a CDN: the engine comes back."""
    response.status_code = 503
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    try:
        outcome = queries.run(request.GET)
    except SearchUnavailable:
        context = {"query": queries.clean_query(request.GET.get("q", ""))}
        return _unavailable(render(request, "search/unavailable.html", context))
    keep = request.GET.copy()
    keep.pop("page", None)
    context = {
        "outcome": outcome,
        "query": outcome.query,
        "page_obj": outcome.page,
        "query_prefix": keep.urlencode(),
        "kinds": DocumentKind.choices,
        "params": request.GET,
    }
    response = render(request, "search/results.html", context)
    response["Cache-Control"] = "public, max-age=60"
    return response


@require_GET
def suggest(request: HttpRequest) -> JsonResponse:
    limit = whole_number(request.GET.get("limit"), low=1) or 8
    query = queries.clean_query(request.GET.get("q", ""))
    try:
        items = queries.suggestions(request.GET.get("q", ""), limit=min(limit, SUGGEST_MAX))
    except SearchUnavailable:
        message = _("Search is temporarily unavailable; please try again in a few minutes.")
        response = JsonResponse(
            {"query": query, "results": [], "error": "unavailable", "message": message}
        )
        response["Access-Control-Allow-Origin"] = "*"
        return _unavailable(response)
    response = JsonResponse({"query": query, "results": items})
    response["Access-Control-Allow-Origin"] = "*"  # outlets' own pages call it
    response["Cache-Control"] = "public, max-age=60"
    return response


@require_GET
def english_alias(request: HttpRequest) -> HttpResponse:
    query = request.GET.urlencode()
    return HttpResponsePermanentRedirect(reverse("search") + (f"?{query}" if query else ""))
