"""Campaign officer screens: the dashboard, the reports, an exemplar's timeline and the stage
event correction. Each is a class-based Wagtail admin view served by the viewset of the model it
shows (`wagtail_hooks.CampaignViewSet`, `ParticipationViewSet`), which hands it the model, its
permission policy, the breadcrumbs and the URL names."""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime, time

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from engagement.selectors import reader_figures
from stories.selectors import stories_about_exemplars
from syndication.reach import outlets_reached
from vietnamese.collation import sorted_vietnamese
from vietnamese.slugs import slugify

from .choices import Half, ReportStatus, Stage
from .dashboard import campaign_figures
from .decisions import decision_document
from .forms import StageEventCorrectionForm
from .models import (
    AwardDecision,
    Campaign,
    CampaignReport,
    ExemplarIndexPage,
    Participation,
    StageEvent,
)
from .official import to_html_context, to_pdf
from .official_docx import to_docx
from .reports import report_document, report_filename, report_xlsx
from .spreadsheets import (
    ImportResult,
    export_directory,
    export_participations,
    read_directory,
    read_participations,
    save_directory,
    save_participations,
)
from .tasks import build_report

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Reports (printed, spreadsheet, built in the background): campaign officers, the
# editor-in-chief and administrators (campaigns/0005, 0009), not every reader of campaigns.
REPORT_PERMISSION = "campaigns.view_campaignreport"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
# Campaigns with more participants than this get their spreadsheet from the task worker.
DEFAULT_INLINE_REPORT_LIMIT = 300


def period(request: HttpRequest, campaign: Campaign) -> tuple[int, int]:
    """Year and half from the query string, defaulting to this year inside the period."""
    years = campaign.years()
    today = timezone.localdate().year
    default = today if today in years else years[-1]
    try:
        year = int(request.GET.get("year", default))
        half = int(request.GET.get("half", Half.WHOLE_YEAR))
    except ValueError as error:
        raise Http404 from error
    if year not in years or half not in Half.values:
        raise Http404
    return year, half


class ObjectScreen(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """One object's screen: the permission is checked before the object is looked up, and the
    breadcrumbs lead back through the viewset's listing and the object's edit view."""

    model = None
    permission_required = "view"
    index_url_name = None
    edit_url_name = None

    def get_queryset(self):
        return self.model._default_manager.all()

    @cached_property
    def object(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def breadcrumb_parent(self):
        """The object the screen belongs to, linked to its edit view."""
        return self.object

    def get_breadcrumbs_items(self) -> list[dict]:
        parent = self.breadcrumb_parent()
        items = [*self.breadcrumbs_items]
        if self.index_url_name:
            items.append(
                {
                    "url": reverse(self.index_url_name),
                    "label": parent._meta.verbose_name_plural.capitalize(),
                }
            )
        if self.edit_url_name:
            items.append({"url": reverse(self.edit_url_name, args=[parent.pk]), "label": parent})
        return [*items, {"url": "", "label": self.get_page_title()}]


class DashboardView(ObjectScreen):
    """Targets against achieved, the stage funnel and publicity for one year."""

    template_name = "campaigns/admin/dashboard.html"
    page_title = gettext_lazy("Campaign dashboard")
    header_icon = "table"

    def get_page_subtitle(self) -> str:
        return self.object.title

    def get_header_title(self) -> str:
        return _("Dashboard: %(title)s") % {"title": self.object.title}

    def get_context_data(self, **kwargs) -> dict:
        campaign = self.object
        year, half = period(self.request, campaign)
        figures = campaign_figures(campaign, year, half)
        funnel_top = max((count for _label, count in figures.funnel), default=0) or 1
        return super().get_context_data(
            campaign=campaign,
            figures=figures,
            stages=[str(s.label) for s in Stage],
            funnel=[
                (label, count, round(100 * count / funnel_top)) for label, count in figures.funnel
            ],
            years=campaign.years(),
            halves=Half.choices,
            can_change=self.user_has_permission("change"),
            can_report=self.request.user.has_perm(REPORT_PERMISSION),
            can_import=self.request.user.has_perm("campaigns.add_participation"),
            **kwargs,
        )


class ReportScreen(ObjectScreen):
    """A report screen: anyone signed in without REPORT_PERMISSION gets a 403 that says why
    (Wagtail's own refusal redirects to the dashboard, which tells a download link nothing);
    the admin sends anonymous visitors to its login first."""

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm(REPORT_PERMISSION):
            return forbidden(
                request,
                _("Only campaign officers and the editor-in-chief may read campaign reports."),
            )
        return super().dispatch(request, *args, **kwargs)


def attachment(data: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class PeriodReportView(ReportScreen):
    """?format=html (printable), docx (Word), pdf or xlsx, all from one `report_document`;
    large spreadsheets go to the task worker."""

    template_name = "campaigns/official_document.html"
    report_status_url_name = None
    formats = ("html", "docx", "pdf", "xlsx")

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        campaign = self.object
        year, half = period(request, campaign)
        output = request.GET.get("format", "html")
        if output not in self.formats:
            raise Http404
        if output == "xlsx":
            limit = getattr(settings, "CAMPAIGN_INLINE_REPORT_LIMIT", DEFAULT_INLINE_REPORT_LIMIT)
            if campaign.participations.count() > limit:
                queued = CampaignReport.objects.create(
                    campaign=campaign, year=year, half=half, requested_by=request.user
                )
                build_report.enqueue(queued.pk)
                return redirect(self.report_status_url_name, pk=queued.pk)
        figures = campaign_figures(campaign, year, half)
        document = report_document(figures)
        if output == "xlsx":
            data = report_xlsx(figures, document)
            return attachment(data, XLSX, report_filename(figures))
        if output == "docx":
            return attachment(to_docx(document), DOCX, report_filename(figures, "docx"))
        if output == "pdf":
            return attachment(to_pdf(document), PDF, report_filename(figures, "pdf"))
        return TemplateResponse(
            request,
            self.template_name,
            {
                **to_html_context(document),
                "downloads": [
                    {"url": f"?year={year}&half={half}&format={kind}", "label": label}
                    for kind, label in report_download_labels()
                ],
            },
        )


def report_download_labels() -> list[tuple[str, str]]:
    """The report's files, as the dashboard and the printable page offer them."""
    return [
        ("docx", _("Report (Word)")),
        ("pdf", _("Report (PDF)")),
        ("xlsx", _("Report (Excel)")),
    ]


class DecisionDraftView(ObjectScreen):
    """A draft of the award decision as Word, in the official form, from its exemplars."""

    def get_queryset(self):
        return AwardDecision.objects.select_related("campaign")

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        decision = self.object
        filename = f"quyet-dinh-{slugify(decision.number)}-{decision.decision_date:%Y%m%d}.docx"
        return attachment(to_docx(decision_document(decision)), DOCX, filename)


class ParticipationsExportView(ObjectScreen):
    """The campaign's exemplars as a spreadsheet (the columns the import reads)."""

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        campaign = self.object
        filename = f"diem-hinh-{slugify(campaign.code)}.xlsx"
        return attachment(export_participations(campaign), XLSX, filename)


def forbidden(request: HttpRequest, message: str) -> HttpResponse:
    """A 403 that says why (Wagtail's own refusal redirects to the dashboard)."""
    response = TemplateResponse(
        request, "campaigns/admin/forbidden.html", {"message": message}, status=403
    )
    add_never_cache_headers(response)
    return response


class SpreadsheetImportScreen(ObjectScreen):
    """Upload a spreadsheet, see every row checked, then confirm: a file with any error saves
    nothing. The file waits in the session between the preview and the confirmation, tied to
    the object and to its checksum. Subclasses read and save (campaigns.spreadsheets)."""

    header_icon = "upload"
    max_size = 2 * 1024 * 1024
    session_key = "campaigns-import"

    def read_file(self, data: bytes) -> ImportResult:
        raise NotImplementedError

    def save_file(self, data: bytes) -> ImportResult:
        raise NotImplementedError

    def success(self, result: ImportResult) -> HttpResponse:
        raise NotImplementedError

    def get_header_title(self) -> str:
        return self.get_page_title()

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        scope = [self.model._meta.label_lower, self.object.pk]
        if "confirm" in request.POST:
            stored = request.session.get(self.session_key, {})
            if stored.get("scope") != scope or stored.get("token") != request.POST.get("token"):
                messages.error(request, _("The preview has expired; upload the file again."))
                return HttpResponseRedirect(request.path)
            result = self.save_file(base64.b64decode(stored["data"]))
            if not result.ok:
                return self.render_to_response(self.get_context_data(result=result))
            del request.session[self.session_key]
            return self.success(result)
        upload = request.FILES.get("file")
        if upload is None or upload.size > self.max_size:
            result = ImportResult(errors=[_("Choose an Excel file (.xlsx) of at most 2 MB.")])
            return self.render_to_response(self.get_context_data(result=result))
        data = upload.read()
        result = self.read_file(data)
        token = ""
        if result.ok:
            token = hashlib.sha256(data).hexdigest()
            request.session[self.session_key] = {
                "scope": scope,
                "token": token,
                "data": base64.b64encode(data).decode(),
            }
        return self.render_to_response(self.get_context_data(result=result, token=token))


class ParticipationsImportView(SpreadsheetImportScreen):
    """A campaign's exemplars from Excel. Needs the permission to add participations."""

    template_name = "campaigns/admin/import_participations.html"
    page_title = gettext_lazy("Import exemplars from Excel")
    permission_required = "add"
    participation_index_url_name = "wagtailsnippets_campaigns_participation:list"

    def get_page_subtitle(self) -> str:
        return self.object.title

    def read_file(self, data: bytes) -> ImportResult:
        return read_participations(self.object, data)

    def save_file(self, data: bytes) -> ImportResult:
        return save_participations(self.object, data, by=self.request.user)

    def success(self, result: ImportResult) -> HttpResponse:
        messages.success(
            self.request,
            _("%(count)s exemplars added to the campaign.") % {"count": len(result.rows)},
        )
        return HttpResponseRedirect(
            reverse(self.participation_index_url_name) + f"?campaign={self.object.pk}"
        )

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(
            campaign=self.object,
            export_url=reverse(
                "wagtailsnippets_campaigns_campaign:export_participations", args=[self.object.pk]
            ),
            **kwargs,
        )


class DirectoryScreen(ObjectScreen):
    """A screen of the exemplar directory (its index page): only for those who may add and
    publish profiles under it (campaign officers, the editor-in-chief, administrators). A
    journalist may add one profile for review, not load or read the whole directory's drafts."""

    model = ExemplarIndexPage
    permission_required = None  # a page permission, checked in dispatch
    breadcrumbs_items = [{"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Home")}]

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not self.object.permissions_for_user(request.user).can_publish_subpage():
            return forbidden(
                request,
                _("Only those who may publish exemplar profiles may import or export them."),
            )
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self) -> list[dict]:
        explore = reverse("wagtailadmin_explore", args=[self.object.pk])
        return [
            *self.breadcrumbs_items,
            {"url": explore, "label": self.object.title},
            {"url": "", "label": self.get_page_title()},
        ]


class DirectoryExportView(DirectoryScreen):
    """Every exemplar profile, published or draft, as a spreadsheet."""

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        filename = f"danh-ba-diem-hinh-{timezone.localdate():%Y%m%d}.xlsx"
        return attachment(export_directory(), XLSX, filename)


class DirectoryImportView(DirectoryScreen, SpreadsheetImportScreen):
    """Exemplar profiles from Excel: new names become draft profiles under the directory,
    a name already there in the same place gets a new draft revision."""

    template_name = "campaigns/admin/import_directory.html"
    page_title = gettext_lazy("Import exemplar profiles from Excel")

    def get_page_subtitle(self) -> str:
        return self.object.title

    def read_file(self, data: bytes) -> ImportResult:
        return read_directory(data)

    def save_file(self, data: bytes) -> ImportResult:
        return save_directory(self.object, data, by=self.request.user)

    def success(self, result: ImportResult) -> HttpResponse:
        added = sum(row.exemplar is None for row in result.rows)
        messages.success(
            self.request,
            _("%(added)s draft profiles added, %(updated)s profiles updated as drafts.")
            % {"added": added, "updated": len(result.rows) - added},
        )
        return HttpResponseRedirect(reverse("wagtailadmin_explore", args=[self.object.pk]))

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(
            export_url=reverse("campaigns_directory_export", args=[self.object.pk]), **kwargs
        )


class ReportStatusView(ReportScreen):
    """Progress of a background report; refreshes itself until the file is ready."""

    template_name = "campaigns/admin/report_status.html"
    page_title = gettext_lazy("Campaign report")
    header_icon = "doc-full"
    report_download_url_name = None

    def get_queryset(self):
        return CampaignReport.objects.select_related("campaign")

    def breadcrumb_parent(self):
        return self.object.campaign

    def get_page_subtitle(self) -> str:
        return self.object.campaign.title

    def get_header_title(self) -> str:
        return _("Report in progress")

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(
            report=self.object,
            download_url=reverse(self.report_download_url_name, args=[self.object.pk]),
            **kwargs,
        )


class ReportDownloadView(ReportScreen):
    """The finished spreadsheet of a background report, read from the private storage (it has
    no URL of its own); never kept by a browser or a proxy."""

    def get_queryset(self):
        return CampaignReport.objects.filter(status=ReportStatus.DONE).exclude(file="")

    def get(self, request: HttpRequest, *args, **kwargs) -> FileResponse:
        queued = self.object
        try:
            handle = queued.file.open("rb")
        except FileNotFoundError as error:
            raise Http404 from error
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=queued.file.name.rsplit("/", 1)[-1],
            content_type=XLSX,
        )
        response["Cache-Control"] = "private, no-store"
        return response


class TimelineView(ObjectScreen):
    """One exemplar in one campaign: stages, recognitions, criteria, stories and reach."""

    template_name = "campaigns/admin/timeline.html"
    page_title = gettext_lazy("Exemplar timeline")
    header_icon = "history"

    def get_queryset(self):
        return Participation.objects.select_related(
            "campaign", "exemplar__locality"
        ).prefetch_related(
            "stage_events__recorded_by",
            "stage_events__corrections__recorded_by",
            "recognitions",
            "assessments__criterion",
        )

    def get_page_subtitle(self) -> str:
        return self.object.exemplar.title

    def get_header_title(self) -> str:
        return self.object.exemplar.title

    def get_context_data(self, **kwargs) -> dict:
        participation = self.object
        exemplar_id = participation.exemplar_id
        stories = stories_about_exemplars([exemplar_id])[exemplar_id]
        # Since the campaign began: outlets from syndication, readers from engagement's roll-ups.
        start, today = participation.campaign.start_date, timezone.localdate()
        since = timezone.make_aware(datetime.combine(start, time.min))
        reached = outlets_reached(stories, since=since)
        story_readers = reader_figures(
            story_ids=[story.pk for story in stories], start=start, end=today
        )
        story_rows = []
        for story in stories:
            readers = story_readers[story.pk]
            readers.outlets = len(reached.get(story.pk, []))
            story_rows.append((story, [item.outlet for item in reached.get(story.pk, [])], readers))
        outlets = {o.pk: o for _s, items, _r in story_rows for o in items}
        exemplar_readers = reader_figures(exemplar_ids=[exemplar_id], start=start, end=today)[
            exemplar_id
        ]
        exemplar_readers.outlets = len(outlets)
        assessed = {a.criterion_id: a for a in participation.assessments.all()}
        criteria = [(c, assessed.get(c.pk)) for c in participation.campaign.criteria.all()]
        events = [("stage", e.effective_on, e) for e in participation.stage_events.all()]
        events += [("recognition", r.decision_date, r) for r in participation.recognitions.all()]
        events += [("story", story.sort_date.date(), story) for story in stories]
        events.sort(key=lambda item: (item[1], item[0] != "stage"))
        return super().get_context_data(
            participation=participation,
            exemplar=participation.exemplar,
            events=events,
            criteria=criteria,
            story_rows=story_rows,
            outlets=sorted_vietnamese(outlets.values(), key=lambda o: o.name),
            outlet_count=len(outlets),
            can_correct=self.request.user.has_perm("campaigns.add_stageeventcorrection"),
            readers=exemplar_readers,
            since=start,
            **kwargs,
        )


class CorrectStageEventView(ObjectScreen):
    """Put right the day of a stage event typed wrong: a correction (who, when, why) is added;
    the event and its first day stay in the history."""

    template_name = "campaigns/admin/correct_stage_event.html"
    page_title = gettext_lazy("Correct a stage date")
    header_icon = "history"
    permission_required = None  # correcting needs its own permission, checked in dispatch
    timeline_url_name = None

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm("campaigns.add_stageeventcorrection"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return StageEvent.objects.select_related(
            "participation__exemplar", "participation__campaign", "recorded_by"
        ).prefetch_related("corrections__recorded_by")

    def breadcrumb_parent(self):
        return self.object.participation

    def get_page_subtitle(self) -> str:
        return self.object.participation.exemplar.title

    def get_header_title(self) -> str:
        return self.get_page_title()

    @cached_property
    def form(self) -> StageEventCorrectionForm:
        return StageEventCorrectionForm(self.request.POST or None, event=self.object)

    def get_context_data(self, **kwargs) -> dict:
        return super().get_context_data(
            event=self.object,
            participation=self.object.participation,
            form=self.form,
            media=self.form.media,
            **kwargs,
        )

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        event = self.object
        if not self.form.is_valid():
            return self.get(request, *args, **kwargs)
        correction = event.correct(
            self.form.cleaned_data["corrected_on"],
            reason=self.form.cleaned_data["reason"],
            by=request.user,
        )
        messages.success(
            request,
            _("Date of %(stage)s corrected: %(old)s → %(new)s.")
            % {
                "stage": event.get_stage_display(),
                "old": correction.previous_on.strftime("%d/%m/%Y"),
                "new": correction.corrected_on.strftime("%d/%m/%Y"),
            },
        )
        return HttpResponseRedirect(reverse(self.timeline_url_name, args=[event.participation_id]))
