from django.urls import path

from . import views

urlpatterns = [
    path("e/", views.beacon, name="engagement_beacon"),
    path("e.gif", views.pixel, name="engagement_pixel"),
]
