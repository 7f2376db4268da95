"""The exemplar and campaign feeds (`register_feed_scopes`, registered in `wagtail_hooks.py`):
stories about one exemplar, or about any exemplar taking part in a campaign."""

from __future__ import annotations

from django.utils.translation import gettext as _

from stories.selectors import stories_about_any_exemplar, stories_about_exemplar
from syndication.registry import FeedScope

from . import selectors


def exemplar_feed(slug: str) -> FeedScope | None:
    exemplar = selectors.live_exemplar(slug)
    if exemplar is None:
        return None
    return FeedScope(
        _("Exemplar: %(title)s") % {"title": exemplar.title},
        _("Stories about %(title)s") % {"title": exemplar.title},
        exemplar.url,
        stories_about_exemplar(exemplar.pk),
    )


def campaign_feed(slug: str) -> FeedScope | None:
    campaign = selectors.public_campaign(slug)
    if campaign is None:
        return None
    return FeedScope(
        _("Campaign: %(title)s") % {"title": campaign.title},
        _("Stories about the exemplars of %(code)s") % {"code": campaign.code},
        campaign.url or "/",
        stories_about_any_exemplar(campaign.exemplar_ids),
    )


def feed_scopes() -> dict:
    return {"exemplar": exemplar_feed, "campaign": campaign_feed}
