"""Page privacy checks that cost nothing while the site has no private sections.

Wagtail checks view restrictions with two queries on every page view and one more per listing
(`.public()`). Most provincial sites never restrict a page, so whether any restriction exists is
cached (invalidated on save/delete, and expired after RESTRICTION_CACHE_SECONDS so processes with
a local-memory cache converge); when one exists, Wagtail's own checks run unchanged.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction

CACHE_KEY = "lantoa:site-has-view-restrictions"
RESTRICTION_CACHE_SECONDS = 30


def site_has_view_restrictions() -> bool:
    return cache.get_or_set(
        CACHE_KEY, PageViewRestriction.objects.exists, timeout=RESTRICTION_CACHE_SECONDS
    )


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def forget_view_restrictions(**kwargs) -> None:
    cache.delete(CACHE_KEY)
