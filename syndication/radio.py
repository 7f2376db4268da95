"""Radio scripts: the text a presenter reads aloud, its syllable count and read time.

A journalist's own script is used as written. When it is blank the script is generated from
the title, sapo and body: no links or image captions, abbreviations common in provincial news
expanded (one data file, `data/abbreviations.tsv`), dates and awkward numbers written the way
they are read (`02/12/2021` → "ngày 2 tháng 12 năm 2021", `1.500.000` → "một triệu năm trăm
nghìn", `3,5%` → "ba phẩy năm phần trăm").

num2words 0.5.14 has `lang="vi"` but reads 2021 as "hai nghìn lẻ hai mươi mốt" and 3.5 as
"ba phẩy năm mươi", so Vietnamese number reading is written out here (`spell_number`).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from search.analysis import normalize

ABBREVIATIONS_FILE = Path(__file__).with_name("data") / "abbreviations.tsv"
DEFAULT_SYLLABLES_PER_MINUTE = 220

_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
_SCALES = ["", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ"]

# XML 1.0 forbids C0 controls other than tab, newline and carriage return, and U+FFFE/U+FFFF.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_URL = re.compile(r"(?:https?://|www\.)\S+?(?=[.,;:!?)]?(?:\s|$))", re.IGNORECASE)


def strip_control_characters(text: str) -> str:
    """Remove characters XML cannot carry (Word pastes form feeds and vertical tabs)."""
    return _XML_INVALID.sub("", text or "")


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """The abbreviation list, read once from the data file."""
    table: dict[str, str] = {}
    for line in ABBREVIATIONS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        short, _tab, long = line.partition("\t")
        if short.strip() and long.strip():
            table[normalize(short.strip())] = normalize(long.strip())
    return table


@lru_cache(maxsize=1)
def _abbreviation_pattern() -> re.Pattern:
    keys = sorted(abbreviations(), key=len, reverse=True)
    alternatives = "|".join(re.escape(key) for key in keys)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def expand_abbreviations(text: str) -> str:
    table = abbreviations()
    return _abbreviation_pattern().sub(lambda m: table[m.group(0)], text)


def _spell_below_thousand(number: int, *, full: bool) -> list[str]:
    """0–999; `full` reads a leading "không trăm" (inside a larger number: 2021 → "không trăm")."""
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append("linh")
            words.append(_DIGITS[units])
        return words
    if tens == 1:
        words.append("mười")
    else:
        words += [_DIGITS[tens], "mươi"]
    if units == 1:
        words.append("mốt" if tens > 1 else "một")
    elif units == 4 and tens > 1:
        words.append("tư")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(_DIGITS[units])
    return words


def spell_number(number: int) -> str:
    """An integer in Vietnamese words: 2021 → "hai nghìn không trăm hai mươi mốt"."""
    if number == 0:
        return "không"
    if number < 0:
        return "âm " + spell_number(-number)
    if number >= 1000 ** len(_SCALES):
        return " ".join(_DIGITS[int(digit)] for digit in str(number))
    groups: list[int] = []
    while number:
        number, group = divmod(number, 1000)
        groups.append(group)
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            continue
        is_leading = index == len(groups) - 1
        words += _spell_below_thousand(group, full=not is_leading)
        if _SCALES[index]:
            words.append(_SCALES[index])
    return " ".join(words)


def spell_decimal(text: str) -> str:
    """ "3,5" (Vietnamese decimal comma) → "ba phẩy năm"; "0,25" → "không phẩy hai mươi lăm"."""
    whole, _comma, fraction = text.partition(",")
    words = spell_number(int(whole.replace(".", "") or "0"))
    if fraction:
        leading_zeros = len(fraction) - len(fraction.lstrip("0"))
        tail = fraction.lstrip("0")
        parts = ["không"] * leading_zeros + ([spell_number(int(tail))] if tail else [])
        words += " phẩy " + " ".join(parts)
    return words


_DATE_FULL = re.compile(r"(?:\b[Nn]gày\s+)?\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_MONTH_YEAR = re.compile(r"(?:\b[Tt]háng\s+)?\b(\d{1,2})/(\d{4})\b")
_DAY_MONTH = re.compile(r"\b([Nn]gày)\s+(\d{1,2})/(\d{1,2})\b")
_TIME = re.compile(r"\b(\d{1,2})[hg:](\d{2})?(?!\w)")
_YEAR_RANGE = re.compile(r"\b(\d{4})\s*[-–]\s*(\d{4})\b")
_PERCENT = re.compile(r"(\d[\d.]*(?:,\d+)?)\s*%")
_DECIMAL = re.compile(r"\b\d{1,3}(?:\.\d{3})*,\d+\b")
_GROUPED = re.compile(r"\b\d{1,3}(?:\.\d{3})+\b")


def _full_date(match: re.Match) -> str:
    day, month, year = (int(group) for group in match.groups())
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return match.group(0)
    prefix = "Ngày" if match.group(0)[:1] == "N" else "ngày"
    return f"{prefix} {day} tháng {month} năm {year}"


def _month_year(match: re.Match) -> str:
    month, year = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        return match.group(0)
    prefix = "Tháng" if match.group(0)[:1] == "T" else "tháng"
    return f"{prefix} {month} năm {year}"


def _day_month(match: re.Match) -> str:
    day, month = int(match.group(2)), int(match.group(3))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return match.group(0)
    return f"{match.group(1)} {day} tháng {month}"


def _time(match: re.Match) -> str:
    hour, minute = int(match.group(1)), match.group(2)
    if hour > 24 or (minute and int(minute) > 59):
        return match.group(0)
    return f"{hour} giờ {int(minute)} phút" if minute and int(minute) else f"{hour} giờ"


def dates_and_numbers_to_words(text: str) -> str:
    """Rewrite dates, times, ranges, percentages and grouped or decimal numbers for reading."""
    text = _DATE_FULL.sub(_full_date, text)
    text = _MONTH_YEAR.sub(_month_year, text)
    text = _DAY_MONTH.sub(_day_month, text)
    text = _YEAR_RANGE.sub(r"\1 đến \2", text)
    text = _PERCENT.sub(lambda m: _number_words(m.group(1)) + " phần trăm", text)
    text = _DECIMAL.sub(lambda m: spell_decimal(m.group(0)), text)
    text = _GROUPED.sub(lambda m: spell_number(int(m.group(0).replace(".", ""))), text)
    return _TIME.sub(_time, text)


def _number_words(text: str) -> str:
    return spell_decimal(text) if "," in text else spell_number(int(text.replace(".", "")))


def to_speech_text(text: str) -> str:
    """Any written text made readable aloud: no URLs, abbreviations, dates and numbers spelt."""
    text = normalize(strip_control_characters(text))
    text = _URL.sub("", text)
    text = expand_abbreviations(text)
    text = dates_and_numbers_to_words(text)
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()]
    lines = [re.sub(r" ([.,;:!?])", r"\1", line) for line in lines]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def generate_script(story) -> str:
    """A script from the story itself: title, sapo and body text (no captions, no links)."""
    parts = [story.title, story.sapo, story.plain_text()]
    return to_speech_text("\n\n".join(part for part in parts if part))


def script_for(story) -> str:
    """The journalist's script when there is one, else the generated one."""
    written = strip_control_characters(story.radio_script or "").strip()
    return normalize(written) if written else generate_script(story)


_TOKEN = re.compile(r"\w+")


def syllable_count(text: str) -> int:
    """Vietnamese is written one syllable per word-token; a run of n digits counts 2n − 1.

    The same estimate runs in the admin's live counter (static/syndication/js/read_time.js).
    """
    count = 0
    for token in _TOKEN.findall(text or ""):
        count += 2 * len(token) - 1 if token.isdigit() else 1
    return count


def syllables_per_minute() -> int:
    return int(getattr(settings, "RADIO_SYLLABLES_PER_MINUTE", DEFAULT_SYLLABLES_PER_MINUTE))


def read_seconds(text: str, per_minute: int | None = None) -> int:
    """Estimated reading time in whole seconds at the configured speed."""
    speed = per_minute or syllables_per_minute()
    return math.ceil(syllable_count(text) * 60 / speed)


def format_duration(seconds: int) -> str:
    """130 → "2 phút 10 giây" (what the print page and the rundown show)."""
    minutes, rest = divmod(int(seconds), 60)
    if not minutes:
        return f"{rest} giây"
    return f"{minutes} phút {rest} giây" if rest else f"{minutes} phút"
