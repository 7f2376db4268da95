from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SyndicationConfig(AppConfig):
    name = "syndication"
    verbose_name = _("Syndication to outlets")

    def ready(self) -> None:
        from . import signals  # noqa: F401
