from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "lantoa_search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from core.cache import invalidate_on_change

        from . import checks, signals  # noqa: F401
        from .models import HiddenSearchTerm, SearchSynonym

        # "Popular searches" on every cached page; the abbreviations each process holds.
        invalidate_on_change(HiddenSearchTerm, SearchSynonym)
