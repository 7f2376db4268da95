"""Stories read aloud by the synthetic voice (issue 13): published by the editor-in-chief in
the page editor, rendered by the django-tasks task queued on commit (ImmediateBackend in
tests), again only when the spoken text changes, never over a recorded file; the story page's
“Nghe bài” player and the radio feed's enclosure."""

from __future__ import annotations

import pytest
from lxml import etree, html
from wagtail.test.utils.form_data import rich_text, streamfield

from media_pipeline.models import Pronunciation
from media_pipeline.speech import synthesis
from stories import read_aloud
from stories.models import StoryPage
from syndication.feeds import absolute
from syndication.models import Outlet

from .conftest import probe_codec, probe_seconds

pytestmark = pytest.mark.django_db

SCRIPT = "UBND xã Nậm Mơ biểu dương anh A Páo, người giữ rừng suốt mười năm."


@pytest.fixture
def rendered(monkeypatch):
    """Counts the renders (the real engine still speaks)."""
    calls = []
    real = synthesis.render

    def counting(spoken):
        calls.append(spoken)
        return real(spoken)

    monkeypatch.setattr(synthesis, "render", counting)
    return calls


def audio_path(story: StoryPage) -> str:
    return story.synthetic_audio.path


def test_publishing_renders_the_script_to_speech(publish, rendered):
    story = publish("Người giữ rừng bản Mông", radio_script=SCRIPT)
    assert rendered == [synthesis.spoken_text(SCRIPT)]
    assert "Ủy ban nhân dân xã Nậm Mơ" in rendered[0]
    assert story.synthetic_audio.name.endswith(".mp3")
    assert probe_codec(audio_path(story)) == "mp3"
    seconds = probe_seconds(audio_path(story))
    assert seconds > 2
    assert story.synthetic_audio_duration == pytest.approx(seconds, abs=0.1)
    assert story.synthetic_audio_source_hash == synthesis.source_hash(rendered[0])


def test_republishing_the_same_text_does_not_render_again(publish, rendered):
    story = publish("Người giữ rừng bản Mông", radio_script=SCRIPT)
    first = story.synthetic_audio.name
    story = publish("Người giữ rừng bản Mông", story=story, radio_script=SCRIPT, sapo="Mới.")
    assert len(rendered) == 1
    # The published revision did not bring back an empty read-aloud (with_content_json).
    assert story.synthetic_audio.name == first


def test_a_changed_script_is_rendered_again_and_the_old_file_goes(publish, rendered):
    story = publish("Người giữ rừng bản Mông", radio_script=SCRIPT)
    old_path, old_seconds = audio_path(story), story.synthetic_audio_duration
    longer = SCRIPT + " Năm 2024, anh được tặng bằng khen của Chủ tịch UBND tỉnh." * 2
    story = publish("Người giữ rừng bản Mông", story=story, radio_script=longer)
    assert len(rendered) == 2
    assert audio_path(story) != old_path
    assert not story.synthetic_audio.storage.exists(old_path)
    assert story.synthetic_audio_duration > old_seconds * 1.5


def test_a_dictionary_change_reaches_the_next_publish(publish, rendered, editor):
    story = publish("Người giữ rừng bản Mông", radio_script=SCRIPT)
    Pronunciation.objects.create(term="A Páo", spoken="A Pạo")
    publish("Người giữ rừng bản Mông", story=story, radio_script=SCRIPT)
    assert len(rendered) == 2
    assert "A Pạo" in rendered[1]


def test_a_loudspeaker_story_without_a_script_reads_the_story_itself(publish, rendered):
    story = publish("Cô giáo cắm bản ở xã Nậm Mơ", channels=("loudspeaker",))
    assert len(rendered) == 1
    assert rendered[0].startswith("Cô giáo cắm bản ở xã Nậm Mơ")
    assert "hai cây số" in rendered[0] or "bưởi" in rendered[0]
    assert story.synthetic_audio_duration > 2


def test_stories_not_for_radio_are_not_rendered(publish, rendered):
    story = publish("Tin báo in", channels=("newspaper",))
    assert rendered == []
    assert not story.synthetic_audio


def test_recorded_audio_wins(publish, rendered, recording):
    body = streamfield(
        [
            ("paragraph", rich_text("<p>Anh giữ rừng suốt mười năm.</p>")),
            ("audio", {"audio": recording.pk, "caption": "", "transcript": ""}),
        ]
    )
    story = publish("Có bản ghi", radio_script=SCRIPT, body=body)
    assert rendered == []
    assert not story.synthetic_audio
    assert read_aloud.player(story) == {"url": recording.url, "synthetic": False}


def test_a_recording_added_later_removes_the_synthetic_file(publish, rendered, recording):
    story = publish("Có bản ghi sau", radio_script=SCRIPT)
    path = audio_path(story)
    body = streamfield([("audio", {"audio": recording.pk, "caption": "", "transcript": ""})])
    story = publish("Có bản ghi sau", story=story, radio_script=SCRIPT, body=body)
    assert len(rendered) == 1
    assert not story.synthetic_audio
    assert not StoryPage.synthetic_audio.field.storage.exists(path)


def test_an_engine_failure_keeps_the_publish(publish, settings):
    settings.SPEECH_ENGINE = "piper"
    settings.SPEECH_PIPER_MODEL = "/nonexistent/voice.onnx"
    story = publish("Máy đọc hỏng", radio_script=SCRIPT)
    assert story.live and not story.synthetic_audio


def players(response) -> list:
    return html.fromstring(response.content).xpath('//section[contains(@class, "read-aloud")]')


def test_the_story_page_plays_the_synthetic_voice_and_says_so(publish, client):
    story = publish("Người giữ rừng bản Mông", radio_script=SCRIPT)
    client.logout()
    response = client.get(story.url)
    [section] = players(response)
    [audio] = section.xpath(".//audio")
    assert audio.get("controls") is not None and audio.get("preload") == "none"
    assert audio.get("src") == story.synthetic_audio.url
    heading = section.xpath(".//h2")[0].text_content()
    assert "Nghe bài" in heading and "giọng đọc máy" in heading


def test_the_story_page_plays_the_recording_unmarked(publish, client, recording):
    body = streamfield([("audio", {"audio": recording.pk, "caption": "", "transcript": ""})])
    story = publish("Có bản ghi", radio_script=SCRIPT, body=body)
    client.logout()
    [section] = players(client.get(story.url))
    assert section.xpath(".//audio")[0].get("src") == recording.url
    assert "giọng đọc máy" not in section.text_content()


def test_a_story_without_audio_has_no_player(publish, client):
    story = publish("Tin báo in", channels=("newspaper",))
    client.logout()
    assert players(client.get(story.url)) == []


def enclosures(client, outlet: Outlet) -> dict[str, str]:
    response = client.get(f"/feeds/outlet/{outlet.pk}/radio.rss")
    assert response.status_code == 200
    root = etree.fromstring(response.content)
    return {
        item.findtext("title"): item.find("enclosure").get("url")
        for item in root.iter("item")
        if item.find("enclosure") is not None
    }


def test_radio_feeds_carry_the_recording_first_else_the_synthetic_voice(publish, client, recording):
    synthetic = publish("Máy đọc", radio_script=SCRIPT)
    body = streamfield([("audio", {"audio": recording.pk, "caption": "", "transcript": ""})])
    publish("Người đọc", radio_script=SCRIPT, body=body)
    outlet = Outlet.objects.create(name="Đài PT-TH tỉnh", kind="radio")
    client.logout()
    found = enclosures(client, outlet)
    assert found["Máy đọc"] == absolute(synthetic.synthetic_audio.url)
    assert found["Người đọc"] == absolute(recording.url)
    # The article feed carries recordings only.
    root = etree.fromstring(client.get("/feeds/all.rss").content)
    article = {item.findtext("title"): item.find("enclosure") for item in root.iter("item")}
    assert article["Máy đọc"] is None
