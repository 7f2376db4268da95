"""Audio benchmark: bytes per second served by `/am-thanh/<id>/<name>` as full downloads and as
the 256 KiB range requests a podcast player seeks with (Django test client, in process), and the
seconds to make the broadcast copy (two-pass loudnorm, silence cut, MP3) of a 1-minute file.

Standalone: `python bench/media_audio.py`; `make bench` runs it through bench/run.py and writes
the table into docs/benchmarks.md. Takes about 20 seconds.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._django import setup_django  # noqa: E402

RANGE_BYTES = 256 * 1024
SECONDS = 3.0  # time spent on each way of serving


def _rate(fetch) -> tuple[float, int]:
    """MB/s and requests over SECONDS of back-to-back calls of `fetch` (answers bytes read)."""
    total, count, start = 0, 0, time.perf_counter()
    while time.perf_counter() - start < SECONDS:
        total += fetch()
        count += 1
    elapsed = time.perf_counter() - start
    return total / elapsed / 1_000_000, count


def main() -> str:
    setup_django()
    from django.db import transaction
    from django.test import Client

    from media_pipeline.audio import ffmpeg, ingest

    workdir = Path(tempfile.mkdtemp(prefix="lantoa-bench-audio-"))
    source = ffmpeg.sine(workdir / "minute.wav", 58.0, volume_db=-12.0, lead=1.0, tail=1.0)
    with transaction.atomic():
        audio = ingest(source, title="Một phút")  # the copy is made on commit (immediate tasks)
    started = time.perf_counter()
    ffmpeg.broadcast_copy(source, workdir / "copy.mp3")
    copy_seconds = time.perf_counter() - started
    audio.refresh_from_db()
    assert audio.broadcast_status == "ready"
    client = Client()
    url = audio.url
    size = audio.served_size

    def full() -> int:
        response = client.get(url)
        assert response.status_code == 200
        return sum(len(chunk) for chunk in response.streaming_content)

    offsets = iter(range(0, 10**9, RANGE_BYTES))

    def ranged() -> int:
        start = next(offsets) % max(1, size - RANGE_BYTES)
        response = client.get(url, HTTP_RANGE=f"bytes={start}-{start + RANGE_BYTES - 1}")
        assert response.status_code == 206
        return sum(len(chunk) for chunk in response.streaming_content)

    full_rate, full_count = _rate(full)
    range_rate, range_count = _rate(ranged)
    lines = [
        "## Audio (media_pipeline.audio)",
        "",
        f"A 1-minute WAV (44.1 kHz mono, {source.stat().st_size / 1e6:.1f} MB); its broadcast "
        f"copy is an MP3 of {size / 1e6:.2f} MB, served by `/am-thanh/<id>/<name>` through "
        f"the Django test client (one process, no network), {SECONDS:.0f} s per row.",
        "",
        "| what | result |",
        "| --- | --- |",
        f"| broadcast copy of the 1-minute file (2-pass loudnorm, silence cut, MP3) "
        f"| {copy_seconds:.2f} s |",
        f"| full downloads | {full_rate:.0f} MB/s ({full_count} requests) |",
        f"| 256 KiB range requests (206) | {range_rate:.0f} MB/s ({range_count} requests) |",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(main())
