"""The campaigns app's models: the public directory (`directory`), the campaign pipeline
(`pipeline`) and background reports (`reports`); their choices live in `campaigns.choices`."""

from .decisions import AwardDecision
from .directory import ExemplarIndexPage, ExemplarPage, LegalDocumentIndexPage, LegalDocumentPage
from .nominations import Nomination, NominationStatus
from .pipeline import (
    Campaign,
    CampaignQuerySet,
    Criterion,
    CriterionAssessment,
    Participation,
    Recognition,
    StageEvent,
    StageEventCorrection,
    StageEventManager,
    Target,
)
from .reports import CampaignReport

__all__ = [
    "AwardDecision",
    "Campaign",
    "CampaignQuerySet",
    "CampaignReport",
    "Criterion",
    "CriterionAssessment",
    "ExemplarIndexPage",
    "ExemplarPage",
    "LegalDocumentIndexPage",
    "LegalDocumentPage",
    "Nomination",
    "NominationStatus",
    "Participation",
    "Recognition",
    "StageEvent",
    "StageEventCorrection",
    "StageEventManager",
    "Target",
]
