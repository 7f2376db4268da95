"""Campaign officer screens: the dashboard, an exemplar's timeline and the reports."""

from __future__ import annotations

from datetime import datetime, time

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

import engagement
from stories.selectors import stories_about_exemplars
from syndication.reach import outlets_reached
from vietnamese.collation import sorted_vietnamese

from .dashboard import campaign_figures
from .forms import StageEventCorrectionForm
from .models import Campaign, CampaignReport, Half, Participation, Stage, StageEvent
from .reports import report_context, report_filename, report_xlsx
from .tasks import build_report

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Campaigns with more participants than this get their spreadsheet from the task worker.
DEFAULT_INLINE_REPORT_LIMIT = 300


def _require(request: HttpRequest, codename: str) -> None:
    if not request.user.has_perm(f"campaigns.{codename}"):
        raise PermissionDenied


def _period(request: HttpRequest, campaign: Campaign) -> tuple[int, int]:
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


def dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    """Targets against achieved, the stage funnel and publicity for one year."""
    _require(request, "view_campaign")
    campaign = get_object_or_404(Campaign, pk=pk)
    year, half = _period(request, campaign)
    figures = campaign_figures(campaign, year, half)
    funnel_top = max((count for _label, count in figures.funnel), default=0) or 1
    return render(
        request,
        "campaigns/admin/dashboard.html",
        {
            "campaign": campaign,
            "figures": figures,
            "stages": [str(s.label) for s in Stage],
            "funnel": [
                (label, count, round(100 * count / funnel_top)) for label, count in figures.funnel
            ],
            "years": campaign.years(),
            "halves": Half.choices,
            "can_change": request.user.has_perm("campaigns.change_campaign"),
            "header_title": _("Bảng theo dõi: %(title)s") % {"title": campaign.title},
            "page_title": _("Bảng theo dõi phong trào"),
            "page_subtitle": campaign.title,
            "header_icon": "table",
        },
    )


def timeline(request: HttpRequest, pk: int) -> HttpResponse:
    """One exemplar in one campaign: stages, recognitions, criteria, stories and reach."""
    _require(request, "view_participation")
    participation = get_object_or_404(
        Participation.objects.select_related("campaign", "exemplar__locality").prefetch_related(
            "stage_events__recorded_by",
            "stage_events__corrections__recorded_by",
            "recognitions",
            "assessments__criterion",
        ),
        pk=pk,
    )
    exemplar_id = participation.exemplar_id
    stories = stories_about_exemplars([exemplar_id])[exemplar_id]
    # Since the campaign began: outlets from syndication, readers from engagement's roll-ups.
    start, today = participation.campaign.start_date, timezone.localdate()
    since = timezone.make_aware(datetime.combine(start, time.min))
    reached = outlets_reached(stories, since=since)
    story_readers = engagement.reader_figures(
        story_ids=[story.pk for story in stories], start=start, end=today
    )
    story_rows = []
    for story in stories:
        readers = story_readers[story.pk]
        readers.outlets = len(reached.get(story.pk, []))
        story_rows.append((story, [item.outlet for item in reached.get(story.pk, [])], readers))
    outlets = {o.pk: o for _s, items, _r in story_rows for o in items}
    exemplar = engagement.reader_figures(exemplar_ids=[exemplar_id], start=start, end=today)
    exemplar_readers = exemplar[exemplar_id]
    exemplar_readers.outlets = len(outlets)
    assessed = {a.criterion_id: a for a in participation.assessments.all()}
    criteria = [(c, assessed.get(c.pk)) for c in participation.campaign.criteria.all()]
    events = [("stage", e.effective_on, e) for e in participation.stage_events.all()]
    events += [("recognition", r.decision_date, r) for r in participation.recognitions.all()]
    events += [("story", story.sort_date.date(), story) for story in stories]
    events.sort(key=lambda item: (item[1], item[0] != "stage"))
    return render(
        request,
        "campaigns/admin/timeline.html",
        {
            "participation": participation,
            "exemplar": participation.exemplar,
            "events": events,
            "criteria": criteria,
            "story_rows": story_rows,
            "outlets": sorted_vietnamese(outlets.values(), key=lambda o: o.name),
            "outlet_count": len(outlets),
            "can_correct": request.user.has_perm("campaigns.add_stageeventcorrection"),
            "readers": exemplar_readers,
            "since": start,
            "header_title": participation.exemplar.title,
            "page_title": _("Quá trình điển hình"),
            "page_subtitle": participation.exemplar.title,
            "header_icon": "history",
        },
    )


def correct_stage_event(request: HttpRequest, pk: int) -> HttpResponse:
    """Put right the day of a stage event typed wrong: a correction (who, when, why) is added;
    the event and its first day stay in the history."""
    _require(request, "add_stageeventcorrection")
    event = get_object_or_404(
        StageEvent.objects.select_related(
            "participation__exemplar", "participation__campaign", "recorded_by"
        ).prefetch_related("corrections__recorded_by"),
        pk=pk,
    )
    participation = event.participation
    form = StageEventCorrectionForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        correction = event.correct(
            form.cleaned_data["corrected_on"], reason=form.cleaned_data["reason"], by=request.user
        )
        messages.success(
            request,
            _("Đã đính chính ngày %(stage)s: %(old)s → %(new)s.")
            % {
                "stage": event.get_stage_display(),
                "old": correction.previous_on.strftime("%d/%m/%Y"),
                "new": correction.corrected_on.strftime("%d/%m/%Y"),
            },
        )
        return redirect("campaigns_timeline", pk=participation.pk)
    return render(
        request,
        "campaigns/admin/correct_stage_event.html",
        {
            "event": event,
            "participation": participation,
            "form": form,
            "media": form.media,
            "header_title": _("Đính chính ngày chuyển giai đoạn"),
            "page_title": _("Đính chính ngày chuyển giai đoạn"),
            "page_subtitle": participation.exemplar.title,
            "header_icon": "history",
        },
    )


def report(request: HttpRequest, pk: int) -> HttpResponse:
    """?format=html (printable) or xlsx; large spreadsheets go to the task worker."""
    _require(request, "view_campaign")
    campaign = get_object_or_404(Campaign, pk=pk)
    year, half = _period(request, campaign)
    output = request.GET.get("format", "html")
    if output == "xlsx":
        limit = getattr(settings, "CAMPAIGN_INLINE_REPORT_LIMIT", DEFAULT_INLINE_REPORT_LIMIT)
        if campaign.participations.count() > limit:
            queued = CampaignReport.objects.create(
                campaign=campaign, year=year, half=half, requested_by=request.user
            )
            build_report.enqueue(queued.pk)
            return redirect("campaigns_report_status", pk=queued.pk)
        figures = campaign_figures(campaign, year, half)
        response = HttpResponse(report_xlsx(figures), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{report_filename(figures)}"'
        return response
    if output != "html":
        raise Http404
    figures = campaign_figures(campaign, year, half)
    return render(request, "campaigns/report_print.html", report_context(figures))


def report_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Progress of a background report; refreshes itself until the file is ready."""
    _require(request, "view_campaign")
    queued = get_object_or_404(CampaignReport.objects.select_related("campaign"), pk=pk)
    return render(
        request,
        "campaigns/admin/report_status.html",
        {
            "report": queued,
            "download_url": reverse("campaigns_report_download", args=[queued.pk]),
            "header_title": _("Báo cáo đang lập"),
            "page_title": _("Báo cáo phong trào"),
            "page_subtitle": queued.campaign.title,
            "header_icon": "doc-full",
        },
    )


def report_download(request: HttpRequest, pk: int) -> FileResponse:
    _require(request, "view_campaign")
    queued = get_object_or_404(CampaignReport, pk=pk, status=CampaignReport.Status.DONE)
    return FileResponse(
        queued.file.open("rb"),
        as_attachment=True,
        filename=queued.file.name.rsplit("/", 1)[-1],
        content_type=XLSX,
    )
