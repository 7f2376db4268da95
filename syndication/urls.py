"""Feed and radio URLs (see docs/syndication.md)."""

from django.urls import path, register_converter

from . import views


class FeedFormatConverter:
    regex = "rss|atom"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FeedFormatConverter, "feedfmt")

app_name = "syndication"
urlpatterns = [
    path("feeds/all.<feedfmt:fmt>", views.feed, {"scope": "all"}, name="all"),
    path("feeds/column/<slug:slug>.<feedfmt:fmt>", views.feed, {"scope": "column"}, name="column"),
    path("feeds/series/<slug:slug>.<feedfmt:fmt>", views.feed, {"scope": "series"}, name="series"),
    path("feeds/tag/<slug:slug>.<feedfmt:fmt>", views.feed, {"scope": "tag"}, name="tag"),
    path(
        "feeds/exemplar/<slug:slug>.<feedfmt:fmt>",
        views.feed,
        {"scope": "exemplar"},
        name="exemplar",
    ),
    path(
        "feeds/campaign/<slug:slug>.<feedfmt:fmt>",
        views.feed,
        {"scope": "campaign"},
        name="campaign",
    ),
    path("feeds/outlet/<id:pk>.<feedfmt:fmt>", views.feed, {"scope": "outlet"}, name="outlet"),
    path(
        "feeds/outlet/<id:pk>/radio.<feedfmt:fmt>",
        views.feed,
        {"scope": "radio"},
        name="radio",
    ),
    path("radio/script/<id:story_pk>.txt", views.script_text, name="script_text"),
    path(
        "radio/outlet/<id:pk>/script/<id:story_pk>/",
        views.script_print,
        name="script_print",
    ),
    path("radio/outlet/<id:pk>/rundown/", views.rundown, name="rundown"),
    path("radio/outlet/<id:pk>/bai-tin/<str:day>.mp3", views.bulletin, name="bulletin"),
    path("radio/confirm/<str:token>/", views.confirm_airing, name="confirm"),
]
