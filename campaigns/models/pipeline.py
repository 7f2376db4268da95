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
    Stage,
    period_bounds,
)
from ..forms import CampaignForm, ParticipationForm


class CampaignQuerySet(models.QuerySet):
    def public(self) -> CampaignQuerySet:
        """Readers see campaigns once they run; planned ones stay in the admin."""
        return self.exclude(status=CampaignStatus.PLANNED)


class Campaign(ClusterableModel):
    """A plan or emulation campaign (kế hoạch / phong trào thi đua) and what it asks for."""

    title = models.CharField(_("tên phong trào, kế hoạch"), max_length=255)
    slug = models.SlugField(_("đường dẫn"), max_length=80, unique=True, blank=True)
    code = models.CharField(
        _("số hiệu"), max_length=60, unique=True, help_text=_("Ví dụ: 60/KH-UBND")
    )
    issuing_body = models.CharField(_("cơ quan ban hành"), max_length=200)
    legal_basis = ParentalManyToManyField(
        "campaigns.LegalDocumentPage",
        verbose_name=_("căn cứ pháp lý"),
        blank=True,
        related_name="campaigns",
    )
    start_date = models.DateField(_("ngày bắt đầu"))
    end_date = models.DateField(_("ngày kết thúc"))
    scope = models.CharField(
        _("phạm vi"), max_length=20, choices=CampaignScope.choices, default=CampaignScope.PROVINCE
    )
    scope_locality = models.ForeignKey(
        "core.Locality",
        verbose_name=_("địa bàn"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="campaigns",
    )
    scope_sector = models.CharField(_("ngành, lĩnh vực"), max_length=200, blank=True)
    goal = models.TextField(_("mục tiêu"), blank=True, help_text=_("Hiện trên trang công khai."))
    description = RichTextField(
        _("nội dung"), blank=True, features=["bold", "italic", "ul", "ol", "link"]
    )
    status = models.CharField(
        _("trạng thái"),
        max_length=20,
        choices=CampaignStatus.choices,
        default=CampaignStatus.PLANNED,
    )
    officers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ phụ trách"),
        blank=True,
        related_name="campaigns",
    )
    report_place = models.CharField(
        _("địa danh ghi trên báo cáo"), max_length=100, blank=True, default="Tân Lâm"
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
            heading=_("Phạm vi"),
        ),
        FieldPanel("goal"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("report_place")]),
        FieldPanel("officers", widget=forms.CheckboxSelectMultiple),
        InlinePanel("targets", heading=_("Chỉ tiêu"), label=_("chỉ tiêu")),
        InlinePanel("criteria", heading=_("Tiêu chí"), label=_("tiêu chí")),
    ]

    class Meta:
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")
        ordering = ["-start_date", vi_order("title")]

    def __str__(self) -> str:
        return f"{self.title} ({self.code})"

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("Ngày kết thúc không thể trước ngày bắt đầu của phong trào.")}
            )

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            base = slugify(normalize(self.code or self.title))[:70] or "phong-trao"
            slug, n = base, 2
            while Campaign.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                slug, n = f"{base}-{n}", n + 1
            self.slug = slug
        super().save(*args, **kwargs)

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
    year = models.PositiveSmallIntegerField(_("năm"))
    half = models.PositiveSmallIntegerField(_("kỳ"), choices=Half.choices, default=Half.WHOLE_YEAR)
    category = models.CharField(_("loại"), max_length=20, choices=ExemplarKind.choices)
    number = models.IntegerField(_("số lượng"))

    panels = [
        FieldRowPanel(
            [FieldPanel("year"), FieldPanel("half"), FieldPanel("category"), FieldPanel("number")]
        )
    ]

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["year", "half", "category"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=0),
                name="target_number_not_negative",
                violation_error_code="negative",
                violation_error_message=_("Chỉ tiêu không thể là số âm."),
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
                "Chỉ tiêu năm %(year)s nằm ngoài thời gian của phong trào (%(start)s – %(end)s)."
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
    text = models.CharField(_("tiêu chí"), max_length=300)

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")

    def __str__(self) -> str:
        return self.text


class Participation(ClusterableModel):
    """An exemplar taking part in a campaign; its stage is the latest StageEvent's."""

    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("phong trào"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    exemplar = models.ForeignKey(
        "campaigns.ExemplarPage",
        verbose_name=_("gương điển hình"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    stage = models.PositiveSmallIntegerField(
        _("giai đoạn hiện tại"), choices=Stage.choices, default=Stage.DISCOVERED, editable=False
    )
    featured = models.BooleanField(_("giới thiệu trên trang phong trào"), default=False)
    notes = models.TextField(_("ghi chú"), blank=True)

    base_form_class = ParticipationForm
    panels = [
        FieldRowPanel([FieldPanel("campaign"), FieldPanel("exemplar")]),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "Mỗi lần chuyển giai đoạn được ghi lại (ai, khi nào, vì sao) và không "
                        "sửa được. Lùi giai đoạn phải ghi lý do. Ngày ghi nhầm được đính chính "
                        "ở trang Quá trình của điển hình."
                    )
                ),
                FieldRowPanel([FieldPanel("new_stage"), FieldPanel("stage_date")]),
                FieldPanel("stage_reason"),
            ],
            heading=_("Chuyển giai đoạn"),
        ),
        FieldPanel("featured"),
        FieldPanel("notes"),
        InlinePanel("assessments", heading=_("Đánh giá theo tiêu chí"), label=_("tiêu chí")),
        InlinePanel("recognitions", heading=_("Khen thưởng, công nhận"), label=_("khen thưởng")),
    ]

    class Meta:
        verbose_name = _("điển hình tham gia phong trào")
        verbose_name_plural = _("điển hình tham gia phong trào")
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
                    "Điển hình mới tham gia phải bắt đầu từ giai đoạn Phát hiện."
                )
        else:
            if happened_on < last.effective_on:
                errors["stage_date"] = _(
                    "Ngày chuyển giai đoạn (%(date)s) không thể trước lần chuyển gần nhất "
                    "(%(last)s, %(stage)s)."
                ) % {
                    "date": happened_on.strftime("%d/%m/%Y"),
                    "last": last.effective_on.strftime("%d/%m/%Y"),
                    "stage": last.get_stage_display(),
                }
            if stage == last.stage:
                errors["new_stage"] = _("Điển hình đang ở giai đoạn này rồi.")
            elif stage < last.stage and not (reason or "").strip():
                errors["stage_reason"] = _(
                    "Lùi từ giai đoạn %(from)s về %(to)s phải ghi rõ lý do."
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
        verbose_name=_("điển hình tham gia"),
        on_delete=models.CASCADE,
        related_name="stage_events",
    )
    stage = models.PositiveSmallIntegerField(_("giai đoạn"), choices=Stage.choices)
    happened_on = models.DateField(_("ngày"))
    reason = models.TextField(_("lý do, căn cứ"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("thời điểm ghi"), auto_now_add=True)

    objects = StageEventManager()

    class Meta:
        verbose_name = _("chuyển giai đoạn")
        verbose_name_plural = _("lịch sử giai đoạn")
        ordering = ["happened_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} {self.effective_on:%d/%m/%Y}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise ValidationError(_("Lịch sử giai đoạn chỉ được ghi thêm, không được sửa."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Lịch sử giai đoạn chỉ được ghi thêm, không được xóa."))

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
            errors["reason"] = _("Hãy ghi lý do đính chính (ví dụ: nhập nhầm ngày và tháng).")
        if day is None:
            errors["corrected_on"] = _("Hãy ghi ngày đúng.")
            raise ValidationError(errors)
        if day == self.effective_on:
            errors["corrected_on"] = _("Ngày này trùng với ngày đang ghi (%(date)s).") % {
                "date": day.strftime("%d/%m/%Y")
            }
        siblings = list(self.participation.stage_events.all())
        position = next(i for i, event in enumerate(siblings) if event.pk == self.pk)
        earlier = siblings[position - 1] if position > 0 else None
        later = siblings[position + 1] if position + 1 < len(siblings) else None
        if earlier is not None and day < earlier.effective_on:
            errors["corrected_on"] = _(
                "Ngày đúng (%(date)s) không thể trước lần chuyển giai đoạn liền trước "
                "(%(other)s, %(stage)s)."
            ) % {
                "date": day.strftime("%d/%m/%Y"),
                "other": earlier.effective_on.strftime("%d/%m/%Y"),
                "stage": earlier.get_stage_display(),
            }
        elif later is not None and day > later.effective_on:
            errors["corrected_on"] = _(
                "Ngày đúng (%(date)s) không thể sau lần chuyển giai đoạn liền sau "
                "(%(other)s, %(stage)s)."
            ) % {
                "date": day.strftime("%d/%m/%Y"),
                "other": later.effective_on.strftime("%d/%m/%Y"),
                "stage": later.get_stage_display(),
            }
        elif earlier is None:
            first_recognition = self.participation.recognitions.order_by("decision_date").first()
            if first_recognition is not None and first_recognition.decision_date < day:
                errors["corrected_on"] = _(
                    "Ngày phát hiện (%(date)s) không thể sau ngày quyết định khen thưởng "
                    "%(number)s (%(decided)s)."
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
        verbose_name=_("lần chuyển giai đoạn"),
        on_delete=models.CASCADE,
        related_name="corrections",
    )
    previous_on = models.DateField(_("ngày trước khi đính chính"))
    corrected_on = models.DateField(_("ngày đúng"))
    reason = models.TextField(_("lý do đính chính"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người đính chính"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("thời điểm đính chính"), auto_now_add=True)

    class Meta:
        verbose_name = _("đính chính ngày chuyển giai đoạn")
        verbose_name_plural = _("đính chính ngày chuyển giai đoạn")
        ordering = ["recorded_at", "pk"]

    def __str__(self) -> str:
        return f"{self.previous_on:%d/%m/%Y} → {self.corrected_on:%d/%m/%Y}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise ValidationError(
                _("Đính chính đã ghi không được sửa; hãy ghi một đính chính mới.")
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Đính chính đã ghi không được xóa."))


class CriterionAssessment(models.Model):
    """Whether an exemplar meets one criterion, and the evidence for it."""

    participation = ParentalKey(Participation, related_name="assessments", on_delete=models.CASCADE)
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("tiêu chí"), on_delete=models.CASCADE, related_name="+"
    )
    met = models.BooleanField(_("đạt"), default=False)
    evidence = models.TextField(_("minh chứng"), blank=True)

    panels = [FieldRowPanel([FieldPanel("criterion"), FieldPanel("met")]), FieldPanel("evidence")]

    class Meta:
        verbose_name = _("đánh giá tiêu chí")
        verbose_name_plural = _("đánh giá tiêu chí")
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
            raise ValidationError({"criterion": _("Tiêu chí này thuộc một phong trào khác.")})


class Recognition(models.Model):
    """A commendation or title (công nhận, khen thưởng) given to an exemplar in a campaign."""

    participation = ParentalKey(
        Participation, related_name="recognitions", on_delete=models.CASCADE
    )
    level = models.CharField(_("cấp khen"), max_length=20, choices=RecognitionLevel.choices)
    form = models.CharField(_("hình thức"), max_length=20, choices=RecognitionForm.choices)
    decision_number = models.CharField(_("số quyết định"), max_length=60)
    decision_date = models.DateField(_("ngày quyết định"))
    year = models.PositiveSmallIntegerField(_("năm khen thưởng"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("level"), FieldPanel("form")]),
        FieldRowPanel(
            [FieldPanel("decision_number"), FieldPanel("decision_date"), FieldPanel("year")]
        ),
    ]

    class Meta:
        verbose_name = _("khen thưởng")
        verbose_name_plural = _("khen thưởng")
        ordering = ["decision_date", "pk"]

    def __str__(self) -> str:
        return f"{self.get_form_display()} {self.get_level_display()} ({self.decision_number})"

    def save(self, *args, **kwargs) -> None:
        if not self.year and self.decision_date:
            self.year = self.decision_date.year
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
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
                        "Ngày quyết định khen thưởng (%(date)s) không thể trước ngày phát hiện "
                        "điển hình (%(discovered)s)."
                    )
                    % {
                        "date": self.decision_date.strftime("%d/%m/%Y"),
                        "discovered": discovered.strftime("%d/%m/%Y"),
                    }
                }
            )
