"""Reading an upload as audio: ffprobe sees the content, whatever the file is called."""

from __future__ import annotations

import os
import shutil
import tempfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from .ffmpeg import AudioInfo, NotAudio, probe


def not_audio_error() -> ValidationError:
    return ValidationError(
        gettext(
            "This file is not a usable audio recording (it may be another kind of file renamed, "
            "or the upload was cut off). Upload an MP3, M4A, OGG or WAV file that plays to the "
            "end."
        ),
        code="not_audio",
    )


def read_upload(upload) -> AudioInfo:
    """Probes an uploaded file (in memory or on disk) and decodes it to the end; raises the
    Vietnamese ValidationError if it is not audio we accept."""
    path = getattr(upload, "temporary_file_path", None)
    if callable(path):
        return _probe(path())
    suffix = os.path.splitext(getattr(upload, "name", "") or "")[1][:10]
    with tempfile.NamedTemporaryFile(prefix="lantoa-upload-", suffix=suffix) as copy:
        upload.seek(0)
        shutil.copyfileobj(upload, copy)
        copy.flush()
        upload.seek(0)
        return _probe(copy.name)


def _probe(path: str) -> AudioInfo:
    try:
        return probe(path)
    except (NotAudio, OSError) as error:
        raise not_audio_error() from error
