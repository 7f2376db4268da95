"""Large reports are built by the task worker; the officer watches their progress."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django_tasks import task

from .choices import ReportStatus
from .dashboard import campaign_figures
from .models import CampaignReport
from .reports import report_filename, report_xlsx


@task()
def build_report(report_id: int) -> None:
    """Fill a CampaignReport's spreadsheet, saving progress as the figures are gathered."""
    report = CampaignReport.objects.select_related("campaign").get(pk=report_id)

    def progress(percent: int) -> None:
        CampaignReport.objects.filter(pk=report_id).update(
            progress=min(percent, 95), status=ReportStatus.RUNNING
        )

    try:
        figures = campaign_figures(report.campaign, report.year, report.half, progress=progress)
        data = report_xlsx(figures)
    except Exception as error:
        CampaignReport.objects.filter(pk=report_id).update(
            status=ReportStatus.FAILED, error=str(error)
        )
        raise
    report.file.save(report_filename(figures), ContentFile(data), save=False)
    report.status = ReportStatus.DONE
    report.progress = 100
    report.save(update_fields=["file", "status", "progress"])
