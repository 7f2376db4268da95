"""A station's daily bulletin: the day's scripts (the rundown's stories, in its order) as one
MP3, `SPEECH_BULLETIN_GAP_SECONDS` of silence between items, for automation systems to fetch
unattended (`/radio/outlet/<id>/bai-tin/<yyyy-mm-dd>.mp3?token=…`, views.bulletin).

Each item is its recorded file when the story has one, else its synthetic read-aloud when that
still reads the current text, else the text rendered now. The built file is named by a
fingerprint of what it holds, so a changed item (a new script, a recording added, a story
published or withdrawn that day) gives a new name, and the next pull builds it again.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.utils import timezone

from . import radio
from .models import Outlet
from .registry import speech, syndicated_pages

logger = logging.getLogger(__name__)

FOLDER = "station-bulletins"
MAX_ITEMS = 100


@dataclass(frozen=True)
class BulletinItem:
    story_id: int
    title: str
    spoken: str  # the script as the voice reads it
    recorded: object = None  # the recorded audio (anything with `.url` and `.file`)
    synthetic: object = None  # the stored read-aloud file, if it reads `spoken`

    @property
    def fingerprint(self) -> str:
        if self.recorded is not None:
            return "r:" + self.recorded.url + ":" + str(getattr(self.recorded, "file_hash", ""))
        return "s:" + speech().source_hash(self.spoken)


def gap_seconds() -> float:
    return float(getattr(settings, "SPEECH_BULLETIN_GAP_SECONDS", 2.0))


def storage():
    """Staff files, never served from /media/: only the tokened URL hands a bulletin out."""
    return storages["private"]


def items_for(outlet: Outlet, day: date) -> list[BulletinItem]:
    """The outlet's scripts of that day, in the rundown's order (views.rundown)."""
    start = timezone.make_aware(datetime.combine(day, time.min))
    provider = syndicated_pages()
    pages = provider.for_channels_between(outlet.channel_codes, start, start + timedelta(days=1))
    entries = provider.feed_entries(pages, MAX_ITEMS)
    dictionary = speech().pronunciation_dictionary()
    result = []
    for page, entry in entries:
        spoken = speech().spoken_text(radio.source_script(page), dictionary)
        current = entry.synthetic_audio_hash == speech().source_hash(spoken)
        result.append(
            BulletinItem(
                story_id=page.pk,
                title=entry.title,
                spoken=spoken,
                recorded=entry.audio,
                synthetic=entry.synthetic_audio if current else None,
            )
        )
    return result


def fingerprint(items: list[BulletinItem]) -> str:
    joined = "\n".join([f"gap:{gap_seconds()}", *(item.fingerprint for item in items)])
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def file_name(outlet_pk: int, day: date, items: list[BulletinItem]) -> str:
    return f"{FOLDER}/outlet-{outlet_pk}/{day.isoformat()}-{fingerprint(items)[:20]}.mp3"


def _read(file) -> bytes:
    file.open("rb")
    try:
        return file.read()
    finally:
        file.close()


def item_audio(item: BulletinItem) -> bytes:
    if item.recorded is not None:
        return _read(item.recorded.file)
    if item.synthetic:
        return _read(item.synthetic)
    return speech().render(item.spoken).mp3


def build(outlet_pk: int, day: date) -> str:
    """Builds the bulletin as it is now and removes that day's older builds; answers the file
    name ("" when the outlet is gone or has nothing that day)."""
    outlet = Outlet.objects.filter(pk=outlet_pk).first()
    if outlet is None or not outlet.is_radio:
        return ""
    items = items_for(outlet, day)
    if not items:
        return ""
    name = file_name(outlet.pk, day, items)
    files = storage()
    if not files.exists(name):
        mp3 = speech().join_with_gaps([item_audio(item) for item in items], gap_seconds())
        name = files.save(name, ContentFile(mp3))
    folder = f"{FOLDER}/outlet-{outlet.pk}"
    try:
        _folders, names = files.listdir(folder)
    except (FileNotFoundError, NotImplementedError):
        names = []
    for old in names:
        if old.startswith(day.isoformat()) and f"{folder}/{old}" != name:
            files.delete(f"{folder}/{old}")
    return name
