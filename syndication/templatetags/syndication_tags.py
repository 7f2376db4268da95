"""Feed autodiscovery: `{% feed_links "column" page.slug page.title %}` in a page's <head>."""

from django import template
from django.conf import settings
from django.utils.translation import gettext as _

from syndication.sources import feed_url

register = template.Library()


@register.inclusion_tag("syndication/includes/feed_links.html")
def feed_links(scope: str = "all", ident: str = "", title: str = "") -> dict:
    """RSS and Atom <link rel="alternate"> for a scope, followed by the site-wide feeds."""
    site_feed = {
        "title": settings.WAGTAIL_SITE_NAME,
        "rss": feed_url("all", "rss"),
        "atom": feed_url("all", "atom"),
    }
    if scope == "all":
        return {"feeds": [site_feed]}
    labels = {
        "column": _("Column %(title)s"),
        "series": _("Series %(title)s"),
        "tag": _("Tag %(title)s"),
        "exemplar": _("Exemplar %(title)s"),
    }
    scoped = {
        "title": labels.get(scope, "%(title)s") % {"title": title},
        "rss": feed_url(scope, "rss", ident),
        "atom": feed_url(scope, "atom", ident),
    }
    return {"feeds": [scoped, site_feed]}
