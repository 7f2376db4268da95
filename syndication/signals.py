"""Feed caches are invalidated by what changes feeds, not by expiry alone.

Every cached feed and the outlet directory sit under a generation number; publishing,
unpublishing, deleting or restricting a page, saving or deleting an outlet, and changing a
campaign or who takes part in it, start a new generation, so the next request builds afresh.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from campaigns.models import Campaign, Participation

from .models import Outlet

GENERATION_KEY = "syndication:generation"


def generation() -> int:
    """The current cache generation (one cache read)."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = 1
        cache.add(GENERATION_KEY, value, timeout=None)
        value = cache.get(GENERATION_KEY, value)
    return value


def invalidate() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_save, sender=Outlet)
@receiver(post_save, sender=Campaign)
@receiver(post_save, sender=Participation)
def forget_feeds(**kwargs) -> None:
    invalidate()


@receiver(post_delete)
def forget_feeds_on_delete(instance=None, **kwargs) -> None:
    """Deleting a story sends post_delete for its StoryPage and Page rows: match on type."""
    if isinstance(instance, Page | PageViewRestriction | Outlet | Campaign | Participation):
        invalidate()
