from django.urls import path

from . import views

urlpatterns = [
    path("tim-kiem/", views.search, name="search"),
    path("tim-kiem/goi-y/", views.suggest, name="search_suggest"),
    path("search/", views.english_alias, name="search_alias"),
]
