"""ffmpeg and ffprobe (Debian's `ffmpeg` package), as the audio library needs them.

Pure functions on paths, no Django: reading what a file is (`probe`), checking it decodes to
the end, the broadcast copy (two-pass EBU R128 loudness normalisation with leading and trailing
silence cut), measuring loudness, and joining recordings with a short silence between them.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

FFMPEG = "ffmpeg"
FFPROBE = "ffprobe"

# ffprobe's format names for the containers we accept: MP3, M4A (MP4 audio), OGG, WAV.
ACCEPTED_FORMATS = {"mp3": "mp3", "mov": "m4a", "mp4": "m4a", "m4a": "m4a", "ogg": "ogg"}
ACCEPTED_FORMATS["wav"] = "wav"

# The broadcast copy's targets (EBU R128 for podcasts / spoken word).
TARGET_I = -16.0  # LUFS integrated
TARGET_TP = -1.0  # dBTP true peak
TARGET_LRA = 11.0  # LU loudness range
SILENCE_THRESHOLD = "-50dB"
SILENCE_MIN_SECONDS = 0.3
SILENCE_KEPT_SECONDS = 0.1  # left at each end so words do not start abruptly
BROADCAST_SAMPLE_RATE = 44100
BROADCAST_BITRATE = "128k"
# A decoded length this far below the header's says the file was cut off.
TRUNCATION_RATIO = 0.95


class NotAudio(ValueError):
    """The file is not audio we accept, or it does not decode to the end."""


class FFmpegError(RuntimeError):
    """ffmpeg failed on a file that probed as audio."""


@dataclass(frozen=True)
class AudioInfo:
    """What an audio file is: seconds, bits per second, samples per second, channels."""

    duration: float
    bitrate: int
    sample_rate: int
    channels: int
    format: str  # "mp3", "m4a", "ogg" or "wav"
    codec: str


@dataclass(frozen=True)
class Loudness:
    integrated: float  # LUFS
    true_peak: float  # dBTP
    lra: float  # LU
    threshold: float  # LUFS


def _run(args: list[str], *, timeout: float = 3600) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False)


def _number(value, default=0.0) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def decoded_seconds(path: str | Path) -> float:
    """Decodes the first audio stream to the end (stopping at the first error) and answers its
    length in seconds; a truncated or corrupt file raises NotAudio."""
    result = _run(
        [
            FFMPEG,
            "-nostdin",
            "-v",
            "error",
            "-xerror",
            "-i",
            str(path),
            "-map",
            "0:a:0",
            "-f",
            "null",
            "-",
            "-progress",
            "pipe:1",
            "-nostats",
        ]
    )
    if result.returncode != 0:
        raise NotAudio(result.stderr.strip()[-500:] or "decoding failed")
    times = re.findall(r"^out_time_us=(\d+)$", result.stdout, flags=re.MULTILINE)
    return int(times[-1]) / 1_000_000 if times else 0.0


def probe(path: str | Path, *, decode: bool = True) -> AudioInfo:
    """What the file is, read from its content (never its name). Raises NotAudio for anything
    that is not MP3, M4A, OGG or WAV with an audio stream, or (with `decode`) that does not
    decode to the end: a renamed text file, a cut-off upload."""
    result = _run(
        [FFPROBE, "-v", "error", "-show_format", "-show_streams", "-of", "json", str(path)],
        timeout=120,
    )
    if result.returncode != 0:
        raise NotAudio(result.stderr.strip()[-500:] or "not a media file")
    try:
        data = json.loads(result.stdout or "{}")
    except json.JSONDecodeError as error:
        raise NotAudio("unreadable probe output") from error
    fmt = data.get("format") or {}
    names = (fmt.get("format_name") or "").split(",")
    kind = next((ACCEPTED_FORMATS[name] for name in names if name in ACCEPTED_FORMATS), None)
    streams = data.get("streams") or []
    audio = [stream for stream in streams if stream.get("codec_type") == "audio"]
    video = [
        stream
        for stream in streams
        if stream.get("codec_type") == "video"
        and not (stream.get("disposition") or {}).get("attached_pic")
    ]
    if kind is None or not audio or video:
        raise NotAudio(f"not an accepted audio file: {fmt.get('format_name')}")
    stream = audio[0]
    duration = _number(fmt.get("duration")) or _number(stream.get("duration"))
    if decode:
        seconds = decoded_seconds(path)
        if seconds <= 0:
            raise NotAudio("no audio decoded")
        estimated = "Estimating duration from bitrate" in result.stderr
        if duration and not estimated and seconds < duration * TRUNCATION_RATIO:
            raise NotAudio(f"decodes {seconds:.2f} s of {duration:.2f} s: truncated")
        duration = seconds
    if duration <= 0:
        raise NotAudio("no duration")
    return AudioInfo(
        duration=round(duration, 3),
        bitrate=int(_number(fmt.get("bit_rate")) or _number(stream.get("bit_rate"))),
        sample_rate=int(_number(stream.get("sample_rate"))),
        channels=int(_number(stream.get("channels"))),
        format=kind,
        codec=stream.get("codec_name") or "",
    )


def _loudnorm_json(stderr: str) -> dict:
    """loudnorm's print_format=json block: the last {...} in ffmpeg's log."""
    match = re.search(r"\{[^{}]*\"input_i\"[^{}]*\}", stderr, flags=re.DOTALL)
    if not match:
        raise FFmpegError("loudnorm printed no measurement")
    return json.loads(match.group(0))


def _loudnorm(**options) -> str:
    base = {"I": TARGET_I, "TP": TARGET_TP, "LRA": TARGET_LRA, **options, "print_format": "json"}
    return "loudnorm=" + ":".join(f"{key}={value}" for key, value in base.items())


def measure_loudness(path: str | Path) -> Loudness:
    """Integrated loudness, true peak and loudness range (ffmpeg's loudnorm, measuring only)."""
    result = _run(
        [FFMPEG, "-nostdin", "-hide_banner", "-i", str(path), "-af", _loudnorm(), "-f", "null", "-"]
    )
    if result.returncode != 0:
        raise FFmpegError(result.stderr.strip()[-500:])
    data = _loudnorm_json(result.stderr)
    return Loudness(
        integrated=_number(data["input_i"]),
        true_peak=_number(data["input_tp"]),
        lra=_number(data["input_lra"]),
        threshold=_number(data["input_thresh"]),
    )


def _sound_bounds(stderr: str, duration: float) -> tuple[float, float]:
    """Where the sound starts and ends, from silencedetect's log: a silence starting at 0 is
    leading, one that never ends (or ends at the end) is trailing; pauses between are kept."""
    starts = [float(x) for x in re.findall(r"silence_start: (-?[\d.]+)", stderr)]
    ends = [float(x) for x in re.findall(r"silence_end: (-?[\d.]+)", stderr)]
    begin, finish = 0.0, duration
    if starts and starts[0] <= 0.05 and ends:
        begin = max(0.0, ends[0] - SILENCE_KEPT_SECONDS)
    if starts and (len(ends) < len(starts) or ends[-1] >= duration - 0.05):
        last_start = starts[-1]
        if last_start > begin:
            finish = min(duration, last_start + SILENCE_KEPT_SECONDS)
    if finish - begin < 2 * SILENCE_KEPT_SECONDS + 0.1:
        return 0.0, duration  # all below the threshold: a quiet recording, not silence
    return begin, finish


def broadcast_copy(source: str | Path, target: str | Path) -> Loudness:
    """Writes the broadcast copy of `source` to `target` (MP3) and answers its measured loudness.

    Pass 1 measures the loudness (loudnorm) and finds the leading and trailing silence
    (silencedetect) in one decode; pass 2 cuts that silence (atrim) and applies loudnorm with
    the measured values, so the whole recording gets one gain where it can (linear mode)."""
    source, target = str(source), str(target)
    duration = decoded_seconds(source)
    detect = f"silencedetect=noise={SILENCE_THRESHOLD}:d={SILENCE_MIN_SECONDS}"
    first = _run(
        [
            FFMPEG,
            "-nostdin",
            "-hide_banner",
            "-i",
            source,
            "-map",
            "0:a:0",
            "-af",
            f"{detect},{_loudnorm()}",
            "-f",
            "null",
            "-",
        ]
    )
    if first.returncode != 0:
        raise FFmpegError(first.stderr.strip()[-500:])
    measured = _loudnorm_json(first.stderr)
    begin, finish = _sound_bounds(first.stderr, duration)
    if float(measured["input_i"]) == float("-inf") or measured["input_i"] in ("-inf", "inf"):
        raise FFmpegError("the recording is silent")
    apply = _loudnorm(
        measured_I=measured["input_i"],
        measured_TP=measured["input_tp"],
        measured_LRA=measured["input_lra"],
        measured_thresh=measured["input_thresh"],
        offset=measured["target_offset"],
        linear="true",
    )
    chain = f"atrim=start={begin:.3f}:end={finish:.3f},asetpts=PTS-STARTPTS,{apply}"
    second = _run(
        [
            FFMPEG,
            "-nostdin",
            "-hide_banner",
            "-y",
            "-i",
            source,
            "-map",
            "0:a:0",
            "-af",
            chain,
            "-ar",
            str(BROADCAST_SAMPLE_RATE),
            "-c:a",
            "libmp3lame",
            "-b:a",
            BROADCAST_BITRATE,
            "-map_metadata",
            "-1",
            "-f",
            "mp3",
            target,
        ]
    )
    if second.returncode != 0:
        raise FFmpegError(second.stderr.strip()[-500:])
    return measure_loudness(target)


def concatenate(
    paths: Sequence[str | Path], gap_seconds: float = 1.0, output: str | Path | None = None
) -> Path:
    """Joins recordings in order with `gap_seconds` of silence between them (a station bulletin
    from several items) into one MP3 (or the format `output`'s suffix names); answers its path.
    Inputs may differ in format, rate and channels: each is resampled to 44.1 kHz stereo."""
    if not paths:
        raise ValueError("nothing to concatenate")
    if output is None:
        output = Path(tempfile.mkstemp(prefix="lantoa-concat-", suffix=".mp3")[1])
    output = Path(output)
    args = [FFMPEG, "-nostdin", "-hide_banner", "-y"]
    for path in paths:
        args += ["-i", str(path)]
    gap = max(0.0, float(gap_seconds))
    if gap:
        args += ["-f", "lavfi", "-t", f"{gap:.3f}"]
        args += ["-i", f"anullsrc=r={BROADCAST_SAMPLE_RATE}:cl=stereo"]
    norm = f"aresample={BROADCAST_SAMPLE_RATE},aformat=sample_fmts=fltp:channel_layouts=stereo"
    parts, labels = [], []
    for index in range(len(paths)):
        parts.append(f"[{index}:a:0]{norm}[a{index}]")
    if gap:
        copies = max(1, len(paths) - 1)
        splits = "".join(f"[g{n}]" for n in range(copies))
        parts.append(f"[{len(paths)}:a:0]{norm},asplit={copies}{splits}")
    for index in range(len(paths)):
        labels.append(f"[a{index}]")
        if gap and index < len(paths) - 1:
            labels.append(f"[g{index}]")
    if gap and len(paths) == 1:
        parts.append("[g0]anullsink")
    parts.append("".join(labels) + f"concat=n={len(labels)}:v=0:a=1[out]")
    args += ["-filter_complex", ";".join(parts), "-map", "[out]"]
    if output.suffix.lower() in ("", ".mp3"):
        args += ["-c:a", "libmp3lame", "-b:a", BROADCAST_BITRATE, "-f", "mp3"]
    args.append(str(output))
    result = _run(args)
    if result.returncode != 0:
        raise FFmpegError(result.stderr.strip()[-500:])
    return output


def sine(
    path: str | Path,
    seconds: float,
    *,
    volume_db: float = -20.0,
    lead: float = 0.0,
    tail: float = 0.0,
    frequency: int = 440,
) -> Path:
    """A test tone with silence before and after (tests, benchmarks, the demo)."""
    chain = f"volume={volume_db}dB,adelay={int(lead * 1000)}:all=1,apad=pad_dur={tail}"
    result = _run(
        [
            FFMPEG,
            "-nostdin",
            "-v",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            f"sine=frequency={frequency}:sample_rate=44100:duration={seconds}",
            "-af",
            chain,
            str(path),
        ]
    )
    if result.returncode != 0:
        raise FFmpegError(result.stderr.strip()[-500:])
    return Path(path)
