"""Reports built in the background (progress for the waiting officer, then the file)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage

from ..choices import Half, ReportStatus
from .pipeline import Campaign


class CampaignReport(models.Model):
    """A report generated in the background: progress for the waiting officer, then the file."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("phong trào"), on_delete=models.CASCADE, related_name="reports"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    half = models.PositiveSmallIntegerField(_("kỳ"), choices=Half.choices)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    # Staff only: in the private storage, sent by the download view that checks permission.
    file = models.FileField(
        _("tệp"), upload_to="campaign-reports/", storage=private_storage, blank=True
    )
    error = models.TextField(_("lỗi"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người yêu cầu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("thời điểm yêu cầu"), auto_now_add=True)

    class Meta:
        verbose_name = _("báo cáo phong trào")
        verbose_name_plural = _("báo cáo phong trào")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.campaign.code} {self.year}/{self.half}"
