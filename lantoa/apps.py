from django.apps import AppConfig


class LantoaConfig(AppConfig):
    name = "lantoa"
    verbose_name = "Lan Tỏa"

    def ready(self) -> None:
        from core import collation

        from . import restrictions, signals  # noqa: F401

        collation.install()  # before any query: web workers, task worker, commands
        from core.cache import invalidate_on_change

        from .models import Locality

        invalidate_on_change(Locality)  # place names and the directory's filter
