"""Speech engines behind one interface, chosen by the `SPEECH_ENGINE` setting.

- `espeak` (the embedded default): espeak-ng's Vietnamese voice, a Debian package
  (scripts/install-system-packages.sh); robotic but always there.
- `piper`: an offline neural engine the operator installs, with a Vietnamese voice model file
  (`SPEECH_PIPER_BINARY`, `SPEECH_PIPER_MODEL`).
- `http`: a speech service that takes the text in a POST and answers the audio
  (`SPEECH_HTTP_URL`, `SPEECH_HTTP_TIMEOUT`).

Every engine answers WAV or MP3 bytes; `synthesis.render` turns them into MP3 with ffmpeg.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _

DEFAULT_TIMEOUT = 300  # seconds: a long story read by a slow engine


class SpeechError(RuntimeError):
    """The engine could not speak the text (missing binary or model, service error)."""


class SpeechEngine:
    """One way of turning text into audio: `speak(text)` answers WAV or MP3 bytes."""

    name = ""

    def speak(self, text: str) -> bytes:
        raise NotImplementedError


def _run(command: list[str], text: str, timeout: int) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(
            command, input=text.encode("utf-8"), capture_output=True, timeout=timeout, check=True
        )
    except FileNotFoundError as error:
        raise SpeechError(
            _("The speech program %(program)s is not installed.") % {"program": command[0]}
        ) from error
    except subprocess.TimeoutExpired as error:
        raise SpeechError(
            _("The speech program took longer than %(seconds)s seconds.") % {"seconds": timeout}
        ) from error
    except subprocess.CalledProcessError as error:
        detail = error.stderr.decode("utf-8", "replace").strip()[:500]
        message = _("The speech program failed: %(detail)s") % {"detail": detail}
        raise SpeechError(message) from error


class EspeakEngine(SpeechEngine):
    """espeak-ng reading the whole text from stdin (`--stdin`, UTF-8) and writing WAV."""

    name = "espeak"

    def __init__(self, binary: str = "espeak-ng", voice: str = "vi", speed: int = 150):
        self.binary, self.voice, self.speed = binary, voice, speed

    def command(self) -> list[str]:
        return [
            self.binary, "-v", self.voice, "-s", str(self.speed), "-b", "1", "--stdin", "--stdout"
        ]  # fmt: skip

    def speak(self, text: str) -> bytes:
        return _run(self.command(), text, DEFAULT_TIMEOUT).stdout


class PiperEngine(SpeechEngine):
    """Piper (github.com/rhasspy/piper): text on stdin, a WAV file written where it is told."""

    name = "piper"

    def __init__(self, binary: str, model: str):
        self.binary, self.model = binary, model

    def command(self, output: Path) -> list[str]:
        return [self.binary, "--model", self.model, "--output_file", str(output)]

    def check(self) -> None:
        """A clear message for the operator before any process starts."""
        if not self.model:
            raise SpeechError(_("SPEECH_PIPER_MODEL is not set: Piper needs a voice model file."))
        if not Path(self.model).is_file():
            raise SpeechError(
                _("The Piper voice model %(path)s does not exist.") % {"path": self.model}
            )
        if shutil.which(self.binary) is None:
            raise SpeechError(
                _("The speech program %(program)s is not installed.") % {"program": self.binary}
            )

    def speak(self, text: str) -> bytes:
        self.check()
        with tempfile.TemporaryDirectory(prefix="lantoa-piper-") as folder:
            output = Path(folder) / "speech.wav"
            _run(self.command(output), text, DEFAULT_TIMEOUT)
            return output.read_bytes()


class HttpEngine(SpeechEngine):
    """A speech service: the text POSTed as UTF-8 plain text, the audio (WAV or MP3) answered."""

    name = "http"

    def __init__(self, url: str, timeout: int = DEFAULT_TIMEOUT):
        self.url, self.timeout = url, timeout

    def request(self, text: str) -> urllib.request.Request:
        return urllib.request.Request(
            self.url,
            data=text.encode("utf-8"),
            method="POST",
            headers={
                "Content-Type": "text/plain; charset=utf-8",
                "Accept": "audio/mpeg, audio/wav, audio/x-wav",
            },
        )

    def speak(self, text: str) -> bytes:
        if not self.url:
            raise SpeechError(_("SPEECH_HTTP_URL is not set."))
        try:
            with urllib.request.urlopen(self.request(text), timeout=self.timeout) as response:
                content_type = response.headers.get_content_type()
                body = response.read()
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise SpeechError(
                _("The speech service did not answer: %(error)s") % {"error": error}
            ) from error
        if not content_type.startswith("audio/") or not body:
            raise SpeechError(
                _("The speech service answered %(type)s instead of audio.") % {"type": content_type}
            )
        return body


def get_engine() -> SpeechEngine:
    """The engine `SPEECH_ENGINE` names, configured from the other SPEECH_* settings."""
    name = getattr(settings, "SPEECH_ENGINE", "espeak")
    if name == "espeak":
        return EspeakEngine(
            getattr(settings, "SPEECH_ESPEAK_BINARY", "espeak-ng"),
            getattr(settings, "SPEECH_ESPEAK_VOICE", "vi"),
            int(getattr(settings, "SPEECH_ESPEAK_SPEED", 150)),
        )
    if name == "piper":
        return PiperEngine(
            getattr(settings, "SPEECH_PIPER_BINARY", "piper"),
            getattr(settings, "SPEECH_PIPER_MODEL", ""),
        )
    if name == "http":
        return HttpEngine(
            getattr(settings, "SPEECH_HTTP_URL", ""),
            int(getattr(settings, "SPEECH_HTTP_TIMEOUT", DEFAULT_TIMEOUT)),
        )
    raise ImproperlyConfigured(f"SPEECH_ENGINE must be espeak, piper or http, not {name!r}.")
