"""Vietnamese normalisation, folding, slugs and sort order (pure Python: no Django)."""

import unicodedata

import pytest

from vietnamese.collation import sort_key
from vietnamese.slugs import slugify
from vietnamese.text import fold, normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Điển hình tiên tiến", "dien-hinh-tien-tien"),
        ("Người tốt việc tốt", "nguoi-tot-viec-tot"),
        ("ĐỒNG KHỞI – Bến Tre!", "dong-khoi-ben-tre"),
        ('Kỳ 2: Những "người giữ lửa"', "ky-2-nhung-nguoi-giu-lua"),
        ("  ", ""),
    ],
)
def test_slugify_folds_every_vietnamese_letter(text, expected):
    assert slugify(text) == expected


def test_slugify_folds_decomposed_input_the_same():
    nfd = unicodedata.normalize("NFD", "Điển hình tiên tiến")
    assert slugify(nfd) == "dien-hinh-tien-tien"


def test_slugify_cuts_long_titles_at_a_word():
    slug = slugify("Gương sáng " * 30, max_length=40)
    assert len(slug) <= 40 and not slug.endswith("-")
    assert slug.startswith("guong-sang-guong-sang")


def test_fold_covers_all_134_precomposed_vietnamese_letters():
    vowels = "aăâeêioôơuưy"
    marks = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
    letters = {
        unicodedata.normalize("NFC", unicodedata.normalize("NFD", v) + m)
        for v in vowels
        for m in marks
    }
    letters |= {c.upper() for c in letters} | {"đ", "Đ"}
    letters = {letter for letter in letters if not letter.isascii()}
    assert len(letters) == 134
    for letter in letters:
        folded = fold(letter)
        assert folded.isascii() and folded.isalpha() and len(folded) == 1, letter


@pytest.mark.parametrize(
    ("old", "new"),
    [("hoà bình", "hòa bình"), ("Thuỷ lợi", "Thủy lợi"), ("khoẻ", "khỏe"), ("toà án", "tòa án")],
)
def test_normalize_moves_old_style_tone_marks(old, new):
    assert normalize(old) == new


@pytest.mark.parametrize("word", ["quý", "hoàn", "thuở", "người", "quả", "Nguyễn"])
def test_normalize_leaves_standard_words_alone(word):
    assert normalize(word) == word


def test_normalize_turns_nfd_into_nfc():
    assert normalize(unicodedata.normalize("NFD", "tiến")) == "tiến"


def test_vietnamese_alphabetical_order():
    names = ["Đào", "Dũng", "Ân", "An", "Ăn", "Bình", "Ánh", "Ước", "Uyên"]
    assert sorted(names, key=sort_key) == [
        "An",
        "Ánh",
        "Ăn",
        "Ân",
        "Bình",
        "Dũng",
        "Đào",
        "Uyên",
        "Ước",
    ]
