from django.apps import AppConfig


class LantoaConfig(AppConfig):
    name = "lantoa"
    verbose_name = "Lan Tỏa"

    def ready(self) -> None:
        from . import restrictions, signals  # noqa: F401
