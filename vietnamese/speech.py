"""Written Vietnamese made readable aloud: abbreviations expanded, dates and numbers spelt.

Abbreviations common in provincial news come from one data file (`data/abbreviations.tsv`);
dates and awkward numbers are written the way they are read (`02/12/2021` → "ngày 2 tháng 12
năm 2021", `1.500.000` → "một triệu năm trăm nghìn", `3,5%` → "ba phẩy năm phần trăm").
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from vietnamese.numbers import number_words, spell_decimal, spell_number
from vietnamese.text import normalize
from vietnamese.xmlsafe import xml_safe

ABBREVIATIONS_FILE = Path(__file__).with_name("data") / "abbreviations.tsv"

_URL = re.compile(r"(?:https?://|www\.)\S+?(?=[.,;:!?)]?(?:\s|$))", re.IGNORECASE)


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
    """Every listed abbreviation, as a whole word, in full ("UBND" → "Ủy ban nhân dân")."""
    table = abbreviations()
    return _abbreviation_pattern().sub(lambda m: table[m.group(0)], text)


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
    text = _PERCENT.sub(lambda m: number_words(m.group(1)) + " phần trăm", text)
    text = _DECIMAL.sub(lambda m: spell_decimal(m.group(0)), text)
    text = _GROUPED.sub(lambda m: spell_number(int(m.group(0).replace(".", ""))), text)
    return _TIME.sub(_time, text)


def to_speech_text(text: str) -> str:
    """Any written text made readable aloud: no URLs, abbreviations, dates and numbers spelt."""
    text = normalize(xml_safe(text))
    text = _URL.sub("", text)
    text = expand_abbreviations(text)
    text = dates_and_numbers_to_words(text)
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()]
    lines = [re.sub(r" ([.,;:!?])", r"\1", line) for line in lines]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


_TOKEN = re.compile(r"\w+")


def syllable_count(text: str) -> int:
    """Vietnamese is written one syllable per word-token; a run of n digits counts 2n − 1.

    The same estimate runs in the admin's live counter (static/syndication/js/read_time.js).
    """
    count = 0
    for token in _TOKEN.findall(text or ""):
        count += 2 * len(token) - 1 if token.isdigit() else 1
    return count
