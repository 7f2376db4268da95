from django.apps import AppConfig


class MediaPipelineConfig(AppConfig):
    name = "media_pipeline"
    verbose_name = "Ảnh và âm thanh"

    def ready(self) -> None:
        from .documents import connect_receivers

        connect_receivers()
