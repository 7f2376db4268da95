from django.apps import AppConfig


class LantoaConfig(AppConfig):
    name = "lantoa"
    verbose_name = "Lan Tỏa"

    def ready(self) -> None:
        from core import collation

        collation.install()  # before any query: web workers, task worker, commands
