"""Speech benchmark: CPU seconds per minute of synthetic speech with espeak-ng's Vietnamese
voice, and for the MP3 encoding (ffmpeg) that follows — what a station bulletin or a story's
read-aloud costs the worker. Well under a minute.

Standalone: `python bench/media_speech.py`; `make bench` runs it through bench/run.py and
writes the table into docs/benchmarks.md. No database: the pronunciation dictionary is
left empty (`spoken_text(text, entries={})`).
"""

from __future__ import annotations

import os
import resource
import secrets
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ROUNDS = 3
PARAGRAPH = (
    "Anh Lò Văn Pọm, người dân tộc Thái ở bản Nậm Mơ, đã biến đồi chè cằn cỗi thành vùng chè "
    "Shan tuyết hữu cơ, giúp hơn 40 hộ trong bản thoát nghèo. UBND xã ghi nhận mô hình từ ngày "
    "02/12/2021; đến nay thu nhập bình quân đạt 1.500.000 đồng mỗi tháng, tăng 3,5% so với "
    "cùng kỳ. "
)


def _cpu() -> float:
    """CPU seconds (user + system) of this process and the programs it waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> str:
    """Runs the benchmark and returns its section of docs/benchmarks.md (Markdown)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lantoa.settings")
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    import django

    django.setup()
    from media_pipeline.speech import audio
    from media_pipeline.speech.engines import EspeakEngine
    from media_pipeline.speech.pronunciation import spoken_text

    engine = EspeakEngine()
    text = spoken_text(PARAGRAPH * 6, entries={})
    speak_cpu, encode_cpu, minutes, wall = [], [], [], []
    for _ in range(ROUNDS):
        started, clock = _cpu(), time.perf_counter()
        wav = engine.speak(text)
        spoken = _cpu()
        mp3 = audio.to_mp3(wav)
        encoded = _cpu()
        wall.append(time.perf_counter() - clock)
        length = audio.duration_of(mp3) / 60
        minutes.append(length)
        speak_cpu.append((spoken - started) / length)
        encode_cpu.append((encoded - spoken) / length)
    speech_minutes = statistics.median(minutes)
    rows = [
        ("espeak-ng (voice `vi`)", statistics.median(speak_cpu)),
        ("ffmpeg (WAV → MP3, LAME VBR q5)", statistics.median(encode_cpu)),
        ("together", statistics.median(s + e for s, e in zip(speak_cpu, encode_cpu, strict=True))),
    ]
    lines = [
        "## Synthetic speech (media_pipeline.speech)",
        "",
        f"A {len(text.split())}-syllable story text spoken by espeak-ng ({speech_minutes:.2f} "
        f"minutes of speech), {ROUNDS} rounds, median; CPU of the programs included "
        "(`RUSAGE_CHILDREN`). Wall time per round: "
        f"{statistics.median(wall):.2f} s.",
        "",
        "| step | CPU seconds per minute of speech |",
        "| --- | ---: |",
        *(f"| {name} | {value:.2f} |" for name, value in rows),
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.stdout.write(main())
