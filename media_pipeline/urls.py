from django.urls import path

from .audio.views import serve_audio

urlpatterns = [
    path("am-thanh/<int:audio_id>/<str:filename>", serve_audio, name="audio_serve"),
]
