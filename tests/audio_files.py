"""Real audio files for tests in any folder (made by ffmpeg, never checked in)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from media_pipeline.audio import ffmpeg


def make_tone(
    path: Path,
    *,
    seconds: float = 3.0,
    volume_db: float = -10.0,
    lead: float = 0.0,
    tail: float = 0.0,
) -> Path:
    """A sine tone (lavfi's sine is at -18 dBFS before `volume_db`) with silence around it,
    encoded as the suffix says (.wav, .mp3, .m4a, .ogg)."""
    path = Path(path)
    if path.suffix == ".wav":
        return ffmpeg.sine(path, seconds, volume_db=volume_db, lead=lead, tail=tail)
    wav = ffmpeg.sine(
        path.with_suffix(".src.wav"), seconds, volume_db=volume_db, lead=lead, tail=tail
    )
    codec = {
        ".mp3": ["-c:a", "libmp3lame"],
        ".m4a": ["-c:a", "aac"],
        ".ogg": ["-c:a", "libvorbis"],
    }[path.suffix]
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(wav), *codec, str(path)], check=True)
    wav.unlink()
    return path
