"""Radio script generation: abbreviations, dates and numbers read aloud, syllables, read time."""

import json
import re
import shutil
import subprocess

import pytest
from django.conf import settings
from django.test import override_settings

from syndication import radio
from syndication.radio import (
    abbreviations,
    dates_and_numbers_to_words,
    expand_abbreviations,
    format_duration,
    generate_script,
    read_seconds,
    script_for,
    spell_number,
    syllable_count,
    to_speech_text,
)


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("UBND tỉnh", "Ủy ban nhân dân tỉnh"),
        ("HĐND huyện", "Hội đồng nhân dân huyện"),
        ("UBMTTQ xã", "Ủy ban Mặt trận Tổ quốc xã"),
        ("MTTQ", "Mặt trận Tổ quốc"),
        ("TP. Hà Tĩnh", "thành phố Hà Tĩnh"),
        ("HTX rau sạch", "hợp tác xã rau sạch"),
    ],
)
def test_abbreviations_are_expanded(written, spoken):
    assert expand_abbreviations(written) == spoken


def test_abbreviations_match_whole_words_only():
    # "UBNDX" is not UBND; "MTTQ" inside "UBMTTQ" must not be expanded on its own.
    assert expand_abbreviations("UBNDX") == "UBNDX"
    assert "Mặt trận Tổ quốc" in expand_abbreviations("UBMTTQ")
    assert "Ủy ban Ủy ban" not in expand_abbreviations("UBMTTQ")


def test_abbreviations_live_in_one_data_file():
    text = radio.ABBREVIATIONS_FILE.read_text(encoding="utf-8")
    assert "UBND\tỦy ban nhân dân" in text
    assert abbreviations()["HĐND"] == "Hội đồng nhân dân"


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("02/12/2021", "ngày 2 tháng 12 năm 2021"),
        ("Ngày 02/12/2021, xã", "Ngày 2 tháng 12 năm 2021, xã"),
        ("từ ngày 5/3 đến nay", "từ ngày 5 tháng 3 đến nay"),
        ("tháng 10/2024", "tháng 10 năm 2024"),
        ("giai đoạn 2021-2025", "giai đoạn 2021 đến 2025"),
        ("lúc 14h30", "lúc 14 giờ 30 phút"),
        ("1.500.000 đồng", "một triệu năm trăm nghìn đồng"),
        ("tăng 3,5%", "tăng ba phẩy năm phần trăm"),
        ("đạt 25%", "đạt hai mươi lăm phần trăm"),
        ("12,5 ha", "mười hai phẩy năm ha"),
        ("32/45 hộ", "32/45 hộ"),  # not a date: left for the journalist
    ],
)
def test_dates_and_numbers_read_aloud(written, spoken):
    assert dates_and_numbers_to_words(written) == spoken


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "không"),
        (15, "mười lăm"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (105, "một trăm linh năm"),
        (2021, "hai nghìn không trăm hai mươi mốt"),
        (1_050_000, "một triệu không trăm năm mươi nghìn"),
        (12_300_000_000, "mười hai tỷ ba trăm triệu"),
    ],
)
def test_spell_number(number, words):
    assert spell_number(number) == words


def test_speech_text_drops_urls_and_control_characters():
    text = to_speech_text("Xem thêm tại https://lantoa.vn/bai-viết.\x0c UBND xã\x0b họp.")
    assert "http" not in text
    assert "\x0c" not in text and "\x0b" not in text
    assert text == "Xem thêm tại. Ủy ban nhân dân xã họp."


def test_syllables_and_read_time():
    assert syllable_count("Ủy ban nhân dân xã") == 5
    assert syllable_count("năm 2021") == 1 + 7  # four digits read as seven syllables
    assert read_seconds("một " * 220, per_minute=220) == 60
    with override_settings(RADIO_SYLLABLES_PER_MINUTE=110):
        assert read_seconds("một " * 220) == 120
    assert format_duration(130) == "2 phút 10 giây"
    assert format_duration(45) == "45 giây"
    assert format_duration(120) == "2 phút"


@pytest.mark.django_db
def test_generated_script_has_no_links_or_captions(make_story, image):
    story = make_story(
        "Gương sáng ở TP. Hà Tĩnh",
        sapo="UBND tỉnh khen thưởng ngày 02/12/2021.",
        body=[
            (
                "paragraph",
                '<p>Chị Hoa <a href="https://vi.wikipedia.org">nổi tiếng</a> khắp vùng.</p>',
            ),
            ("image", {"image": image, "caption": "CHÚ THÍCH ẢNH", "credit": "Ảnh: PV"}),
            ("quote", {"text": "HTX đã có 1.200 thành viên", "attribution": "Chủ nhiệm"}),
        ],
    )
    script = generate_script(story)
    assert script.startswith("Gương sáng ở thành phố Hà Tĩnh")
    assert "Ủy ban nhân dân tỉnh khen thưởng ngày 2 tháng 12 năm 2021." in script
    assert "nổi tiếng khắp vùng" in script
    assert "wikipedia" not in script and "<a" not in script
    assert "CHÚ THÍCH ẢNH" not in script
    assert "hợp tác xã đã có một nghìn hai trăm thành viên" in script


@pytest.mark.django_db
def test_journalist_script_wins_over_generated(make_story):
    story = make_story(radio_script="Kính thưa quý thính giả,\x0c UBND xã thông báo.")
    assert script_for(story) == "Kính thưa quý thính giả, UBND xã thông báo."
    story.radio_script = "   "
    assert script_for(story) == generate_script(story)


SAMPLES = [
    "Ủy ban nhân dân xã năm 2021, trồng 12,5 ha.",
    "Kính thưa quý thính giả!\n\nHợp tác xã có 1.200 thành viên.",
    "",
]


@pytest.mark.skipif(not shutil.which("node"), reason="Node.js is not installed")
def test_admin_live_counter_agrees_with_the_server():
    """static/syndication/js/read_time.js counts syllables exactly as radio.syllable_count."""
    source = (settings.BASE_DIR / "static/syndication/js/read_time.js").read_text()
    function = re.search(r"function syllables\(text\) \{.*?\n  \}", source, re.S).group(0)
    program = (
        function + "\nconsole.log(JSON.stringify(JSON.parse(process.argv[1]).map(syllables)));"
    )
    result = subprocess.run(
        ["node", "-e", program, json.dumps(SAMPLES)], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == [syllable_count(text) for text in SAMPLES]
    assert "data-syllables-per-minute" in source or "syllablesPerMinute" in source
