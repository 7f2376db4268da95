"""The audio library's item (WAGTAILMEDIA["MEDIA_MODEL"]): wagtailmedia's media, plus what the
file is (read by ffprobe on upload, never typed) and its broadcast copy."""

from __future__ import annotations

import os

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtailmedia.models import AbstractMedia


class BroadcastStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    PROCESSING = "processing", _("Processing")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class Audio(AbstractMedia):
    file = models.FileField(upload_to="audio", verbose_name=_("file"))
    bitrate = models.PositiveIntegerField(_("bit rate (bits per second)"), default=0)
    sample_rate = models.PositiveIntegerField(_("sample rate (Hz)"), default=0)
    channels = models.PositiveSmallIntegerField(_("channels"), default=0)
    audio_format = models.CharField(_("format"), max_length=8, blank=True)
    broadcast_file = models.FileField(
        _("broadcast copy"), upload_to="audio/broadcast", blank=True, editable=False
    )
    broadcast_status = models.CharField(
        _("broadcast copy"),
        max_length=12,
        choices=BroadcastStatus.choices,
        default=BroadcastStatus.PENDING,
        editable=False,
    )
    broadcast_loudness = models.FloatField(_("loudness (LUFS)"), null=True, editable=False)
    broadcast_true_peak = models.FloatField(_("true peak (dBTP)"), null=True, editable=False)
    broadcast_duration = models.FloatField(_("broadcast copy duration"), null=True, editable=False)
    broadcast_error = models.TextField(blank=True, editable=False)
    # The Wagtail document this item was made from (stories' audio blocks before the library):
    # old revisions that still name the document find the item through it.
    source_document_id = models.PositiveIntegerField(null=True, blank=True, editable=False)

    admin_form_fields = ("title", "file", "collection", "tags")

    class Meta(AbstractMedia.Meta):
        verbose_name = _("audio")
        verbose_name_plural = _("audio")

    @property
    def url(self) -> str:
        """The public address (`/am-thanh/<id>/<name>`, byte ranges): the broadcast copy once
        it is ready, the original until then."""
        return reverse("audio_serve", args=(self.pk, self.served_filename))

    @property
    def served_file(self):
        if self.broadcast_status == BroadcastStatus.READY and self.broadcast_file:
            return self.broadcast_file
        return self.file

    @property
    def served_filename(self) -> str:
        return os.path.basename(self.served_file.name or "") or "audio"

    @property
    def served_duration(self) -> float:
        if self.served_file is self.broadcast_file and self.broadcast_duration:
            return self.broadcast_duration
        return self.duration or 0.0

    @property
    def served_mime_type(self) -> str:
        if self.served_file is self.broadcast_file:
            return "audio/mpeg"
        return MIME_TYPES.get(self.audio_format) or "application/octet-stream"

    @property
    def served_size(self) -> int:
        try:
            return self.served_file.size
        except (OSError, ValueError):
            return 0


MIME_TYPES = {"mp3": "audio/mpeg", "m4a": "audio/mp4", "ogg": "audio/ogg", "wav": "audio/wav"}
