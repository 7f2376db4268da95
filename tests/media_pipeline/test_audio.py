"""The audio library with real ffmpeg: intake by content, the broadcast copy's loudness, joining
recordings, byte ranges (parsed and served), the journalist's upload and chooser in the admin,
the story's player and the migration of document-based audio blocks."""

from __future__ import annotations

import json
import subprocess

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lxml import html as lxml_html
from wagtail.documents import get_document_model
from wagtail.models import Collection

from media_pipeline.audio import concatenate, ffmpeg, ingest, probe
from media_pipeline.audio.ranges import UNSATISFIABLE, parse_range
from media_pipeline.models import Audio
from tests.admin_language import english_phrases, response_fragments
from tests.admin_login import signed_in

NOT_AUDIO = "Tệp này không phải bản ghi âm dùng được"


def ebur128(path) -> tuple[float, float]:
    """Integrated loudness and true peak as ffmpeg's ebur128 filter measures them."""
    result = subprocess.run(
        [
            "ffmpeg",
            "-nostdin",
            "-hide_banner",
            "-i",
            str(path),
            "-af",
            "ebur128=peak=true",
            "-f",
            "null",
            "-",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    summary = result.stderr.rsplit("Summary:", 1)[1]
    integrated = float(summary.split("I:", 1)[1].split("LUFS")[0])
    peak = float(summary.split("True peak:", 1)[1].split("Peak:", 1)[1].split("dBFS")[0])
    return integrated, peak


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """What commits do in production: the broadcast copy task (immediate backend) runs."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


# --- Intake --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "suffix,kind", [(".mp3", "mp3"), (".m4a", "m4a"), (".ogg", "ogg"), (".wav", "wav")]
)
def test_probe_reads_each_format_from_its_content(tone, suffix, kind):
    info = probe(tone(f"a{suffix}", seconds=2.0))
    assert info.format == kind
    assert abs(info.duration - 2.0) < 0.1
    assert info.sample_rate == 44100 and info.channels == 1 and info.bitrate > 0


def test_probe_refuses_text_renamed_and_cut_off_files(tone, tmp_path):
    fake = tmp_path / "ban-tin.mp3"
    fake.write_text("Đây là văn bản, không phải âm thanh.\n" * 50)
    cut = tmp_path / "cut.mp3"
    cut.write_bytes(tone("full.mp3", seconds=4.0).read_bytes()[:20000])
    wav_cut = tmp_path / "cut.wav"
    wav_cut.write_bytes(tone("full.wav", seconds=4.0).read_bytes()[:100000])
    for path in (fake, cut, wav_cut):
        with pytest.raises(ffmpeg.NotAudio):
            probe(path)


@pytest.mark.django_db
def test_ingest_refuses_not_audio_and_saves_nothing(tmp_path):
    from django.core.exceptions import ValidationError

    fake = tmp_path / "ghi-am.wav"
    fake.write_bytes(b"RIFF" + b"\x00" * 4000)
    with pytest.raises(ValidationError) as raised:
        ingest(fake)
    assert NOT_AUDIO in raised.value.messages[0]
    assert Audio.objects.count() == 0


# --- Broadcast copy ------------------------------------------------------------------------


@pytest.mark.django_db
def test_broadcast_copy_is_at_minus_16_lufs_and_trims_silence(tone, run_on_commit):
    source = tone("quiet.wav", seconds=6.0, volume_db=-20.0, lead=2.0, tail=3.0)
    before, _peak = ebur128(source)
    assert before < -30  # really quiet
    with run_on_commit():  # the task runs on commit
        audio = ingest(source, title="Phỏng vấn trưởng bản")
    audio.refresh_from_db()
    assert audio.broadcast_status == "ready", audio.broadcast_error
    path = audio.broadcast_file.path
    integrated, true_peak = ebur128(path)
    assert abs(integrated - ffmpeg.TARGET_I) <= 1.0
    assert true_peak <= ffmpeg.TARGET_TP + 0.2
    measured = json.loads(
        ffmpeg._loudnorm_json(  # the loudnorm measurement as well
            subprocess.run(
                [
                    "ffmpeg",
                    "-nostdin",
                    "-hide_banner",
                    "-i",
                    path,
                    "-af",
                    "loudnorm=print_format=json",
                    "-f",
                    "null",
                    "-",
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stderr
        )
        .__repr__()
        .replace("'", '"')
    )
    assert abs(float(measured["input_i"]) + 16) <= 1.0
    assert abs(audio.broadcast_loudness - integrated) < 0.5
    assert audio.duration == pytest.approx(11.0, abs=0.1)
    copy = probe(path)
    assert copy.format == "mp3" and 5.8 <= copy.duration <= 6.6  # 5 s of silence cut
    assert audio.broadcast_duration == pytest.approx(copy.duration, abs=0.05)
    assert audio.url.endswith(".mp3") and audio.url.startswith(f"/am-thanh/{audio.pk}/")


@pytest.mark.django_db
def test_a_silent_file_fails_its_copy_and_the_original_is_served(tone, client, run_on_commit):
    silent = tone("silent.wav", seconds=2.0, volume_db=-200.0)
    with run_on_commit():
        audio = ingest(silent)
    audio.refresh_from_db()
    assert audio.broadcast_status == "failed" and audio.broadcast_error
    response = client.get(audio.url)
    assert response.status_code == 200 and response["Content-Type"] == "audio/wav"


def test_concatenate_joins_with_silence_between(tone, tmp_path):
    first, second = tone("a.mp3", seconds=2.0), tone("b.ogg", seconds=1.5)
    joined = concatenate([first, second, first], gap_seconds=0.5, output=tmp_path / "bt.mp3")
    info = probe(joined)
    assert info.format == "mp3" and info.channels == 2
    assert info.duration == pytest.approx(2 + 0.5 + 1.5 + 0.5 + 2, abs=0.15)
    assert probe(concatenate([first], gap_seconds=1.0)).duration == pytest.approx(2.0, abs=0.1)
    with pytest.raises(ValueError):
        concatenate([], 1.0)


# --- Ranges ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header,expected",
    [
        ("bytes=0-99", (0, 99)),
        ("bytes=100-", (100, 999)),
        ("bytes=-100", (900, 999)),
        ("bytes=-5000", (0, 999)),
        ("bytes=990-5000", (990, 999)),
        ("BYTES = 1 - 2", (1, 2)),
        ("bytes=0-0,5-9", (0, 0)),  # several: the first
        ("bytes=1000-", UNSATISFIABLE),
        ("bytes=-0", UNSATISFIABLE),
        ("bytes=99999999999999999-", UNSATISFIABLE),
        ("bytes=5-2", None),
        ("bytes=abc", None),
        ("bytes=-", None),
        ("bytes=", None),
        ("items=0-5", None),
        ("bytes=0-99999999999999999999999", None),  # more digits than any file
        ("bytes=" + "1" * 5000, None),
        ("", None),
        (None, None),
    ],
)
def test_parse_range(header, expected):
    assert parse_range(header, 1000) == expected


@pytest.fixture
def served_audio(db, tone, run_on_commit):
    with run_on_commit():
        audio = ingest(tone("range.mp3", seconds=3.0), title="Bản tin sáng")
    audio.refresh_from_db()
    with audio.served_file.open("rb") as handle:
        return audio, handle.read()


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_public_audio_is_served_with_ranges(client, served_audio):
    audio, content = served_audio
    assert audio.broadcast_status == "ready" and audio.served_file == audio.broadcast_file
    size = len(content)
    full = client.get(audio.url)
    assert full.status_code == 200 and body(full) == content
    assert full["Accept-Ranges"] == "bytes" and full["Content-Length"] == str(size)
    assert full["Content-Type"] == "audio/mpeg"
    part = client.get(audio.url, HTTP_RANGE="bytes=100-199")
    assert part.status_code == 206 and body(part) == content[100:200]
    assert part["Content-Range"] == f"bytes 100-199/{size}" and part["Content-Length"] == "100"
    tail = client.get(audio.url, HTTP_RANGE="bytes=-10")
    assert tail.status_code == 206 and body(tail) == content[-10:]
    assert client.get(audio.url, HTTP_RANGE=f"bytes={size}-").status_code == 416
    assert client.get(audio.url, HTTP_RANGE="bytes=-0")["Content-Range"] == f"bytes */{size}"
    for hostile in ("bytes=5-2", "bytes=abc", "bytes=0-1,2-3,4-5" * 100, "bytes=-" + "9" * 40):
        response = client.get(audio.url, HTTP_RANGE=hostile)
        assert response.status_code in (200, 206, 416)
    head = client.head(audio.url, HTTP_RANGE="bytes=0-9")
    assert head.status_code == 206 and head["Content-Length"] == "10" and not head.content
    assert client.head(audio.url)["Content-Length"] == str(size)
    assert client.post(audio.url).status_code == 405
    assert client.get(f"/am-thanh/{audio.pk}/khac.mp3").status_code == 404
    assert client.get("/am-thanh/999999/x.mp3").status_code == 404
    # The original stays at its own name (a page or feed cached before the copy was made).
    original = client.get(f"/am-thanh/{audio.pk}/{audio.file.name.rsplit('/', 1)[1]}")
    assert original.status_code == 200


def test_audio_in_a_private_collection_is_not_public(client, served_audio, journalist):
    from wagtail.models import CollectionViewRestriction

    audio, content = served_audio
    private = Collection.get_first_root_node().add_child(name="Phỏng vấn thô")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    Audio.objects.filter(pk=audio.pk).update(collection=private)
    assert client.get(audio.url).status_code == 404
    staff = signed_in(journalist)
    response = staff.get(audio.url, HTTP_RANGE="bytes=0-9")
    assert response.status_code == 206 and body(response) == content[:10]
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_media_folder_answers_ranges(client, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "podcast").mkdir()
    (tmp_path / "podcast" / "x.mp3").write_bytes(bytes(range(256)) * 4)
    response = client.get("/media/podcast/x.mp3", HTTP_RANGE="bytes=10-19")
    assert response.status_code == 206 and body(response) == bytes(range(10, 20))
    assert response["Content-Range"] == "bytes 10-19/1024"
    assert response["Content-Type"] == "audio/mpeg"
    assert client.get("/media/podcast/x.mp3")["Accept-Ranges"] == "bytes"
    assert client.get("/media/podcast/x.mp3", HTTP_RANGE="bytes=2000-").status_code == 416
    assert client.get("/media/../etc/passwd", HTTP_RANGE="bytes=0-1").status_code == 404
    assert client.get("/media/podcast/", HTTP_RANGE="bytes=0-1").status_code == 404
    # The audio library's and the documents' files are only served by their views.
    (tmp_path / "audio").mkdir()
    (tmp_path / "audio" / "y.mp3").write_bytes(b"ID3" + b"\x00" * 100)
    for path in ("/media/audio/y.mp3", "/media/AUDIO/y.mp3", "/media/documents/x.mp3"):
        assert client.get(path, HTTP_RANGE="bytes=0-1").status_code == 404
        assert client.get(path).status_code == 404


# --- Admin, as a journalist -------------------------------------------------------------------


def _upload_form(client, tone_path, name, title):
    response = client.get(reverse("wagtailmedia:add", args=("audio",)))
    assert response.status_code == 200
    tree = lxml_html.fromstring(response.content)
    form = tree.xpath("//form[.//input[@name='file']]")[0]
    data = {
        field.name: field.value or ""
        for field in form.xpath(".//input[@name]")
        if field.get("type") not in ("submit", "file", "checkbox")
    }
    data["collection"] = str(Collection.get_first_root_node().pk)
    data["title"] = title
    data["file"] = SimpleUploadedFile(name, tone_path.read_bytes(), "audio/mpeg")
    return client.post(reverse("wagtailmedia:add", args=("audio",)), data)


@pytest.mark.django_db
def test_journalist_uploads_audio_and_a_fake_is_refused(
    journalist, editor, tone, tmp_path, run_on_commit
):
    client = signed_in(journalist)
    index = client.get(reverse("wagtailmedia:index"))
    assert index.status_code == 200
    assert english_phrases(response_fragments(index.content, index["Content-Type"])) == []
    with run_on_commit():
        response = _upload_form(client, tone("pv.m4a", seconds=2.0), "pv.m4a", "Phỏng vấn chị Hoa")
    assert response.status_code == 302, response.content[:800]
    audio = Audio.objects.get()
    assert audio.uploaded_by_user == journalist and audio.audio_format == "m4a"
    assert audio.duration == pytest.approx(2.0, abs=0.1) and audio.channels == 1
    assert audio.sample_rate == 44100 and audio.bitrate > 0
    assert audio.broadcast_status == "ready"

    fake = tmp_path / "bai-viet.mp3"
    fake.write_text("Không phải âm thanh")
    refused = _upload_form(client, fake, "bai-viet.mp3", "Tệp giả")
    assert refused.status_code == 200
    errors = " ".join(
        lxml_html.fromstring(refused.content).xpath("//*[contains(@class,'error')]//text()")
    )
    assert NOT_AUDIO in errors
    assert Audio.objects.count() == 1

    # Another journalist's upload is in this journalist's chooser (she may not edit it).
    other = Audio.objects.create(
        title="Tiếng suối Nậm Mơ",
        type="audio",
        uploaded_by_user=editor,
        collection=Collection.get_first_root_node(),
        file=ContentFile(b"x", name="suoi.mp3"),
    )
    chooser = client.get(
        reverse("wagtailmedia:chooser_typed", args=("audio",)),
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert chooser.status_code == 200
    html = chooser.json()["html"]
    titles = {" ".join(a.text_content().split()) for a in lxml_html.fromstring(html).xpath("//a")}
    assert "Tiếng suối Nậm Mơ" in titles and "Phỏng vấn chị Hoa" in titles
    edit = client.get(reverse("wagtailmedia:edit", args=(other.pk,)))
    assert edit.status_code in (302, 403)


# --- The story's player and the migration ------------------------------------------------------


@pytest.mark.django_db
def test_story_player_uses_the_audio_address(make_story, client, tone, run_on_commit):
    with run_on_commit():
        audio = ingest(tone("st.mp3", seconds=2.0), title="Lời kể")
    audio.refresh_from_db()
    story = make_story(body=[("audio", {"audio": audio, "caption": "Lời kể của anh Páo"})])
    page = lxml_html.fromstring(client.get(story.url).content)
    player = page.xpath("//figure//audio")[0]
    assert player.get("src") == audio.url
    assert client.get(player.get("src"), HTTP_RANGE="bytes=0-1").status_code == 206
    # The beacon's audio-play event listens for any <audio> element's play.
    assert page.xpath("//script[contains(@src,'beacon')]")


@pytest.mark.django_db
def test_migration_turns_document_audio_into_library_items(make_story, tone):
    import importlib

    from django.apps import apps

    from stories import selectors
    from stories.models import StoryPage

    migration = importlib.import_module("stories.migrations.0012_audio_blocks_from_library")
    Document = get_document_model()
    content = tone("cu.mp3", seconds=2.0).read_bytes()
    document = Document(title="Bản ghi cũ")
    document.file.save("ban-ghi-cu.mp3", ContentFile(content), save=False)
    document.save()
    story = make_story(body=[("paragraph", "<p>Chữ</p>")])
    raw = [
        {
            "type": "audio",
            "id": "a1",
            "value": {"file": document.pk, "caption": "Cũ", "transcript": ""},
        }
    ]
    StoryPage.objects.filter(pk=story.pk).update(body=raw)
    story = StoryPage.objects.get(pk=story.pk)
    assert selectors.story_audio_files([story]) == {}  # nothing in the library yet

    migration.convert(apps, None)
    migration.convert(apps, None)  # twice: one item

    audio = Audio.objects.get()
    assert audio.source_document_id == document.pk and audio.title == "Bản ghi cũ"
    assert audio.duration == pytest.approx(2.0, abs=0.1)
    with audio.file.open("rb") as handle:
        assert handle.read() == content
    assert Document.objects.filter(pk=document.pk).exists()  # kept
    story = StoryPage.objects.get(pk=story.pk)
    value = story.body.raw_data[0]["value"]
    assert value["audio"] == audio.pk and value["file"] == document.pk
    assert selectors.story_audio_files([story]) == {story.pk: audio}
    assert story.body[0].value["audio"] == audio
    # An old revision that names only the document still finds the recording.
    block = story.body.stream_block.child_blocks["audio"]
    assert block.to_python({"file": document.pk, "caption": ""})["audio"] == audio
    # Code that still builds the old value gets the item too.
    assert block.normalize({"file": document, "caption": ""})["audio"] == audio

    # Its broadcast copy (the migration queues it only for a worker) is made by the command.
    import io

    from django.core.management import call_command

    assert audio.broadcast_status == "pending"
    out = io.StringIO()
    call_command("audio_broadcast_copies", stdout=out)
    audio.refresh_from_db()
    assert audio.broadcast_status == "ready" and "ready: 1" in out.getvalue()


# Long: started first so the workers end together (tests/conftest.py).
pytestmark = pytest.mark.slow
