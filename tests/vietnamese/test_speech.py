"""Written Vietnamese read aloud: abbreviations, dates and numbers in words (no Django)."""

import pytest

from vietnamese.dates import format_duration
from vietnamese.numbers import spell_decimal, spell_number
from vietnamese.speech import (
    ABBREVIATIONS_FILE,
    abbreviations,
    dates_and_numbers_to_words,
    expand_abbreviations,
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
    text = ABBREVIATIONS_FILE.read_text(encoding="utf-8")
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


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("3,5", "ba phẩy năm"),
        ("0,25", "không phẩy hai mươi lăm"),
        ("1.200,05", "một nghìn hai trăm phẩy không năm"),
    ],
)
def test_spell_decimal(written, words):
    assert spell_decimal(written) == words


def test_syllables_and_durations():
    assert syllable_count("Ủy ban nhân dân xã") == 5
    assert syllable_count("năm 2021") == 1 + 7  # four digits read as seven syllables
    assert format_duration(130) == "2 phút 10 giây"
    assert format_duration(45) == "45 giây"
    assert format_duration(120) == "2 phút"
