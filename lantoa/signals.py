"""Site-wide caches that publishing invalidates."""

from django.core.cache import cache
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

MENU_CACHE_KEY = "lantoa:site-menu:{site_id}"


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_page_move)
@receiver(post_delete, sender=Page)
def forget_site_menus(**kwargs) -> None:
    from wagtail.models import Site

    cache.delete_many(
        [MENU_CACHE_KEY.format(site_id=pk) for pk in Site.objects.values_list("pk", flat=True)]
    )
