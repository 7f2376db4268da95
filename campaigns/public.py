"""What the public campaign page shows: goal, period, progress in plain numbers, exemplars."""

from __future__ import annotations

from core.collation import vi_order
from stories.selectors import stories_about_exemplars

from .choices import Stage
from .dashboard import yearly_progress
from .models.pipeline import Campaign

FEATURED_COUNT = 6
STORY_COUNT = 6


def campaign_page_context(directory, campaign: Campaign) -> dict:
    participations = list(
        campaign.participations.filter(exemplar__live=True)
        .select_related("exemplar__photo", "exemplar__locality")
        .prefetch_related("exemplar__photo__renditions")  # the cards' <picture>s in one query
        .order_by("-featured", "-stage", vi_order("exemplar__title"), "pk")
    )
    featured = [p.exemplar for p in participations[:FEATURED_COUNT]]
    stories_by_exemplar = stories_about_exemplars([p.exemplar_id for p in participations])
    stories = {s.pk: s for items in stories_by_exemplar.values() for s in items}
    latest = sorted(stories.values(), key=lambda s: (s.sort_date, s.pk), reverse=True)
    stage_counts = [
        (Stage(stage).label, sum(1 for p in participations if p.stage >= stage))
        for stage in Stage.values
    ]
    return {
        "campaign": campaign,
        "directory": directory,
        "progress": yearly_progress(campaign),
        "participant_count": len(participations),
        "stage_counts": stage_counts,
        "featured_exemplars": featured,
        "campaign_stories": latest[:STORY_COUNT],
        "legal_basis": campaign.legal_basis.filter(live=True).order_by("issue_date"),
    }
