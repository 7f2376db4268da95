"""Exemplars (điển hình tiên tiến) and the legal documents behind the emulation campaigns."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.models import Page
from wagtail.search import index

from stories.pages import LanToaPage, SectionIndexPage, filtered_listing, paginate

EXEMPLARS_PER_PAGE = 24
DOCUMENTS_PER_PAGE = 20


class ExemplarKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")
    HOUSEHOLD = "household", _("Hộ gia đình")
    MODEL = "model", _("Mô hình")


class ExemplarField(models.TextChoices):
    """Lĩnh vực: the fields the provincial plans name for exemplars."""

    ECONOMY = "economy", _("Phát triển kinh tế, giảm nghèo bền vững")
    GOOD_DEEDS = "good_deeds", _("Người tốt, việc tốt")
    RESIDENTIAL = "residential", _("Thôn, tổ dân phố, khu dân cư")
    FAMILY = "family", _("Gia đình, dòng họ")
    NEW_RURAL = "new_rural", _("Xây dựng nông thôn mới")
    BUSINESS = "business", _("Sản xuất, kinh doanh")
    ADMINISTRATION = "administration", _("Cơ quan hành chính, sự nghiệp")
    DEFENCE = "defence", _("Quốc phòng, an ninh")
    EDUCATION = "education", _("Giáo dục và đào tạo")
    HEALTH = "health", _("Y tế, chăm sóc sức khỏe")
    YOUTH = "youth", _("Thanh niên khởi nghiệp, lập nghiệp")
    OTHER = "other", _("Lĩnh vực khác")


class ExemplarIndexPage(SectionIndexPage):
    """The public directory of exemplars, filterable by kind, field and locality."""

    subpage_types = ["campaigns.ExemplarPage"]
    max_count = 1

    class Meta:
        verbose_name = _("danh bạ điển hình")

    def get_context(self, request, *args, **kwargs):
        from .filters import ExemplarFilter

        context = super().get_context(request, *args, **kwargs)
        exemplars = (
            ExemplarPage.objects.live()
            .public()
            .child_of(self)
            .select_related("photo", "locality__parent__parent")
            .order_by("title")
        )
        context.update(filtered_listing(request, ExemplarFilter, exemplars, EXEMPLARS_PER_PAGE))
        return context


class ExemplarPage(LanToaPage):
    """One exemplar's public profile; stories that mention it are listed on it."""

    kind = models.CharField(_("loại"), max_length=20, choices=ExemplarKind.choices)
    position = models.CharField(
        _("chức vụ, nghề nghiệp"), max_length=200, blank=True, help_text=_("Với cá nhân.")
    )
    organisation = models.CharField(_("cơ quan, đơn vị"), max_length=200, blank=True)
    locality = models.ForeignKey(
        "lantoa.Locality",
        verbose_name=_("địa bàn"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="exemplars",
    )
    field = models.CharField(_("lĩnh vực"), max_length=20, choices=ExemplarField.choices)
    summary = models.TextField(_("tóm tắt"), max_length=600, blank=True)
    achievements = RichTextField(
        _("thành tích tiêu biểu"), blank=True, features=["bold", "italic", "ul", "ol", "link"]
    )
    photo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("ảnh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("field")]),
        MultiFieldPanel(
            [FieldPanel("position"), FieldPanel("organisation"), FieldPanel("locality")],
            heading=_("Nơi công tác, sinh sống"),
        ),
        FieldPanel("summary"),
        FieldPanel("achievements"),
        FieldPanel("photo"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("achievements"),
        index.SearchField("organisation"),
        index.FilterField("kind"),
        index.FilterField("field"),
    ]
    parent_page_types = ["campaigns.ExemplarIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("gương điển hình")
        verbose_name_plural = _("gương điển hình")

    def get_context(self, request, *args, **kwargs):
        from stories.selectors import stories_about_exemplar

        context = super().get_context(request, *args, **kwargs)
        context["stories"] = paginate(request, stories_about_exemplar(self), 10)
        return context


class LegalDocumentType(models.TextChoices):
    PLAN = "plan", _("Kế hoạch")
    OFFICIAL_LETTER = "official_letter", _("Công văn")
    DECISION = "decision", _("Quyết định")
    DIRECTIVE = "directive", _("Chỉ thị")
    RESOLUTION = "resolution", _("Nghị quyết")
    GUIDANCE = "guidance", _("Hướng dẫn")
    NOTICE = "notice", _("Thông báo")
    REPORT = "report", _("Báo cáo")
    OTHER = "other", _("Văn bản khác")


class LegalDocumentIndexPage(SectionIndexPage):
    """The public list of plans, decisions and letters, filterable by type and year."""

    subpage_types = ["campaigns.LegalDocumentPage"]
    max_count = 1

    class Meta:
        verbose_name = _("danh sách văn bản")

    def get_context(self, request, *args, **kwargs):
        from .filters import LegalDocumentFilter

        context = super().get_context(request, *args, **kwargs)
        documents = (
            LegalDocumentPage.objects.live()
            .public()
            .child_of(self)
            .select_related("document")
            .order_by("-issue_date", "-pk")
        )
        context.update(
            filtered_listing(request, LegalDocumentFilter, documents, DOCUMENTS_PER_PAGE)
        )
        return context


class LegalDocumentPage(LanToaPage):
    """A plan, decision or official letter (văn bản); the title is its trích yếu."""

    number = models.CharField(_("số hiệu"), max_length=60, help_text=_("Ví dụ: 60/KH-UBND"))
    document_type = models.CharField(
        _("loại văn bản"), max_length=20, choices=LegalDocumentType.choices
    )
    issuing_body = models.CharField(_("cơ quan ban hành"), max_length=200)
    signer = models.CharField(_("người ký"), max_length=120, blank=True)
    issue_date = models.DateField(_("ngày ban hành"))
    effective_date = models.DateField(_("ngày có hiệu lực"), null=True, blank=True)
    field = models.CharField(_("lĩnh vực"), max_length=120, blank=True)
    summary = RichTextField(
        _("tóm tắt nội dung"), blank=True, features=["bold", "italic", "ul", "ol", "link"]
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp đính kèm"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("number"), FieldPanel("document_type")]),
        FieldRowPanel([FieldPanel("issuing_body"), FieldPanel("signer")]),
        FieldRowPanel([FieldPanel("issue_date"), FieldPanel("effective_date")]),
        FieldPanel("field"),
        FieldPanel("summary"),
        FieldPanel("document"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("number"),
        index.SearchField("summary"),
        index.SearchField("issuing_body"),
        index.FilterField("document_type"),
        index.FilterField("issue_date"),
    ]
    parent_page_types = ["campaigns.LegalDocumentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")

    def clean(self) -> None:
        super().clean()
        if self.effective_date and self.issue_date and self.effective_date < self.issue_date:
            raise ValidationError(
                {"effective_date": _("Ngày có hiệu lực không thể trước ngày ban hành.")}
            )
