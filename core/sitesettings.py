"""Site settings read from the shared cache, not the database, on every render."""

from __future__ import annotations

from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Site

from .cache import remember


class CachedSiteSetting(BaseSiteSetting):
    """A site setting every page shows (masthead, footer): one query per site generation.

    Saving a setting retires the generation (core.signals), so an edit shows at once everywhere.
    """

    class Meta:
        abstract = True

    @classmethod
    def for_site(cls, site: Site):
        if site is None:
            return super().for_site(site)
        return remember(
            f"site-setting:{cls._meta.label_lower}:{site.pk}",
            lambda: super(CachedSiteSetting, cls).for_site(site),
        )
