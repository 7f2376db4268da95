"""Campaign officers publish exemplar profiles and documents, in their own sections only; what
they keep outside pages (campaigns, targets, participations, stages, recognitions) shows on
public pages and feeds, so changing it retires the cached site (core.cache)."""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver
from wagtail.models import GroupPagePermission

from core.cache import invalidate_on_change, site_changed
from core.roles import CAMPAIGN_OFFICER, CAMPAIGN_SECTION_PAGE_PERMISSIONS

from .models import (
    AwardDecision,
    Campaign,
    Criterion,
    CriterionAssessment,
    ExemplarIndexPage,
    LegalDocumentIndexPage,
    Participation,
    Recognition,
    StageEvent,
    Target,
)

invalidate_on_change(
    Campaign,
    Target,
    Criterion,
    Participation,
    StageEvent,
    CriterionAssessment,
    Recognition,
    AwardDecision,
)


@receiver(m2m_changed, sender=AwardDecision.exemplars.through)
def on_decision_exemplars_changed(sender, action: str, **kwargs) -> None:
    """The admin saves a decision's exemplars after the decision: the exemplar pages list it."""
    if action.startswith("post_"):
        site_changed()


def grant_campaign_section(page) -> None:
    group = Group.objects.filter(name=CAMPAIGN_OFFICER).first()
    if group is None:
        return
    for action in CAMPAIGN_SECTION_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{action}_page"
            ),
        )


@receiver(post_save, sender=ExemplarIndexPage)
@receiver(post_save, sender=LegalDocumentIndexPage)
def on_campaign_section_saved(sender, instance, created: bool, **kwargs) -> None:
    if created:
        grant_campaign_section(instance)
