"""Photo and speech fixtures: photos stored before intake existed; stories published by the
editor-in-chief through the real admin, real audio made by ffmpeg, and ffprobe to measure it."""

from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text, streamfield

from media_pipeline.audio import ingest
from media_pipeline.models import LanToaImage
from stories.models import Channel, StoryPage
from tests.admin_forms import story_form_data
from tests.audio_files import make_tone

from .photos import leaks_in, leaky_jpeg


def probe_seconds(path_or_bytes: str | Path | bytes, tmp_path: Path | None = None) -> float:
    """The duration ffprobe reads from a file (or bytes written to one)."""
    if isinstance(path_or_bytes, bytes):
        target = (tmp_path or Path("/tmp")) / "probe.mp3"
        target.write_bytes(path_or_bytes)
        path_or_bytes = target
    result = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
         str(path_or_bytes)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return float(result.stdout.strip())


def probe_codec(path: str | Path) -> str:
    result = subprocess.run(
        ["ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries",
         "stream=codec_name", "-of", "csv=p=0", str(path)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return result.stdout.strip()


def tone_wav(seconds: float) -> bytes:
    """A real recording stand-in: a 440 Hz tone of exactly `seconds`, as WAV (written to a
    file: through a pipe ffmpeg cannot go back to fill in the header's sizes, and the audio
    library's intake rightly refuses such a file)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tone.wav"
        subprocess.run(
            ["ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
             f"sine=frequency=440:duration={seconds}:sample_rate=44100", str(path)],
            check=True,
        )  # fmt: skip
        return path.read_bytes()


@pytest.fixture
def recording(db):
    """A recorded read-aloud in the audio library (3 s of tone)."""
    return ingest(ContentFile(tone_wav(3.0), name="ban-ghi.wav"), title="Bản ghi phóng viên đọc")


def paragraph_body(text: str = "Anh là người đầu tiên trong xã trồng bưởi hữu cơ.") -> dict:
    return streamfield([("paragraph", rich_text(f"<p>{text}</p>"))])


@pytest.fixture
def publish(client, editor_in_chief, column, image, django_capture_on_commit_callbacks):
    """Publishes a story as the editor-in-chief through the page editor (new, or an edit of
    `story=`), running what is queued on commit (the read-aloud task, ImmediateBackend)."""
    client.force_login(editor_in_chief)

    def _publish(
        title: str,
        *,
        story: StoryPage | None = None,
        radio_script: str = "",
        channels: tuple[str, ...] = ("radio_tv",),
        body: dict | None = None,
        **extra,
    ) -> StoryPage:
        fields = {
            "title": title,
            "hero_image": image.pk,
            "radio_script": radio_script,
            "body": body or paragraph_body(),
            "action-publish": "1",
            **extra,
        }
        if story is None:
            url = reverse("wagtailadmin_pages:add", args=("stories", "storypage", column.pk))
        else:
            url = reverse("wagtailadmin_pages:edit", args=(story.pk,))
            fields["slug"] = story.slug
        data = story_form_data(**fields)
        # A multiple choice is posted as repeated values (nested_form_data would number them).
        data["channels"] = [Channel.objects.get(code=code).pk for code in channels]
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:2000]
        published = StoryPage.objects.get(title=title)
        assert published.live
        assert set(published.channels.values_list("code", flat=True)) == set(channels)
        return published

    return _publish


def stored_bytes(image: LanToaImage) -> bytes:
    with image.file.storage.open(image.file.name, "rb") as handle:
        return handle.read()


@pytest.fixture
def leaky_stored_image(db) -> LanToaImage:
    """A photo stored before intake existed: its file in storage still carries everything
    (written behind the model's back, as an old upload or a restored backup left it)."""
    image = LanToaImage.objects.create(
        title="Ảnh cũ", file=ImageFile(io.BytesIO(leaky_jpeg()), name="cu.jpg")
    )
    storage, name = image.file.storage, image.file.name
    storage.delete(name)
    storage.save(name, io.BytesIO(leaky_jpeg()))
    LanToaImage.objects.filter(pk=image.pk).update(width=1600, height=1200)
    image.refresh_from_db()
    assert leaks_in(stored_bytes(image))
    return image


@pytest.fixture
def tone(tmp_path):
    """make(name, seconds=..., volume_db=..., lead=..., tail=...) -> Path of a real file."""

    def make(name: str = "tone.wav", **options):
        return make_tone(tmp_path / name, **options)

    return make
