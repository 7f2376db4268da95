from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    """What every page shares: the page base, localities, site settings, roles, one cache for all
    processes, the page cache, privacy checks."""

    name = "core"
    verbose_name = "Lan Tỏa: nền tảng"

    def ready(self) -> None:
        from django.urls import register_converter

        from . import signals
        from .admin_search import fold_every_model, index_missing_rows
        from .cache import invalidate_on_change
        from .models import Locality
        from .params import IdConverter

        # `<id:pk>` in every app's URLs: an id that fits the database, or a 404 (core.params).
        register_converter(IdConverter, "id")
        signals.connect_receivers()
        fold_every_model()  # the admin's searches match "vuon uom" to "Vườn ươm"
        invalidate_on_change(Locality)  # place names and the directory's filter
        post_migrate.connect(signals.after_migrate, sender=self, dispatch_uid="core.migrated")
        # Rows the admin's search index lacks: a model indexed since, data migrations' rows.
        post_migrate.connect(index_missing_rows, sender=self, dispatch_uid="core.admin_search")
