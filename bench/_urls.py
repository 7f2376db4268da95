"""The project's URLs plus /bench/noop/: a bare Django view, the ceiling for the ingest."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from lantoa.urls import handler404, handler500  # noqa: F401
from lantoa.urls import urlpatterns as project_urls


@csrf_exempt
def noop(request):
    return HttpResponse(status=204)


urlpatterns = [path("bench/noop/", noop), *project_urls]
