from django.apps import AppConfig


class LantoaConfig(AppConfig):
    name = "lantoa"
    verbose_name = "Lan Tỏa"

    def ready(self) -> None:
        from core.cache import invalidate_on_change

        from .models import Locality

        invalidate_on_change(Locality)  # place names and the directory's filter
