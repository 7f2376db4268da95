from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaPipelineConfig(AppConfig):
    name = "media_pipeline"
    verbose_name = _("Photos and audio")

    def ready(self) -> None:
        from .documents import connect_receivers

        connect_receivers()
