from django.apps import AppConfig


class LantoaConfig(AppConfig):
    name = "lantoa"
    verbose_name = "Lan Tỏa"

    def ready(self) -> None:
        from core import collation
        from core.cache import invalidate_on_change

        from .models import Locality

        collation.install()  # before any query: web workers, task worker, commands

        invalidate_on_change(Locality)  # place names and the directory's filter
