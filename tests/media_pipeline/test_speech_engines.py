"""The speech engines behind one interface, with the real programs: espeak-ng speaks
Vietnamese, ffmpeg makes MP3 and joins parts with silence, ffprobe measures them; Piper's
command and its missing-model message; the HTTP engine against a real server on 127.0.0.1."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from media_pipeline.models import Pronunciation
from media_pipeline.speech import synthesis
from media_pipeline.speech.audio import duration_of, join_with_gaps, to_mp3
from media_pipeline.speech.engines import (
    EspeakEngine,
    HttpEngine,
    PiperEngine,
    SpeechError,
    get_engine,
)
from media_pipeline.speech.pronunciation import apply_dictionary, spoken_text

from .conftest import probe_codec, probe_seconds, tone_wav

SENTENCE = "Hội nông dân xã tổ chức trao tặng giấy khen cho các hộ sản xuất giỏi. "


def test_espeak_speaks_vietnamese_and_length_follows_the_text(settings, tmp_path):
    settings.SPEECH_ENGINE = "espeak"
    engine = get_engine()
    assert isinstance(engine, EspeakEngine)
    short_wav = engine.speak(SENTENCE)
    assert short_wav[:4] == b"RIFF" and short_wav[8:12] == b"WAVE"
    short = synthesis.render(SENTENCE)
    long = synthesis.render(SENTENCE * 4)
    target = tmp_path / "short.mp3"
    target.write_bytes(short.mp3)
    assert probe_codec(target) == "mp3"
    assert probe_seconds(target) > 1.0
    assert short.duration == pytest.approx(probe_seconds(target), abs=0.1)
    # Four times the text, about four times the speech (pauses between sentences vary).
    assert 3.2 < long.duration / short.duration < 4.8


def test_a_missing_program_is_a_clear_error(settings):
    engine = EspeakEngine(binary="/nonexistent/espeak-ng")
    with pytest.raises(SpeechError, match="chưa được cài đặt"):
        engine.speak("Xin chào")


def test_rendering_nothing_is_refused():
    with pytest.raises(SpeechError):
        synthesis.render("   ")


def test_unknown_engine_setting_is_refused(settings):
    settings.SPEECH_ENGINE = "festival"
    with pytest.raises(ImproperlyConfigured):
        get_engine()


def test_piper_command_and_missing_model(settings, tmp_path):
    settings.SPEECH_ENGINE = "piper"
    settings.SPEECH_PIPER_BINARY = "/opt/piper/piper"
    settings.SPEECH_PIPER_MODEL = str(tmp_path / "vi_VN-vais1000-medium.onnx")
    engine = get_engine()
    assert isinstance(engine, PiperEngine)
    output = tmp_path / "out.wav"
    assert engine.command(output) == [
        "/opt/piper/piper",
        "--model",
        str(tmp_path / "vi_VN-vais1000-medium.onnx"),
        "--output_file",
        str(output),
    ]
    missing = r"Không có tệp mô hình giọng đọc Piper .*vi_VN-vais1000-medium\.onnx"
    with pytest.raises(SpeechError, match=missing):
        engine.speak("Xin chào")
    settings.SPEECH_PIPER_MODEL = ""
    with pytest.raises(SpeechError, match="Chưa đặt SPEECH_PIPER_MODEL"):
        get_engine().speak("Xin chào")


def test_piper_runs_the_binary_it_is_given(settings, tmp_path):
    """A stand-in binary that behaves as Piper's CLI does (text on stdin, --output_file)."""
    model = tmp_path / "voice.onnx"
    model.write_bytes(b"model")
    wav = tmp_path / "tone.wav"
    wav.write_bytes(tone_wav(1.0))
    fake = tmp_path / "piper"
    fake.write_text(
        "#!/bin/sh\n"
        f'[ "$1" = --model ] && [ "$2" = {model} ] && [ "$3" = --output_file ] || exit 3\n'
        f'cat > "$4.txt"; cp {wav} "$4"\n'
    )
    fake.chmod(0o755)
    settings.SPEECH_ENGINE = "piper"
    settings.SPEECH_PIPER_BINARY = str(fake)
    settings.SPEECH_PIPER_MODEL = str(model)
    speech = synthesis.render("Xin chào bà con")
    assert speech.duration == pytest.approx(1.0, abs=0.15)


class _SpeechService(BaseHTTPRequestHandler):
    received: list[tuple[str, str]] = []
    answer_type = "audio/wav"

    def do_POST(self):
        length = int(self.headers["Content-Length"])
        text = self.rfile.read(length).decode("utf-8")
        type(self).received.append((self.headers["Content-Type"], text))
        body = tone_wav(0.2 * len(text.split())) if self.answer_type.startswith("audio") else b"<"
        self.send_response(200)
        self.send_header("Content-Type", self.answer_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def speech_service():
    _SpeechService.received = []
    _SpeechService.answer_type = "audio/wav"
    server = HTTPServer(("127.0.0.1", 0), _SpeechService)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/tts", _SpeechService
    server.shutdown()
    server.server_close()


def test_http_engine_posts_the_text_and_takes_the_audio(settings, speech_service):
    url, service = speech_service
    settings.SPEECH_ENGINE = "http"
    settings.SPEECH_HTTP_URL = url
    assert isinstance(get_engine(), HttpEngine)
    speech = synthesis.render("Ủy ban nhân dân xã biểu dương mười hộ")
    assert service.received == [
        ("text/plain; charset=utf-8", "Ủy ban nhân dân xã biểu dương mười hộ")
    ]
    assert speech.duration == pytest.approx(0.2 * 9, abs=0.15)  # nine words


def test_http_engine_refuses_an_answer_that_is_not_audio(settings, speech_service):
    url, service = speech_service
    service.answer_type = "text/html"
    settings.SPEECH_ENGINE = "http"
    settings.SPEECH_HTTP_URL = url
    with pytest.raises(SpeechError, match="thay vì âm thanh"):
        get_engine().speak("Xin chào")


def test_http_engine_down_is_a_clear_error(settings):
    settings.SPEECH_ENGINE = "http"
    settings.SPEECH_HTTP_URL = "http://127.0.0.1:9/tts"  # discard port: nothing listens
    with pytest.raises(SpeechError, match="không trả lời"):
        get_engine().speak("Xin chào")


def test_joined_parts_last_their_sum_plus_the_gaps(tmp_path):
    parts = [tone_wav(1.0), to_mp3(tone_wav(2.0)), tone_wav(1.5)]
    joined = join_with_gaps(parts, 2.0)
    assert probe_seconds(joined, tmp_path) == pytest.approx(1.0 + 2.0 + 1.5 + 2 * 2.0, abs=0.2)
    assert duration_of(joined) == pytest.approx(8.5, abs=0.2)


@pytest.mark.django_db
def test_the_dictionary_wins_over_the_built_in_normalisation():
    Pronunciation.objects.create(term="UBND", spoken="ủy ban")
    Pronunciation.objects.create(term="A Páo", spoken="A Pạo")
    spoken = spoken_text("UBND xã khen anh A Páo ngày 02/12/2021, HĐND tỉnh dự.")
    assert spoken == (
        "ủy ban xã khen anh A Pạo ngày 2 tháng 12 năm 2021, Hội đồng nhân dân tỉnh dự."
    )
    # Whole words, as written: "UBNDX" and "a páo" are left alone.
    assert apply_dictionary("UBNDX a páo", {"UBND": "ủy ban", "A Páo": "A Pạo"}) == "UBNDX a páo"


@pytest.mark.django_db
def test_every_engine_reads_the_dictionary(settings, speech_service):
    url, service = speech_service
    settings.SPEECH_ENGINE = "http"
    settings.SPEECH_HTTP_URL = url
    Pronunciation.objects.create(term="HTX", spoken="hợp tác xã")
    synthesis.render(spoken_text("HTX Tân Tiến"))
    assert service.received[0][1] == "hợp tác xã Tân Tiến"


def test_engine_output_can_be_mp3_already(tmp_path):
    mp3 = to_mp3(tone_wav(1.0))
    again = to_mp3(mp3)
    path = Path(tmp_path) / "again.mp3"
    path.write_bytes(again)
    assert probe_codec(path) == "mp3"
    assert probe_seconds(path) == pytest.approx(1.0, abs=0.1)
