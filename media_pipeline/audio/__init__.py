"""The audio library's public functions, for other apps (station bulletins, speech, demo):

- `probe(path) -> AudioInfo`: what a file is, read by ffprobe from its content;
- `ingest(file, title=...) -> Audio`: a new library item from a file (checked like an upload),
  its broadcast copy enqueued;
- `concatenate(paths, gap_seconds) -> Path`: recordings joined with silence between them.

Models are imported only when `ingest` runs, so this module loads before the app registry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .ffmpeg import AudioInfo, NotAudio, concatenate, probe

if TYPE_CHECKING:
    from .models import Audio

__all__ = ["AudioInfo", "NotAudio", "concatenate", "ingest", "probe"]


def ingest(file, *, title: str = "", user=None, collection=None) -> Audio:
    """See `media_pipeline.audio.services.ingest`."""
    from .services import ingest as _ingest

    return _ingest(file, title=title, user=user, collection=collection)
