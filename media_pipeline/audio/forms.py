"""The audio library's upload and edit form (WAGTAILMEDIA["MEDIA_FORM_BASE"]): the admin's
add and edit views and the chooser's upload tab all use it.

wagtailmedia checks only the file name's extension; here the content is read by ffprobe and
decoded to the end, so a renamed text file or a cut-off upload is refused in Vietnamese and
nothing is saved. What the file is (duration, bit rate, sample rate, channels) is read, not
typed."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from wagtailmedia.forms import BaseMediaForm

from .intake import read_upload


class AudioForm(BaseMediaForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._info = None
        if "file" in self.fields and self.instance.type == "audio":
            self.fields["file"].help_text = gettext(
                "MP3, M4A, OGG or WAV. The length and sound quality are read from the file."
            )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            if self.instance.type != "audio":
                raise ValidationError(
                    gettext("Only audio can be added to the audio library."), code="not_audio"
                )
            self._info = read_upload(upload)
        return upload

    def save(self, commit: bool = True):
        instance = super().save(commit=False)
        if self._info is not None:
            info = self._info
            instance.duration = info.duration
            instance.bitrate = info.bitrate
            instance.sample_rate = info.sample_rate
            instance.channels = info.channels
            instance.audio_format = info.format
            instance.broadcast_status = "pending"
        if commit:
            instance.save()
            self.save_m2m()
        return instance
