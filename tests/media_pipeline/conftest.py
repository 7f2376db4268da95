"""Real recordings made by ffmpeg (lavfi): a tone with silence around it, at a chosen level."""

import pytest

from tests.audio_files import make_tone


@pytest.fixture
def tone(tmp_path):
    """make(name, seconds=..., volume_db=..., lead=..., tail=...) -> Path of a real file."""

    def make(name: str = "tone.wav", **options):
        return make_tone(tmp_path / name, **options)

    return make
