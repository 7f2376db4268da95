"""Template tags: the beacon, “Lượt xem” and “Xem nhiều nhất” (all the same for every reader)."""

from django import template
from django.conf import settings

from engagement import selectors

register = template.Library()


@register.inclusion_tag("engagement/beacon.html")
def engagement_beacon(page=None):
    """The beacon script and its <noscript> image for a Wagtail page (nothing for other pages)."""
    return {
        "page_id": getattr(page, "pk", None),
        "read_seconds": getattr(settings, "ENGAGEMENT_READ_SECONDS", 30),
        "read_at_end": getattr(settings, "ENGAGEMENT_READ_AT_END", True),
    }


@register.simple_tag
def view_count(page) -> int:
    return selectors.view_count(page.pk)


@register.simple_tag
def most_viewed(parent=None, limit: int = 5) -> list:
    return selectors.most_viewed(parent=parent, limit=limit)
