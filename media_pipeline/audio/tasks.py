"""The broadcast copy, made in the background (django-tasks): the upload only enqueues it, once
the item is committed; the reader is served the original until the copy is ready."""

from __future__ import annotations

import logging
import os
import tempfile

from django.core.files import File
from django.db import transaction
from django_tasks import task

from .ffmpeg import FFmpegError, NotAudio, broadcast_copy, probe

logger = logging.getLogger(__name__)


def _local_copy(field) -> tuple[str, bool]:
    """A path ffmpeg can read: the file itself on local disk, else a temporary copy (S3)."""
    try:
        return field.path, False
    except NotImplementedError:
        suffix = os.path.splitext(field.name)[1]
        handle, path = tempfile.mkstemp(prefix="lantoa-audio-", suffix=suffix)
        with os.fdopen(handle, "wb") as out, field.open("rb") as source:
            for chunk in source.chunks():
                out.write(chunk)
        return path, True


def make_broadcast_copy_now(audio_id: int) -> str:
    """Makes and stores the broadcast copy of one item; answers its status. A failure is
    recorded on the item (the original is still served), never raised at the editor."""
    from .models import Audio, BroadcastStatus

    audio = Audio.objects.filter(pk=audio_id).first()
    if audio is None or not audio.file:
        return "missing"
    Audio.objects.filter(pk=audio_id).update(broadcast_status=BroadcastStatus.PROCESSING)
    source, temporary = _local_copy(audio.file)
    handle, target = tempfile.mkstemp(prefix="lantoa-broadcast-", suffix=".mp3")
    os.close(handle)
    try:
        loudness = broadcast_copy(source, target)
        info = probe(target, decode=False)
    except (FFmpegError, NotAudio, OSError) as error:
        logger.warning("broadcast copy of audio %s failed: %s", audio_id, error)
        Audio.objects.filter(pk=audio_id).update(
            broadcast_status=BroadcastStatus.FAILED, broadcast_error=str(error)[:2000]
        )
        return BroadcastStatus.FAILED
    finally:
        if temporary:
            os.unlink(source)
    old = audio.broadcast_file.name if audio.broadcast_file else ""
    stem = os.path.splitext(os.path.basename(audio.file.name))[0]
    with open(target, "rb") as handle_in:
        name = audio.broadcast_file.storage.save(
            audio.broadcast_file.field.generate_filename(audio, f"{stem}.mp3"), File(handle_in)
        )
    os.unlink(target)
    Audio.objects.filter(pk=audio_id).update(
        broadcast_file=name,
        broadcast_status=BroadcastStatus.READY,
        broadcast_loudness=round(loudness.integrated, 2),
        broadcast_true_peak=round(loudness.true_peak, 2),
        broadcast_duration=info.duration,
        broadcast_error="",
    )
    if old and old != name:
        audio.broadcast_file.storage.delete(old)
    return BroadcastStatus.READY


@task()
def make_broadcast_copy(audio_id: int) -> str:
    return make_broadcast_copy_now(audio_id)


def enqueue_broadcast_copy(audio_id: int) -> None:
    """After the item is committed (the worker must see it); enqueueing never fails a save."""

    def send() -> None:
        try:
            make_broadcast_copy.enqueue(audio_id)
        except Exception:
            logger.exception("could not enqueue the broadcast copy of audio %s", audio_id)

    transaction.on_commit(send)


def audio_saved(sender, instance, created: bool, **kwargs) -> None:
    """post_save: a new file (status "pending") gets its broadcast copy."""
    if kwargs.get("raw"):
        return
    if instance.type == "audio" and instance.broadcast_status == "pending" and instance.file:
        enqueue_broadcast_copy(instance.pk)
