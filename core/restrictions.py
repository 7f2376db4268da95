"""Page privacy checks that cost nothing while the site has no private sections.

Wagtail checks view restrictions with two queries on every page view and one more per listing
(`.public()`). Most provincial sites never restrict a page, so whether any restriction exists is
cached under the site generation (core.cache): creating, changing or removing a restriction
retires it in every process at once. When one exists, Wagtail's own checks run unchanged.
"""

from wagtail.models import PageViewRestriction

from .cache import remember


def site_has_view_restrictions() -> bool:
    return remember("core:site-has-view-restrictions", PageViewRestriction.objects.exists)
