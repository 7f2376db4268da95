from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = "Thi đua – khen thưởng"

    def ready(self) -> None:
        from . import signals  # noqa: F401
