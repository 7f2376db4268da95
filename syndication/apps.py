from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    name = "syndication"
    verbose_name = "Phát hành liên kết"

    def ready(self) -> None:
        from . import signals  # noqa: F401
