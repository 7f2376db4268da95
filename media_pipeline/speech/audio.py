"""ffmpeg and ffprobe for synthetic speech: engine output to MP3, durations, and a bulletin
joined from several files with silence between them."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _

from .engines import SpeechError

SAMPLE_RATE = 22050  # espeak-ng's own rate; voices are mono
MP3_QUALITY = "5"  # LAME VBR ~130 kb/s: speech stays clear, a 3-minute story is ~3 MB
TIMEOUT = 600


def _ffmpeg(arguments: list[str]) -> None:
    command = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y", *arguments]
    try:
        subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=True)
    except FileNotFoundError as error:
        raise SpeechError(
            _("The speech program %(program)s is not installed.") % {"program": "ffmpeg"}
        ) from error
    except subprocess.CalledProcessError as error:
        detail = error.stderr.decode("utf-8", "replace").strip()[:500]
        message = _("The speech program failed: %(detail)s") % {"detail": detail}
        raise SpeechError(message) from error


def _mp3_output(path: Path) -> list[str]:
    return ["-ac", "1", "-ar", str(SAMPLE_RATE), "-codec:a", "libmp3lame", "-q:a", MP3_QUALITY,
            "-f", "mp3", str(path)]  # fmt: skip


def to_mp3(audio: bytes) -> bytes:
    """Any audio ffmpeg reads (the engines answer WAV or MP3) as mono MP3."""
    with tempfile.TemporaryDirectory(prefix="lantoa-speech-") as folder:
        source, target = Path(folder) / "in", Path(folder) / "out.mp3"
        source.write_bytes(audio)
        _ffmpeg(["-i", str(source), *_mp3_output(target)])
        return target.read_bytes()


def duration_seconds(path: str | Path) -> float:
    """The length of an audio file, read by ffprobe (0.0 when it cannot tell)."""
    result = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
         str(path)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    try:
        return float(result.stdout.strip())
    except ValueError:
        return 0.0


def duration_of(audio: bytes) -> float:
    with tempfile.NamedTemporaryFile(prefix="lantoa-speech-", suffix=".mp3") as handle:
        handle.write(audio)
        handle.flush()
        return duration_seconds(handle.name)


def join_with_gaps(parts: list[bytes], gap_seconds: float) -> bytes:
    """One MP3 of every part in order, `gap_seconds` of silence between two parts.

    The concat filter (not the concat demuxer) takes parts of any format and rate: a recorded
    WAV at 48 kHz and a synthetic MP3 at 22 kHz join cleanly.
    """
    if not parts:
        raise ValueError("join_with_gaps needs at least one part")
    with tempfile.TemporaryDirectory(prefix="lantoa-bulletin-") as folder:
        inputs, chains, labels = [], [], []
        normal = f"aresample={SAMPLE_RATE},aformat=sample_fmts=fltp:channel_layouts=mono"
        for number, audio in enumerate(parts):
            path = Path(folder) / f"part-{number}"
            path.write_bytes(audio)
            inputs += ["-i", str(path)]
            chains.append(f"[{number}:a]{normal}[p{number}]")
            labels.append(f"[p{number}]")
            if number < len(parts) - 1:
                chains.append(
                    f"anullsrc=r={SAMPLE_RATE}:cl=mono,atrim=duration={gap_seconds},"
                    f"{normal}[g{number}]"
                )
                labels.append(f"[g{number}]")
        graph = ";".join(chains) + ";" + "".join(labels) + f"concat=n={len(labels)}:v=0:a=1[out]"
        target = Path(folder) / "bulletin.mp3"
        _ffmpeg([*inputs, "-filter_complex", graph, "-map", "[out]", *_mp3_output(target)])
        return target.read_bytes()
