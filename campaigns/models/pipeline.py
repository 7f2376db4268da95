"""The campaign pipeline: campaigns and their targets and criteria, exemplars taking part,
their append-only stage events (with corrections), assessments and recognitions."""

from __future__ import annotations

from datetime import date

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import ModelLogEntry, Orderable
from wagtail.search import index

from core.admin_search import searchable
from core.collation import vi_order
from vietnamese.slugs import slugify
from vietnamese.text import normalize

from ..choices import (
    CampaignScope,
    CampaignStatus,
    ExemplarKind,
    Half,
    RecognitionForm,
    RecognitionLevel,
    SigningAuthority,
    Stage,
    period_bounds,
)
from ..forms import CampaignForm, ParticipationForm
from ..official import Signature, signature


class CampaignQuerySet(models.QuerySet):
    def public(self) -> CampaignQuerySet:
        """Readers see campaigns once they run; planned ones stay in the admin."""
        return self.exclude(status=CampaignStatus.PLANNED)


class SignedDocument(models.Model):
    """Who signs an official document (Nghị định 30/2020, Article 13): a campaign's reports,
    an award decision."""

    signing_authority = models.CharField(
        _("Signing authority"),
        max_length=2,
        choices=SigningAuthority.choices,
        default=SigningAuthority.NONE,
        blank=True,
    )
    signing_for = models.CharField(
        _("Signing for"),
        max_length=200,
        blank=True,
        help_text=_(
            "TM.: the collective body (the People's Committee); KT. and Q.: the head's "
            "position (Chairman, Director)."
        ),
    )
    signer_position = models.CharField(
        _("Signer's position"),
        max_length=120,
        blank=True,
        help_text=_("For example: Vice-Chairman."),
    )
    signer_name = models.CharField(_("Signer's full name"), max_length=120, blank=True)

    class Meta:
        abstract = True

    def signature_block(self, collective: str = "") -> Signature:
        """TM. with nothing in *signing for* signs for `collective` (the issuing body)."""
        signing_for = self.signing_for
        if not signing_for and self.signing_authority == SigningAuthority.ON_BEHALF:
            signing_for = collective
        return signature(
            self.signing_authority, signing_for, self.signer_position, self.signer_name
        )


class Campaign(index.Indexed, SignedDocument, ClusterableModel):
    """A plan or emulation campaign (kế hoạch / phong trào thi đua) and what it asks for."""

    title = models.CharField(_("name of the campaign or plan"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, blank=True)
    code = models.CharField(
        _("reference number"), max_length=60, unique=True, help_text=_("For example: 60/KH-UBND")
    )
    issuing_body = models.CharField(_("issuing body"), max_length=200)
    legal_basis = ParentalManyToManyField(
        "campaigns.LegalDocumentPage",
        verbose_name=_("legal basis"),
        blank=True,
        related_name="campaigns",
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    scope = models.CharField(
        _("scope"), max_length=20, choices=CampaignScope.choices, default=CampaignScope.PROVINCE
    )
    scope_locality = models.ForeignKey(
        "core.Locality",
        verbose_name=_("locality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="campaigns",
    )
    scope_sector = models.CharField(_("sector"), max_length=200, blank=True)
    goal = models.TextField(_("goal"), blank=True, help_text=_("Shown on the public page."))
    description = RichTextField(
        _("content"), blank=True, features=["bold", "italic", "ul", "ol", "link"]
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CampaignStatus.choices,
        default=CampaignStatus.PLANNED,
    )
    officers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officers in charge"),
        blank=True,
        related_name="campaigns",
    )
    report_place = models.CharField(
        _("place name on reports"), max_length=100, blank=True, default="Tân Lâm"
    )
    # The report's official form (Nghị định 30/2020/NĐ-CP): who issues it, its number, to whom,
    # and who signs. Blank fields fall back to the campaign's own (campaigns/official.py).
    plan_date = models.DateField(
        _("Date the plan was issued"),
        null=True,
        blank=True,
        help_text=_('Printed in the basis sentence: "Pursuant to Plan No. … of … issued by …".'),
    )
    report_parent_body = models.CharField(
        _("Parent body"),
        max_length=200,
        blank=True,
        help_text=_("Printed above the issuing body; leave blank when there is none."),
    )
    report_body = models.CharField(
        _("Body issuing the reports"),
        max_length=200,
        blank=True,
        help_text=_("Blank: the body that issued the plan."),
    )
    report_number = models.CharField(
        _("Report number"),
        max_length=20,
        blank=True,
        help_text=_("Usually left blank for the records office to fill in."),
    )
    report_symbol = models.CharField(
        _("Report symbol"),
        max_length=40,
        blank=True,
        help_text=_("For example BC-UBND. Blank: BC- and the symbol of the plan's issuer."),
    )
    report_recipients = models.TextField(
        _("Addressed to"),
        blank=True,
        help_text=_("One recipient per line."),
    )
    report_distribution = models.TextField(
        _("Distribution list"),
        blank=True,
        help_text=_(
            'One per line, without the dash, for example "As above;" and "Filed: records '
            'office, emulation board.". Blank: "As above;" (when there are recipients) and '
            '"Filed: records office.".'
        ),
    )

    objects = CampaignQuerySet.as_manager()

    base_form_class = CampaignForm
    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("slug")]),
        FieldPanel("issuing_body"),
        FieldPanel("legal_basis", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        MultiFieldPanel(
            [FieldPanel("scope"), FieldPanel("scope_locality"), FieldPanel("scope_sector")],
            heading=_("Scope"),
        ),
        FieldPanel("goal"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("report_place")]),
        FieldPanel("officers", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("plan_date"),
                FieldRowPanel([FieldPanel("report_parent_body"), FieldPanel("report_body")]),
                FieldRowPanel([FieldPanel("report_number"), FieldPanel("report_symbol")]),
                FieldRowPanel([FieldPanel("report_recipients"), FieldPanel("report_distribution")]),
                FieldRowPanel([FieldPanel("signing_authority"), FieldPanel("signing_for")]),
                FieldRowPanel([FieldPanel("signer_position"), FieldPanel("signer_name")]),
            ],
            heading=_("Official form of the reports"),
        ),
        InlinePanel("targets", heading=_("Targets"), label=_("target")),
        InlinePanel("criteria", heading=_("Criteria"), label=_("criterion")),
    ]

    search_fields = searchable("title", "code", "issuing_body")

    class Meta:
        verbose_name = _("emulation campaign")
        verbose_name_plural = _("emulation campaigns")
        ordering = ["-start_date", vi_order("title")]

    def __str__(self) -> str:
        return f"{self.title} ({self.code})"

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            base = slugify(normalize(self.code or self.title))[:70] or "phong-trao"
            slug, n = base, 2
            while Campaign.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                slug, n = f"{base}-{n}", n + 1
            self.slug = slug
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("The end date cannot be before the campaign's start date.")}
            )

    def years(self) -> list[int]:
        return list(range(self.start_date.year, self.end_date.year + 1))

    def covers(self, year: int, half: int = Half.WHOLE_YEAR) -> bool:
        """Whether the year (or half-year) overlaps the campaign's period."""
        start, end = period_bounds(year, half)
        return start <= self.end_date and end >= self.start_date


def campaign_edit_times(campaign_ids: list[int]) -> dict[int, object]:
    """When each campaign was last created or edited in the admin (Wagtail's log), one query."""
    if not campaign_ids:
        return {}
    rows = (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Campaign),
            object_id__in=[str(pk) for pk in campaign_ids],
        )
        .values("object_id")
        .annotate(latest=models.Max("timestamp"))
    )
    return {int(row["object_id"]): row["latest"] for row in rows}


class Target(models.Model):
    """A number the plan sets: for one year or half-year, for one category of exemplar."""

    campaign = ParentalKey(Campaign, related_name="targets", on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField(_("year"))
    half = models.PositiveSmallIntegerField(
        _("period"), choices=Half.choices, default=Half.WHOLE_YEAR
    )
    category = models.CharField(_("kind"), max_length=20, choices=ExemplarKind.choices)
    number = models.IntegerField(_("number"))

    panels = [
        FieldRowPanel(
            [FieldPanel("year"), FieldPanel("half"), FieldPanel("category"), FieldPanel("number")]
        )
    ]

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["year", "half", "category"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=0),
                name="target_number_not_negative",
                violation_error_code="negative",
                violation_error_message=_("A target cannot be negative."),
            ),
            models.UniqueConstraint(
                fields=["campaign", "year", "half", "category"], name="unique_target"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} {self.year}: {self.number}"

    def clean(self) -> None:
        super().clean()
        errors = {}  # a negative number is refused by the check constraint's message
        campaign = getattr(self, "campaign", None)
        if (
            campaign is not None
            and self.year
            and campaign.start_date
            and campaign.end_date
            and not campaign.covers(self.year, self.half)
        ):
            errors["year"] = _(
                "The target year %(year)s is outside the campaign's period (%(start)s – %(end)s)."
            ) % {
                "year": self.year,
                "start": campaign.start_date.strftime("%d/%m/%Y"),
                "end": campaign.end_date.strftime("%d/%m/%Y"),
            }
        if errors:
            raise ValidationError(errors)


class Criterion(Orderable):
    """One line of the campaign's checklist (tiêu chí), assessed per exemplar."""

    campaign = ParentalKey(Campaign, related_name="criteria", on_delete=models.CASCADE)
    text = models.CharField(_("criterion"), max_length=300)

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self) -> str:
        return self.text


class Participation(ClusterableModel):
    """An exemplar taking part in a campaign; its stage is the latest StageEvent's."""

    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    exemplar = models.ForeignKey(
        "campaigns.ExemplarPage",
        verbose_name=_("exemplar"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    stage = models.PositiveSmallIntegerField(
        _("current stage"), choices=Stage.choices, default=Stage.DISCOVERED, editable=False
    )
    featured = models.BooleanField(_("featured on the campaign page"), default=False)
    notes = models.TextField(_("notes"), blank=True)

    base_form_class = ParticipationForm
    panels = [
        FieldRowPanel([FieldPanel("campaign"), FieldPanel("exemplar")]),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "Each stage change is recorded (who, when, why) and cannot be edited. "
                        "Moving back a stage needs a reason. A mistyped date is corrected on the "
                        "exemplar's Timeline page."
                    )
                ),
                FieldRowPanel([FieldPanel("new_stage"), FieldPanel("stage_date")]),
                FieldPanel("stage_reason"),
            ],
            heading=_("Stage change"),
        ),
        FieldPanel("featured"),
        FieldPanel("notes"),
        InlinePanel("assessments", heading=_("Assessment by criterion"), label=_("criterion")),
        InlinePanel("recognitions", heading=_("Recognitions"), label=_("recognition")),
    ]

    class Meta:
        verbose_name = _("exemplar taking part")
        verbose_name_plural = _("exemplars taking part")
        ordering = ["campaign", vi_order("exemplar__title")]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "exemplar"], name="unique_participation")
        ]

    def __str__(self) -> str:
        return f"{self.exemplar.title} – {self.campaign.code}"

    def last_event(self) -> StageEvent | None:
        return self.stage_events.order_by("-effective_on", "-pk").first()

    def discovered_on(self) -> date | None:
        """The first stage event's date: nothing about the exemplar can predate it."""
        if self.pk is None:  # being added: the admin form says when it was discovered
            return getattr(self, "pending_discovery", None)
        first = self.stage_events.order_by("effective_on", "pk").first()
        return first.effective_on if first else None

    def check_move(self, stage: int, happened_on: date, reason: str) -> None:
        """Raise ValidationError (field-keyed, Vietnamese) if the move breaks a rule."""
        errors = {}
        last = self.last_event() if self.pk else None
        if last is None:
            if stage != Stage.DISCOVERED:
                errors["new_stage"] = _(
                    "A newly participating exemplar must start at the Discovered stage."
                )
        else:
            if happened_on < last.effective_on:
                errors["stage_date"] = _(
                    "The stage change date (%(date)s) cannot be before the latest change "
                    "(%(last)s, %(stage)s)."
                ) % {
                    "date": happened_on.strftime("%d/%m/%Y"),
                    "last": last.effective_on.strftime("%d/%m/%Y"),
                    "stage": last.get_stage_display(),
                }
            if stage == last.stage:
                errors["new_stage"] = _("The exemplar is already at this stage.")
            elif stage < last.stage and not (reason or "").strip():
                errors["stage_reason"] = _(
                    "Moving back from stage %(from)s to %(to)s needs a stated reason."
                ) % {"from": last.get_stage_display(), "to": Stage(stage).label}
        if errors:
            raise ValidationError(errors)

    def move_to(self, stage: int, happened_on: date, *, by=None, reason: str = "") -> StageEvent:
        """Record a stage change (checked first); the participation's stage follows it."""
        self.check_move(stage, happened_on, reason)
        event = StageEvent.objects.create(
            participation=self,
            stage=stage,
            happened_on=happened_on,
            recorded_by=by,
            reason=(reason or "").strip(),
        )
        self.stage = stage
        Participation.objects.filter(pk=self.pk).update(stage=stage)
        return event

    def stage_on(self, day: date) -> int | None:
        """The stage on a given day, from the (prefetched) event history, corrections applied."""
        stage = None
        for event in sorted(self.stage_events.all(), key=lambda e: (e.effective_on, e.pk)):
            if event.effective_on <= day:
                stage = event.stage
        return stage


class StageEventManager(models.Manager):
    """Every stage event comes with `effective_on`: its latest correction's day, else the day
    first recorded. Related managers and prefetches use it too, so dashboards, reports and
    the stage rules read corrected days without knowing corrections exist."""

    def get_queryset(self) -> models.QuerySet:
        latest = (
            StageEventCorrection.objects.filter(event=OuterRef("pk"))
            .order_by("-pk")
            .values("corrected_on")[:1]
        )
        return (
            super()
            .get_queryset()
            .annotate(effective_on=Coalesce(Subquery(latest), F("happened_on")))
            .order_by("effective_on", "pk")
        )


class StageEvent(models.Model):
    """One stage change: who recorded it, when it happened and why. Never edited or deleted.

    A day typed wrong is put right by a `StageEventCorrection` (who, when, why); the event keeps
    the day first recorded (`happened_on`) and everything reads `effective_on`.
    """

    participation = models.ForeignKey(
        Participation,
        verbose_name=_("participating exemplar"),
        on_delete=models.CASCADE,
        related_name="stage_events",
    )
    stage = models.PositiveSmallIntegerField(_("stage"), choices=Stage.choices)
    happened_on = models.DateField(_("date"))
    reason = models.TextField(_("reason, grounds"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    objects = StageEventManager()

    class Meta:
        verbose_name = _("stage change")
        verbose_name_plural = _("stage history")
        ordering = ["happened_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} {self.effective_on:%d/%m/%Y}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise ValidationError(_("The stage history can only be added to, not edited."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("The stage history can only be added to, not deleted."))

    @property
    def effective_on(self) -> date:
        """The day the stage changed: the latest correction's, else the day first recorded."""
        return self.__dict__.get("_effective_on") or self.happened_on

    @effective_on.setter
    def effective_on(self, value: date | None) -> None:
        self.__dict__["_effective_on"] = value

    def check_correction(self, day: date | None, reason: str) -> None:
        """Raise ValidationError (keyed by the correction form's fields) if the day cannot be
        put right this way: the history must stay in order and recognitions after discovery."""
        errors: dict[str, str] = {}
        if not (reason or "").strip():
            errors["reason"] = _(
                "Enter the reason for the correction (for example: day and month typed the wrong "
                "way round)."
            )
        if day is None:
            errors["corrected_on"] = _("Enter the correct date.")
            raise ValidationError(errors)
        if day == self.effective_on:
            errors["corrected_on"] = _("This date is the one already recorded (%(date)s).") % {
                "date": day.strftime("%d/%m/%Y")
            }
        siblings = list(self.participation.stage_events.all())
        position = next(i for i, event in enumerate(siblings) if event.pk == self.pk)
        earlier = siblings[position - 1] if position > 0 else None
        later = siblings[position + 1] if position + 1 < len(siblings) else None
        if earlier is not None and day < earlier.effective_on:
            errors["corrected_on"] = _(
                "The correct date (%(date)s) cannot be before the previous stage change "
                "(%(other)s, %(stage)s)."
            ) % {
                "date": day.strftime("%d/%m/%Y"),
                "other": earlier.effective_on.strftime("%d/%m/%Y"),
                "stage": earlier.get_stage_display(),
            }
        elif later is not None and day > later.effective_on:
            errors["corrected_on"] = _(
                "The correct date (%(date)s) cannot be after the next stage change (%(other)s, "
                "%(stage)s)."
            ) % {
                "date": day.strftime("%d/%m/%Y"),
                "other": later.effective_on.strftime("%d/%m/%Y"),
                "stage": later.get_stage_display(),
            }
        elif earlier is None:
            first_recognition = self.participation.recognitions.order_by("decision_date").first()
            if first_recognition is not None and first_recognition.decision_date < day:
                errors["corrected_on"] = _(
                    "The discovery date (%(date)s) cannot be after the date of recognition "
                    "decision %(number)s (%(decided)s)."
                ) % {
                    "date": day.strftime("%d/%m/%Y"),
                    "number": first_recognition.decision_number,
                    "decided": first_recognition.decision_date.strftime("%d/%m/%Y"),
                }
        if errors:
            raise ValidationError(errors)

    def correct(self, day: date, *, reason: str, by=None) -> StageEventCorrection:
        """Record the right day for this event (checked first); the event itself is kept."""
        with transaction.atomic():
            # One correction at a time per exemplar: the order check reads the siblings.
            Participation.objects.select_for_update().filter(pk=self.participation_id).first()
            current = StageEvent.objects.select_related("participation").get(pk=self.pk)
            current.check_correction(day, reason)
            correction = StageEventCorrection.objects.create(
                event=current,
                previous_on=current.effective_on,
                corrected_on=day,
                reason=reason.strip(),
                recorded_by=by,
            )
        self.effective_on = day
        return correction


class StageEventCorrection(models.Model):
    """The right day for a stage event typed wrong: who put it right, when and why.

    Appended, never edited or deleted, like the events: the history shows the day first
    recorded and each correction; dashboards and reports use the latest correction's day.
    """

    event = models.ForeignKey(
        StageEvent,
        verbose_name=_("stage change entry"),
        on_delete=models.CASCADE,
        related_name="corrections",
    )
    previous_on = models.DateField(_("date before the correction"))
    corrected_on = models.DateField(_("correct date"))
    reason = models.TextField(_("reason for the correction"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("corrected by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("corrected at"), auto_now_add=True)

    class Meta:
        verbose_name = _("stage date correction")
        verbose_name_plural = _("stage date corrections")
        ordering = ["recorded_at", "pk"]

    def __str__(self) -> str:
        return f"{self.previous_on:%d/%m/%Y} → {self.corrected_on:%d/%m/%Y}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise ValidationError(
                _("A recorded correction cannot be edited; record a new correction.")
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("A recorded correction cannot be deleted."))


class CriterionAssessment(models.Model):
    """Whether an exemplar meets one criterion, and the evidence for it."""

    participation = ParentalKey(Participation, related_name="assessments", on_delete=models.CASCADE)
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("criterion"), on_delete=models.CASCADE, related_name="+"
    )
    met = models.BooleanField(_("met"), default=False)
    evidence = models.TextField(_("evidence"), blank=True)

    panels = [FieldRowPanel([FieldPanel("criterion"), FieldPanel("met")]), FieldPanel("evidence")]

    class Meta:
        verbose_name = _("criterion assessment")
        verbose_name_plural = _("criterion assessments")
        constraints = [
            models.UniqueConstraint(fields=["participation", "criterion"], name="unique_assessment")
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {'đạt' if self.met else 'chưa đạt'}"

    def clean(self) -> None:
        super().clean()
        participation = getattr(self, "participation", None)
        if (
            self.criterion_id
            and participation is not None
            and participation.campaign_id
            and self.criterion.campaign_id != participation.campaign_id
        ):
            raise ValidationError({"criterion": _("This criterion belongs to another campaign.")})


class Recognition(models.Model):
    """A commendation or title (công nhận, khen thưởng) given to an exemplar in a campaign."""

    participation = ParentalKey(
        Participation, related_name="recognitions", on_delete=models.CASCADE
    )
    level = models.CharField(
        _("recognition level"), max_length=20, choices=RecognitionLevel.choices
    )
    form = models.CharField(_("form"), max_length=20, choices=RecognitionForm.choices)
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    decision_date = models.DateField(_("decision date"), blank=True)
    year = models.PositiveSmallIntegerField(_("year of recognition"), blank=True)
    decision = models.ForeignKey(
        "campaigns.AwardDecision",
        verbose_name=_("Award decision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recognitions",
        help_text=_("The decision record; its number and date are copied when left blank."),
    )

    panels = [
        FieldPanel("decision"),
        FieldRowPanel([FieldPanel("level"), FieldPanel("form")]),
        FieldRowPanel(
            [FieldPanel("decision_number"), FieldPanel("decision_date"), FieldPanel("year")]
        ),
    ]

    class Meta:
        verbose_name = _("recognition")
        verbose_name_plural = _("recognitions")
        ordering = ["decision_date", "pk"]

    def __str__(self) -> str:
        return f"{self.get_form_display()} {self.get_level_display()} ({self.decision_number})"

    def save(self, *args, **kwargs) -> None:
        self.copy_decision()
        if not self.year and self.decision_date:
            self.year = self.decision_date.year
        super().save(*args, **kwargs)

    def copy_decision(self) -> None:
        """A recognition linked to a decision record takes its number and date."""
        if self.decision_id is None:
            return
        self.decision_number = self.decision_number or self.decision.number
        self.decision_date = self.decision_date or self.decision.decision_date

    def clean(self) -> None:
        self.copy_decision()
        super().clean()
        if self.decision_id is None and not (self.decision_number and self.decision_date):
            raise ValidationError(
                {"decision": _("Choose the award decision, or type its number and date.")}
            )
        if self.decision_id is not None and (
            self.decision_number != self.decision.number
            or self.decision_date != self.decision.decision_date
        ):
            raise ValidationError(
                {
                    "decision_number": _(
                        "The number and date differ from the chosen decision (%(decision)s)."
                    )
                    % {"decision": self.decision}
                }
            )
        if not self.year and self.decision_date:
            self.year = self.decision_date.year
        participation = getattr(self, "participation", None)
        if participation is None or not self.decision_date:
            return
        discovered = participation.discovered_on()
        if discovered and self.decision_date < discovered:
            raise ValidationError(
                {
                    "decision_date": _(
                        "The recognition decision date (%(date)s) cannot be before the exemplar "
                        "was discovered (%(discovered)s)."
                    )
                    % {
                        "date": self.decision_date.strftime("%d/%m/%Y"),
                        "discovered": discovered.strftime("%d/%m/%Y"),
                    }
                }
            )
