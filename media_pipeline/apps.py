from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaPipelineConfig(AppConfig):
    name = "media_pipeline"
    verbose_name = _("Photos and audio")

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from .audio.models import Audio
        from .audio.tasks import audio_saved
        from .documents import connect_receivers

        connect_receivers()
        post_save.connect(audio_saved, sender=Audio, dispatch_uid="media.audio_broadcast_copy")
