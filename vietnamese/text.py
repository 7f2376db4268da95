"""Vietnamese text in one form: normalisation (what we store) and folding (what we match).

Unicode decomposition does not separate đ/Đ from its stroke, and text arrives both NFC and NFD
and with old-style tone placement (hoà, thuỷ); everything is normalised here, in one place.
"""

import itertools
import re
import unicodedata
from functools import lru_cache

_COMBINING_TONES = {
    "\u0300": "grave",  # huyền
    "\u0301": "acute",  # sắc
    "\u0303": "tilde",  # ngã
    "\u0309": "hook",  # hỏi
    "\u0323": "dot",  # nặng
}
WORD = re.compile(r"\w+", re.UNICODE)


def normalize(text: str) -> str:
    """NFC with one tone-mark placement (hoà → hòa, thuỷ → thủy): the form we store."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    return WORD.sub(_normalize_word, text)


def _normalize_word(match: re.Match) -> str:
    return _normalized(match.group(0))


@lru_cache(maxsize=65536)  # a language of a few thousand syllables: indexing reuses them all
def _normalized(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    if not any(mark in decomposed for mark in _COMBINING_TONES):
        return word
    base = _strip_tones(decomposed.lower())
    # Only the open syllables ending oa/oe/uy move their mark (not "qu", where u is a consonant).
    if base.endswith(("oa", "oe", "uy")) and not base.startswith("qu"):
        # Find the tone attached to the last vowel and move it to the one before.
        chars = list(decomposed)
        last_index = _last_base_index(chars)
        tone_positions = [
            i for i in range(last_index + 1, len(chars)) if chars[i] in _COMBINING_TONES
        ]
        if not tone_positions:
            return word
        tone = chars.pop(tone_positions[0])
        prev_index = _last_base_index(chars[:last_index])
        chars.insert(prev_index + 1, tone)
        return unicodedata.normalize("NFC", "".join(chars))
    return word


def _strip_tones(decomposed: str) -> str:
    return "".join(c for c in decomposed if c not in _COMBINING_TONES)


def _last_base_index(chars: list[str]) -> int:
    for index in range(len(chars) - 1, -1, -1):
        if not unicodedata.combining(chars[index]):
            return index
    return -1


def fold(text: str) -> str:
    """Lower-case ASCII-ish form for matching: every Vietnamese letter to its base, đ → d."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", text).lower()


_VOWELS = "aăâeêioôơuưy"
_TONE_MARKS = ("", *_COMBINING_TONES)


def decomposed_spellings() -> dict[str, str]:
    """Every other Unicode spelling of a Vietnamese letter (fully or partly decomposed, marks
    in any canonically equivalent order) → its one composed (NFC) form, upper and lower case:
    for engines that cannot run NFC themselves (Elasticsearch without analysis-icu)."""
    spellings: dict[str, str] = {}
    for vowel in _VOWELS + _VOWELS.upper():
        for tone in _TONE_MARKS:
            letter = unicodedata.normalize("NFC", vowel + tone)
            base, *marks = unicodedata.normalize("NFD", letter)
            for order in itertools.permutations(marks):
                for split in range(len(order) + 1):
                    head = unicodedata.normalize("NFC", base + "".join(order[:split]))
                    spelling = head + "".join(order[split:])
                    if spelling != letter and unicodedata.normalize("NFC", spelling) == letter:
                        spellings[spelling] = letter
    return spellings
