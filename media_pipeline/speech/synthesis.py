"""The public entry point of speech for other apps: text in, an MP3 and its length out.

Stories (read-aloud) and syndication (station bulletins) call `render`, `spoken_text` and
`join_with_gaps`; neither knows which engine speaks (`SPEECH_ENGINE`).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import audio
from .engines import SpeechError, get_engine
from .pronunciation import dictionary as pronunciation_dictionary
from .pronunciation import source_hash, spoken_text

__all__ = [
    "RenderedSpeech",
    "SpeechError",
    "join_with_gaps",
    "pronunciation_dictionary",
    "render",
    "source_hash",
    "speak",
    "spoken_text",
]  # fmt: skip

join_with_gaps = audio.join_with_gaps


@dataclass(frozen=True)
class RenderedSpeech:
    mp3: bytes
    duration: float  # seconds, from ffprobe
    source_hash: str  # of the spoken text


def speak(text: str) -> bytes:
    """The configured engine's audio for text that is already spoken text (WAV or MP3)."""
    return get_engine().speak(text)


def render(spoken: str) -> RenderedSpeech:
    """Spoken text (`spoken_text(...)`) as MP3 by the configured engine; raises SpeechError."""
    if not spoken.strip():
        raise SpeechError("There is no text to read.")
    mp3 = audio.to_mp3(speak(spoken))
    return RenderedSpeech(mp3, audio.duration_of(mp3), source_hash(spoken))
