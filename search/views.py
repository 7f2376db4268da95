from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from . import queries
from .models import DocumentKind

SUGGEST_MAX = 20


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    outcome = queries.run(request.GET)
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
    limit = queries._int(request.GET.get("limit")) or 8
    items = queries.suggestions(request.GET.get("q", ""), limit=min(limit, SUGGEST_MAX))
    response = JsonResponse(
        {"query": queries.clean_query(request.GET.get("q", "")), "results": items}
    )
    response["Access-Control-Allow-Origin"] = "*"  # outlets' own pages call it
    response["Cache-Control"] = "public, max-age=60"
    return response


@require_GET
def english_alias(request: HttpRequest) -> HttpResponse:
    query = request.GET.urlencode()
    return HttpResponsePermanentRedirect(reverse("search") + (f"?{query}" if query else ""))
