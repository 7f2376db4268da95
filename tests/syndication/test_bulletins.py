"""A station's daily bulletin (issue 13): the day's scripts in rundown order as one MP3 with
two seconds of silence between items, at a tokened URL; built by a django-tasks task (503 and
Retry-After while it is), cached as a file and rebuilt when an item changes; every pull
recorded; hostile dates are 404s. Real espeak-ng, ffmpeg, ffprobe (silencedetect)."""

from __future__ import annotations

import re
import subprocess
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks import default_task_backend

from media_pipeline.audio import ingest
from media_pipeline.speech import synthesis
from stories import read_aloud
from syndication import bulletins
from syndication.models import Delivery, DeliveryKind, FeedPull
from tests.media_pipeline.conftest import probe_seconds, tone_wav

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

GAP = 2.0


@pytest.fixture
def morning():
    return timezone.localtime().replace(hour=6, minute=0, second=0, microsecond=0)


@pytest.fixture
def day_story(make_story, channel, editor_in_chief, morning):
    """A story for radio and loudspeakers dated `hour` o'clock today, published by the
    editor-in-chief; `seconds=` gives it a recording of a tone that long."""

    def _make(title, hour, *, script="", seconds=None, day=None):
        body = [("paragraph", "<p>Anh giữ rừng suốt mười năm.</p>")]
        if seconds is not None:
            recording = ingest(
                ContentFile(tone_wav(seconds), name=f"ghi-{hour}.wav"), title=f"Bản ghi {title}"
            )
            body.append(("audio", {"audio": recording, "caption": "", "transcript": ""}))
        when = (day or morning).replace(hour=hour)
        story = make_story(title, live=False, body=body, radio_script=script, publication_date=when)
        story.channels.set([channel("radio_tv"), channel("loudspeaker")])
        story.save_revision(user=editor_in_chief).publish(user=editor_in_chief)
        story.refresh_from_db()
        return story

    return _make


def url(outlet, day, token=None) -> str:
    query = f"?token={token}" if token else ""
    return f"/radio/outlet/{outlet.pk}/bai-tin/{day}.mp3{query}"


def silences(path) -> list[tuple[float, float]]:
    """Where ffmpeg's silencedetect hears silence (start, end), in seconds."""
    result = subprocess.run(
        ["ffmpeg", "-hide_banner", "-nostdin", "-i", str(path), "-af",
         "silencedetect=noise=-50dB:d=1", "-f", "null", "-"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    starts = [float(x) for x in re.findall(r"silence_start: ([\d.]+)", result.stderr)]
    ends = [float(x) for x in re.findall(r"silence_end: ([\d.]+)", result.stderr)]
    return list(zip(starts, ends, strict=False))


def fetch(client, path, tmp_path):
    response = client.get(path)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "audio/mpeg"
    target = tmp_path / "bulletin.mp3"
    target.write_bytes(b"".join(response.streaming_content))
    return response, target


def test_items_follow_the_rundown_with_two_second_gaps(
    client, day_story, radio_outlet, morning, tmp_path
):
    day_story("Tin chín giờ", 9, seconds=2.0)
    day_story("Tin bảy giờ", 7, seconds=3.0)
    day_story("Tin tám giờ", 8, seconds=1.0)
    day_story("Hôm qua", 7, seconds=4.0, day=morning - timedelta(days=1))
    _response, path = fetch(client, url(radio_outlet, morning.date().isoformat()), tmp_path)
    # 7 h (3 s), gap, 8 h (1 s), gap, 9 h (2 s): yesterday's story is not in it.
    assert probe_seconds(path) == pytest.approx(3 + GAP + 1 + GAP + 2, abs=0.25)
    found = silences(path)
    assert len(found) == 2
    assert found[0] == pytest.approx((3.0, 5.0), abs=0.15)
    assert found[1] == pytest.approx((6.0, 8.0), abs=0.15)


def test_scripts_are_spoken_and_recordings_played(
    client, day_story, radio_outlet, morning, tmp_path
):
    script = "UBND xã biểu dương mười hộ gia đình sản xuất giỏi năm 2024."
    spoken = day_story("Máy đọc", 7, script=script)
    day_story("Người đọc", 8, seconds=2.0)
    expected_voice = synthesis.render(read_aloud.spoken_script(spoken)).duration
    response, path = fetch(client, url(radio_outlet, morning.date().isoformat()), tmp_path)
    assert probe_seconds(path) == pytest.approx(expected_voice + GAP + 2.0, abs=0.3)
    pull = FeedPull.objects.get()
    assert (pull.outlet, pull.feed, pull.status) == (
        radio_outlet,
        f"bulletin:{morning.date().isoformat()}",
        200,
    )
    assert Delivery.objects.filter(outlet=radio_outlet, kind=DeliveryKind.SCRIPT).count() == 2
    assert response["Cache-Control"].startswith("public")


def test_a_current_read_aloud_is_reused_not_spoken_again(
    client, day_story, radio_outlet, morning, tmp_path, monkeypatch
):
    story = day_story("Máy đọc", 7, script="Hội nông dân xã trao giấy khen cho mười hộ.")
    assert read_aloud.render_story(story.pk) == "rendered"
    calls = []
    monkeypatch.setattr(synthesis, "render", lambda spoken: calls.append(spoken))
    fetch(client, url(radio_outlet, morning.date().isoformat()), tmp_path)
    assert calls == []


def test_built_once_and_rebuilt_when_an_item_changes(
    client, day_story, radio_outlet, morning, editor_in_chief, tmp_path, monkeypatch
):
    story = day_story("Máy đọc", 7, script="Hội nông dân xã trao giấy khen.")
    builds = []
    real = synthesis.join_with_gaps
    monkeypatch.setattr(
        synthesis,
        "join_with_gaps",
        lambda parts, gap: builds.append(len(parts)) or real(parts, gap),
    )
    day = morning.date().isoformat()
    first, first_path = fetch(client, url(radio_outlet, day), tmp_path)
    first_seconds = probe_seconds(first_path)
    again = client.get(url(radio_outlet, day), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    fetch(client, url(radio_outlet, day), tmp_path)
    assert builds == [1]

    story.radio_script = "Hội nông dân xã trao giấy khen cho mười hộ sản xuất kinh doanh giỏi."
    story.save_revision(user=editor_in_chief).publish(user=editor_in_chief)
    second, second_path = fetch(client, url(radio_outlet, day), tmp_path)
    assert builds == [1, 1]
    assert second["ETag"] != first["ETag"]
    assert probe_seconds(second_path) > first_seconds * 1.3
    folder = f"{bulletins.FOLDER}/outlet-{radio_outlet.pk}"
    assert len(bulletins.storage().listdir(folder)[1]) == 1  # the old build is gone


def test_503_with_retry_after_while_the_worker_builds_it(
    client, day_story, radio_outlet, morning, settings, tmp_path
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}
    }
    day_story("Máy đọc", 7, script="Hội nông dân xã trao giấy khen.")
    day = morning.date().isoformat()
    waiting = client.get(url(radio_outlet, day))
    assert waiting.status_code == 503
    assert waiting["Retry-After"] == "30"
    assert "đang được chuẩn bị" in waiting.content.decode()
    assert client.get(url(radio_outlet, day)).status_code == 503
    # Asked for twice, queued once (publishing also queued search index updates).
    [queued] = [r for r in default_task_backend.results if r.task.name == "build_bulletin"]
    assert list(queued.args) == [radio_outlet.pk, day]
    queued.task.call(*queued.args)  # what the worker does
    fetch(client, url(radio_outlet, day), tmp_path)
    assert list(FeedPull.objects.order_by("pk").values_list("status", flat=True)) == [
        503,
        503,
        200,
    ]


def test_the_token_is_checked_as_for_feeds(
    client, day_story, loudspeaker_outlet, newspaper_outlet, morning, tmp_path
):
    day_story("Máy đọc", 7, script="Hội nông dân xã trao giấy khen.")
    day = morning.date().isoformat()
    assert client.get(url(loudspeaker_outlet, day)).status_code == 403
    assert client.get(url(loudspeaker_outlet, day, token="sai-roi")).status_code == 403
    response, _path = fetch(
        client, url(loudspeaker_outlet, day, loudspeaker_outlet.token), tmp_path
    )
    assert response["Cache-Control"].startswith("private")
    assert list(FeedPull.objects.order_by("pk").values_list("status", flat=True)) == [
        403,
        403,
        200,
    ]
    # A token replaced stops the old one at once.
    old = loudspeaker_outlet.token
    loudspeaker_outlet.regenerate_token()
    loudspeaker_outlet.save()
    assert client.get(url(loudspeaker_outlet, day, old)).status_code == 403
    # Newspapers get no bulletin; unknown outlets neither.
    assert client.get(url(newspaper_outlet, day)).status_code == 404
    assert client.get(f"/radio/outlet/999999/bai-tin/{day}.mp3").status_code == 404


@pytest.mark.parametrize(
    "day",
    ["2021-13-45", "2021-02-30", "0001-01-01", "9999-12-31", "abcd-ef-gh", "2021-1-1",
     "20211202", "2021-12-02x", "%00", "2021-12-02%0A", "'; DROP TABLE x; --", "٢٠٢١-١٢-٠٢",
     "1" * 500],
)  # fmt: skip
def test_hostile_dates_are_404(client, radio_outlet, day):
    assert client.get(f"/radio/outlet/{radio_outlet.pk}/bai-tin/{day}.mp3").status_code == 404


def test_a_day_without_scripts_is_404(client, radio_outlet):
    assert client.get(url(radio_outlet, "2021-12-02")).status_code == 404
    assert FeedPull.objects.get().status == 404


def test_the_rundown_links_its_bulletin(client, day_story, loudspeaker_outlet, morning):
    day_story("Máy đọc", 7, script="Hội nông dân xã trao giấy khen.")
    day = morning.date().isoformat()
    token = loudspeaker_outlet.token
    page = client.get(
        f"/radio/outlet/{loudspeaker_outlet.pk}/rundown/?date={day}&token={token}"
    ).content.decode()
    assert f'href="{url(loudspeaker_outlet, day, token)}"' in page
