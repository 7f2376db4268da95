"""Adding audio from code (the demo, a bulletin builder, the story migration)."""

from __future__ import annotations

import os

from django.core.files import File
from django.db import transaction
from wagtail.models import Collection

from .intake import read_upload
from .models import Audio, BroadcastStatus


def ingest(file, *, title: str = "", user=None, collection=None) -> Audio:
    """A new audio item from a file object or a path: read by ffprobe first (raises the same
    Vietnamese ValidationError as the upload form, and saves nothing, if it is not audio);
    its broadcast copy is enqueued when the transaction commits."""
    if isinstance(file, str | os.PathLike):
        with open(file, "rb") as handle:
            return ingest(
                File(handle, name=os.path.basename(file)),
                title=title,
                user=user,
                collection=collection,
            )
    info = read_upload(file)
    name = os.path.basename(getattr(file, "name", "") or f"audio.{info.format}")
    audio = Audio(
        title=title or os.path.splitext(name)[0],
        type="audio",
        collection=collection or Collection.get_first_root_node(),
        uploaded_by_user=user,
        duration=info.duration,
        bitrate=info.bitrate,
        sample_rate=info.sample_rate,
        channels=info.channels,
        audio_format=info.format,
        broadcast_status=BroadcastStatus.PENDING,
    )
    with transaction.atomic():
        file.seek(0)
        audio.file.save(name, file, save=False)
        audio.save()
    return audio
