"""Every choice list of the campaigns app, in one place: models, forms, filters, the dashboard,
reports, the demo and search all read their codes and labels from here."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExemplarKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual")
    COLLECTIVE = "collective", _("Collective")
    HOUSEHOLD = "household", _("Household")
    MODEL = "model", _("Model")


class ExemplarField(models.TextChoices):
    """Lĩnh vực: the fields the provincial plans name for exemplars."""

    ECONOMY = "economy", _("Economic development, sustainable poverty reduction")
    GOOD_DEEDS = "good_deeds", _("Good people, good deeds")
    RESIDENTIAL = "residential", _("Villages, neighbourhoods, residential areas")
    FAMILY = "family", _("Families and clans")
    NEW_RURAL = "new_rural", _("New rural development")
    BUSINESS = "business", _("Production and business")
    ADMINISTRATION = "administration", _("Administrative and public service bodies")
    DEFENCE = "defence", _("Defence and security")
    EDUCATION = "education", _("Education and training")
    HEALTH = "health", _("Health and healthcare")
    YOUTH = "youth", _("Young entrepreneurs")
    OTHER = "other", _("Other fields")


class LegalDocumentType(models.TextChoices):
    PLAN = "plan", _("Plan")
    OFFICIAL_LETTER = "official_letter", _("Official letter")
    DECISION = "decision", _("Decision")
    DIRECTIVE = "directive", _("Directive")
    RESOLUTION = "resolution", _("Resolution")
    GUIDANCE = "guidance", _("Guidance")
    NOTICE = "notice", _("Notice")
    REPORT = "report", _("Report")
    OTHER = "other", _("Other document")


class CampaignStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Ongoing")
    CLOSED = "closed", _("Closed")


class CampaignScope(models.TextChoices):
    PROVINCE = "province", _("Whole province")
    DISTRICT = "district", _("District level")
    SECTOR = "sector", _("Sector")


class Stage(models.IntegerChoices):
    """The four steps of the plans; the number orders them (moving back lowers it)."""

    DISCOVERED = 1, _("Discovered")
    NURTURED = 2, _("Nurtured")
    SUMMED_UP = 3, _("Summed up")
    REPLICATED = 4, _("Replicated")


class Half(models.IntegerChoices):
    WHOLE_YEAR = 0, _("Whole year")
    FIRST = 1, _("First half of the year")
    SECOND = 2, _("Second half of the year")


def period_bounds(year: int, half: int = Half.WHOLE_YEAR) -> tuple[date, date]:
    """First and last day of a year or of one of its halves."""
    if half == Half.FIRST:
        return date(year, 1, 1), date(year, 6, 30)
    if half == Half.SECOND:
        return date(year, 7, 1), date(year, 12, 31)
    return date(year, 1, 1), date(year, 12, 31)


class RecognitionLevel(models.TextChoices):
    COMMUNE = "commune", _("Commune level")
    DISTRICT = "district", _("District level")
    PROVINCE = "province", _("Provincial level")
    MINISTRY = "ministry", _("Ministry, central agency or mass organisation level")
    STATE = "state", _("State level")


class RecognitionForm(models.TextChoices):
    CERTIFICATE = "certificate", _("Certificate of commendation")
    MERIT = "merit", _("Certificate of merit")
    TITLE = "title", _("Honorary title")
    FLAG = "flag", _("Emulation flag")
    MEDAL = "medal", _("Orders and medals")
    OTHER = "other", _("Other form")


class ReportStatus(models.TextChoices):
    """Where a background campaign report is (`CampaignReport.status`)."""

    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Being built")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class SigningAuthority(models.TextChoices):
    """How the signer signs (Nghị định 30/2020/NĐ-CP, Article 13): for the collective (TM.),
    in place of the head (KT.), as the acting head (Q.), or as the head (no prefix)."""

    NONE = "", _("The head signs (no prefix)")
    ON_BEHALF = "tm", _("TM. (on behalf of the collective body)")
    DEPUTY = "kt", _("KT. (signing in place of the head)")
    ACTING = "q", _("Q. (acting head)")

    @property
    def prefix(self) -> str:
        return {"tm": "TM.", "kt": "KT.", "q": "Q."}.get(self.value, "")
