from django.apps import AppConfig


class LantoaConfig(AppConfig):
    name = "lantoa"
    verbose_name = "Lan Tỏa"
