"""Reports built in the background (progress for the waiting officer, then the file)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.storage import private_storage

from ..choices import Half, ReportStatus
from .pipeline import Campaign


class CampaignReport(models.Model):
    """A report generated in the background: progress for the waiting officer, then the file."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="reports"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    half = models.PositiveSmallIntegerField(_("period"), choices=Half.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    # Staff only: in the private storage, sent by the download view that checks permission.
    file = models.FileField(
        _("file"), upload_to="campaign-reports/", storage=private_storage, blank=True
    )
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("report", "requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)

    class Meta:
        verbose_name = _("campaign report")
        verbose_name_plural = _("campaign reports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.campaign.code} {self.year}/{self.half}"
