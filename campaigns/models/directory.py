"""The public directory: exemplar profiles and the legal documents behind the campaigns."""

from __future__ import annotations

from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.models import Page
from wagtail.search import index

from core import seo
from core.collation import vi_order
from core.pages import LanToaPage, SectionIndexPage, filtered_listing, paginate
from stories.selectors import stories_about_exemplar
from vietnamese.text import fold

from ..choices import ExemplarField, ExemplarKind, LegalDocumentType
from ..filters import ExemplarFilter, LegalDocumentFilter
from ..forms import ExemplarPageForm
from ..public import campaign_page_context
from .pipeline import Campaign, campaign_edit_times

EXEMPLARS_PER_PAGE = 24
DOCUMENTS_PER_PAGE = 20


class ExemplarIndexPage(RoutablePageMixin, SectionIndexPage):
    """The public directory of exemplars, filterable by kind, field, locality and campaign.

    Campaign pages hang off it as routes (``phong-trao/<slug>/``): campaigns are snippets
    kept by campaign officers, not pages an editor publishes.
    """

    subpage_types = ["campaigns.ExemplarPage"]
    max_count = 1
    admin_default_ordering = "title"  # officers look exemplars up by name

    class Meta:
        verbose_name = _("exemplar directory")

    @property
    def cache_query_params(self) -> tuple[str, ...]:
        """The page cache keeps a copy per filter choice (core.pagecache)."""
        return ("page", *ExemplarFilter.base_filters)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        exemplars = (
            ExemplarPage.objects.live()
            .public()
            .child_of(self)
            .select_related("photo", "locality__parent__parent")
            .prefetch_related("photo__renditions")  # every card's <picture> in one query
            .order_by(vi_order("title"), "pk")
        )
        context.update(filtered_listing(request, ExemplarFilter, exemplars, EXEMPLARS_PER_PAGE))
        return context

    def get_sitemap_urls(self, request=None) -> list[dict]:
        """The directory, then each public campaign's page (its routes), dated by the
        campaign's last edit in the admin (its log entries)."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        campaigns = list(Campaign.objects.public().order_by("slug"))
        edited = campaign_edit_times([campaign.pk for campaign in campaigns])
        for campaign in campaigns:
            entry = {"location": base.rstrip("/") + self.campaign_path(campaign)}
            if campaign.pk in edited:
                entry["lastmod"] = edited[campaign.pk]
            urls.append(entry)
        return urls

    def campaign_path(self, campaign: Campaign) -> str:
        """The campaign page's path below the directory ("/phong-trao/<slug>/")."""
        return "/" + self.reverse_subpage("campaign", kwargs={"slug": campaign.slug})

    @path("phong-trao/<slug:slug>/", name="campaign")
    def campaign_view(self, request, slug: str):
        campaign = Campaign.objects.public().filter(slug=slug).first()
        if campaign is None:
            raise Http404
        context = campaign_page_context(self, campaign)
        url = self.get_full_url(request).rstrip("/") + self.campaign_path(campaign)
        context.update(
            canonical_url=url,
            og={"title": campaign.title, "description": campaign.goal[:300], "url": url},
            structured_data=self.campaign_structured_data(request, campaign, url),
        )
        return self.render(
            request, context_overrides=context, template="campaigns/campaign_page.html"
        )

    def campaign_structured_data(self, request, campaign: Campaign, url: str) -> list[dict]:
        """A campaign's page: a WebPage about the campaign as an Event (its period, the body
        that launched it), with breadcrumbs Home → directory → campaign."""
        event = {
            "@type": "Event",
            "name": campaign.title,
            "identifier": campaign.code,
            "startDate": campaign.start_date.isoformat(),
            "endDate": campaign.end_date.isoformat(),
            "organizer": {"@type": "GovernmentOrganization", "name": campaign.issuing_body},
            "url": url,
        }
        if campaign.goal:
            event["description"] = campaign.goal
        page = {
            "@context": seo.SCHEMA,
            "@type": "WebPage",
            "name": campaign.title,
            "url": url,
            "inLanguage": "vi",
            "about": event,
            "publisher": seo.organization(request),
        }
        trail = self.breadcrumb_data(request)
        trail["itemListElement"].append(
            {
                "@type": "ListItem",
                "position": len(trail["itemListElement"]) + 1,
                "name": campaign.title,
                "item": url,
            }
        )
        return [page, trail]


class ExemplarPage(LanToaPage):
    """One exemplar's public profile; stories that mention it are listed on it."""

    kind = models.CharField(_("kind"), max_length=20, choices=ExemplarKind.choices)
    position = models.CharField(
        _("position, occupation"), max_length=200, blank=True, help_text=_("For individuals.")
    )
    organisation = models.CharField(_("organisation or unit"), max_length=200, blank=True)
    locality = models.ForeignKey(
        "core.Locality",
        verbose_name=_("locality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="exemplars",
    )
    field = models.CharField(_("field"), max_length=20, choices=ExemplarField.choices)
    summary = models.TextField(_("summary"), max_length=600, blank=True)
    achievements = RichTextField(
        _("notable achievements"), blank=True, features=["bold", "italic", "ul", "ol", "link"]
    )
    photo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("photo"),
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
            heading=_("Workplace, residence"),
        ),
        FieldPanel("summary"),
        FieldPanel("achievements"),
        FieldPanel("photo"),
        FieldPanel("confirm_duplicate"),
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
    base_form_class = ExemplarPageForm

    class Meta:
        verbose_name = _("exemplar")
        verbose_name_plural = _("exemplars")

    def search_document(self):
        """What the reader-facing search indexes; the field's label rides along for facets."""
        from search.documents import page_document, plain_fields, rich_field

        return page_document(
            self,
            "exemplar",
            pgettext_lazy("full term", "Exemplar"),
            summary=plain_fields(self.summary),
            body=plain_fields(self.position, self.organisation, rich_field(self.achievements)),
            exemplar_field=self.field,
            exemplar_field_label=str(self.get_field_display()) if self.field else "",
            locality_id=self.locality_id,
            locality_name=self.locality.name if self.locality_id else "",
            date=self.first_published_at,
        )

    @classmethod
    def possible_duplicates(cls, title: str, locality_id: int | None, exclude_pk=None) -> list:
        """Exemplars with the same name (ignoring case and diacritics) in the same place."""
        wanted = fold(title or "").strip()
        candidates = cls.objects.filter(locality_id=locality_id).exclude(pk=exclude_pk)
        return [page for page in candidates.only("pk", "title") if fold(page.title) == wanted]

    def structured_data(self, request) -> list[dict]:
        """A ProfilePage about a Person (an individual) or an Organization (a collective, a
        household, a model)."""
        entity = {
            "@type": "Person" if self.kind == ExemplarKind.INDIVIDUAL else "Organization",
            "name": self.title,
            "url": self.get_full_url(request),
        }
        if self.summary:
            entity["description"] = self.summary
        if self.kind == ExemplarKind.INDIVIDUAL:
            if self.position:
                entity["jobTitle"] = self.position
            if self.organisation:
                entity["worksFor"] = {"@type": "Organization", "name": self.organisation}
        elif self.organisation:
            entity["parentOrganization"] = {"@type": "Organization", "name": self.organisation}
        if self.locality_id:
            place = self.locality.lineage()
            entity["address"] = {
                "@type": "PostalAddress",
                "addressLocality": ", ".join(node.name for node in reversed(place)),
                "addressCountry": "VN",
            }
        images = seo.image_objects(request, self.photo)
        if images:
            entity["image"] = images
        page = seo.profile_page(request, self.title, entity["url"], entity)
        return [page, self.breadcrumb_data(request)]

    def get_context(self, request, *args, **kwargs):
        if self.photo:  # the photo's renditions (page, JSON-LD, preview) in one query
            prefetch_related_objects([self.photo], "renditions")
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = paginate(request, stories_about_exemplar(self.pk), 10)
        context["decisions"] = self.award_decisions.order_by("-decision_date", "pk")
        context["og"] = {
            "type": "profile",
            "description": self.search_description or self.summary,
            "image": seo.rendition_share_image(request, self.photo),
        }
        return context


class LegalDocumentIndexPage(SectionIndexPage):
    """The public list of plans, decisions and letters, filterable by type and year."""

    subpage_types = ["campaigns.LegalDocumentPage"]
    max_count = 1

    class Meta:
        verbose_name = _("legal document list")

    @property
    def cache_query_params(self) -> tuple[str, ...]:
        """The page cache keeps a copy per filter choice (core.pagecache)."""
        return ("page", *LegalDocumentFilter.base_filters)

    def get_context(self, request, *args, **kwargs):
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

    number = models.CharField(
        _("reference number"), max_length=60, help_text=_("For example: 60/KH-UBND")
    )
    document_type = models.CharField(
        _("document type"), max_length=20, choices=LegalDocumentType.choices
    )
    issuing_body = models.CharField(_("issuing body"), max_length=200)
    signer = models.CharField(_("signed by"), max_length=120, blank=True)
    issue_date = models.DateField(_("date issued"))
    effective_date = models.DateField(_("effective date"), null=True, blank=True)
    field = models.CharField(_("field"), max_length=120, blank=True)
    summary = RichTextField(
        _("summary of contents"), blank=True, features=["bold", "italic", "ul", "ol", "link"]
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("attachment"),
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
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")

    def search_document(self):
        """What the reader-facing search indexes (issued at noon, local time)."""
        from search.documents import page_document, plain_fields, rich_field

        return page_document(
            self,
            "document",
            _("Legal document"),
            summary=plain_fields(self.number, self.issuing_body),
            body=plain_fields(rich_field(self.summary), self.signer, self.field),
            date=timezone.make_aware(datetime.combine(self.issue_date, time(12))),
        )

    def structured_data(self, request) -> list[dict]:
        """schema.org DigitalDocument: number, issuing body, dates and the attached file."""
        data = {
            "@context": seo.SCHEMA,
            "@type": "DigitalDocument",
            "name": self.title,
            "identifier": self.number,
            "url": self.get_full_url(request),
            "inLanguage": "vi",
            "genre": str(self.get_document_type_display()),
            "author": {"@type": "GovernmentOrganization", "name": self.issuing_body},
            "dateCreated": self.issue_date.isoformat(),
            "publisher": seo.organization(request),
        }
        if self.effective_date:
            data["temporalCoverage"] = f"{self.effective_date.isoformat()}/.."
        if self.summary:
            data["abstract"] = strip_tags(self.summary).strip()
        if self.document_id:
            data["encoding"] = {
                "@type": "MediaObject",
                "contentUrl": request.build_absolute_uri(self.document.url),
                "encodingFormat": self.document.content_type or "application/octet-stream",
                "name": self.document.filename,
            }
        return [data, self.breadcrumb_data(request)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        summary = strip_tags(self.summary or "").strip()
        context["og"] = {"description": self.search_description or summary[:300]}
        return context

    def clean(self) -> None:
        super().clean()
        if self.effective_date and self.issue_date and self.effective_date < self.issue_date:
            raise ValidationError(
                {"effective_date": _("The effective date cannot be before the date issued.")}
            )
