"""Radio scripts, their .txt, the presenter page, read time and radio feeds keep the story's
paragraphs and list items apart (they were glued: "năm 2024Nhiều")."""

import feedparser
import pytest
from lxml import etree, html

from syndication import radio
from tests.boundaries import PIECES, SAPO, TITLE, glued, make_boundary_story
from vietnamese.speech import syllable_count, to_speech_text

pytestmark = pytest.mark.django_db
LANTOA_NS = "{urn:lantoa:syndication:1}"


@pytest.fixture
def story(make_story, channel):
    story = make_boundary_story(make_story)
    story.channels.set([channel("radio_tv"), channel("loudspeaker")])
    story.save_revision().publish()
    story.refresh_from_db()
    return story


def expected_syllables() -> int:
    """Counted from the pieces as written, each on its own: what the presenter reads."""
    return syllable_count(to_speech_text("\n\n".join([TITLE, SAPO, *PIECES])))


def test_script_txt_has_one_paragraph_per_paragraph_and_a_line_per_list_item(client, story):
    response = client.get(f"/radio/script/{story.pk}.txt")
    assert response.status_code == 200
    text = response.content.decode("utf-8")
    assert glued(text) == []
    paragraphs = [p.splitlines() for p in text.strip().split("\n\n")]
    assert ["Từ đầu năm 2024"] in paragraphs
    assert ["Nhiều hộ dân ở xóm Bãi Bồi góp gạo, góp củi cho bếp"] in paragraphs
    assert ["Nấu 150 suất cơm mỗi tuần", "Tặng áo ấm cho học sinh"] in paragraphs
    assert ["Ba mươi tình nguyện viên", "Mười hai nồi lớn"] in paragraphs
    assert [line for p in paragraphs for line in p][2:] == PIECES  # after title and sapo


def test_presenter_page_prints_each_paragraph_and_counts_every_syllable(
    client, story, radio_outlet
):
    response = client.get(f"/radio/outlet/{radio_outlet.pk}/script/{story.pk}/")
    assert response.status_code == 200
    tree = html.fromstring(response.content)
    # <br> separates lines inside a paragraph: itertext() yields them one by one.
    paragraphs = [
        [line.strip() for line in p.itertext() if line.strip()]
        for p in tree.xpath("//div[@class='radio-script__text']/p")
    ]
    assert paragraphs[2:] == [
        ["Bếp cháo giữa mùa lũ"],
        ["Từ đầu năm 2024"],
        ["Nhiều hộ dân ở xóm Bãi Bồi góp gạo, góp củi cho bếp"],
        ["Nấu 150 suất cơm mỗi tuần", "Tặng áo ấm cho học sinh"],
        ["Ai có gì góp nấy"],
        ["Con số"],
        ["Ba mươi tình nguyện viên", "Mười hai nồi lớn"],
        ["Bếp còn mở đến cuối năm"],
    ]
    meta = " ".join(tree.xpath("//p[contains(@class, 'radio-script__meta')]//text()"))
    assert f"{expected_syllables()} âm tiết" in " ".join(meta.split())


def test_read_time_counts_the_words_of_every_block(story):
    script = radio.script_for(story)
    assert syllable_count(script) == expected_syllables()
    assert radio.read_seconds(script) == radio.read_seconds(
        to_speech_text("\n\n".join([TITLE, SAPO, *PIECES]))
    )


def test_radio_feed_items_parse_into_separate_paragraphs(client, story, radio_outlet):
    response = client.get(f"/feeds/outlet/{radio_outlet.pk}/radio.rss")
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    [entry] = [e for e in parsed.entries if e.title == TITLE]
    assert entry.summary == SAPO
    content = html.fromstring(f"<div>{entry.content[0].value}</div>")
    paragraphs = [" ".join(p.itertext()) for p in content.xpath("//p")]
    assert all(glued(paragraph) == [] for paragraph in paragraphs), paragraphs
    assert "Từ đầu năm 2024" in paragraphs
    item = next(
        i for i in etree.fromstring(response.content).iter("item") if i.findtext("title") == TITLE
    )
    assert int(item.findtext(f"{LANTOA_NS}syllables")) == expected_syllables()
