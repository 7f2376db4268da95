"""Fixtures for syndication: outlets and stories meant for channels, with audio and tags."""

import pytest

from media_pipeline.audio import ingest
from stories.models import Author, Channel, StoryAuthor
from syndication.models import Outlet
from tests.audio_files import make_tone


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def channel():
    return lambda code: Channel.objects.get(code=code)


@pytest.fixture
def radio_outlet(db) -> Outlet:
    return Outlet.objects.create(name="Đài PT-TH tỉnh", kind="radio", contact="0123 456 789")


@pytest.fixture
def loudspeaker_outlet(db) -> Outlet:
    outlet = Outlet(name="Đài truyền thanh xã Nậm Mơ", kind="loudspeaker")
    outlet.regenerate_token()
    outlet.save()
    return outlet


@pytest.fixture
def newspaper_outlet(db) -> Outlet:
    return Outlet.objects.create(name="Báo Lan Tỏa", kind="newspaper")


@pytest.fixture
def audio_document(db, tmp_path, django_capture_on_commit_callbacks):
    """A real recording in the audio library (the name is history: stories' audio used to be a
    Wagtail document). Its broadcast copy is made at once (tasks run immediately in tests)."""
    path = make_tone(tmp_path / "ban-tin.mp3", seconds=2.0)
    with django_capture_on_commit_callbacks(execute=True):
        audio = ingest(path, title="Bản tin âm thanh")
    audio.refresh_from_db()
    return audio


@pytest.fixture
def radio_story(make_story, channel, audio_document):
    """A published story for radio and loudspeakers with an audio file, an author and tags."""
    story = make_story(
        "Người giữ rừng ở bản Mông",
        sapo="UBND xã trao bằng khen ngày 02/12/2021.",
        body=[
            ("paragraph", '<p>Anh A Páo đã trồng 12,5 ha rừng. <a href="https://x.vn">Xem</a></p>'),
            ("audio", {"audio": audio_document, "caption": "Chú thích âm thanh", "transcript": ""}),
        ],
    )
    author = Author.objects.create(name="Lò Thị Mai", organisation="Báo Lan Tỏa")
    StoryAuthor.objects.create(story=story, author=author)
    story.channels.set([channel("radio_tv"), channel("loudspeaker")])
    story.tags.add("Nông thôn mới", "Bảo vệ rừng")
    story.save_revision().publish()
    story.refresh_from_db()
    return story
