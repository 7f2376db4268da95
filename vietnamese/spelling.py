"""Typos in Vietnamese syllables: the folded spellings one keystroke away ("bein" → "bien"),
and the tone a syllable carries, so a correction never trades one tone for another
(chó is not chò: they are different words)."""

from __future__ import annotations

import unicodedata

from .text import fold

# Folded letters: đ folds to d, so these are all a folded syllable can hold.
LETTERS = "abcdeghiklmnopqrstuvxy"
TONES = {"\u0300": "huyền", "\u0301": "sắc", "\u0303": "ngã", "\u0309": "hỏi", "\u0323": "nặng"}


def tone(syllable: str) -> str:
    """The syllable's tone name, "" for ngang (no mark) — and for text with no Vietnamese
    diacritics at all, where the tone is unknown."""
    for char in unicodedata.normalize("NFD", syllable):
        if char in TONES:
            return TONES[char]
    return ""


def has_diacritics(text: str) -> bool:
    """Whether the text carries any Vietnamese mark (tone, letter mark or đ)."""
    return fold(text) != text.lower()


def edits(folded: str) -> set[str]:
    """Every string one deletion, transposition of neighbours, substitution or insertion away
    from `folded` (Damerau–Levenshtein distance 1), over the folded alphabet."""
    splits = [(folded[:i], folded[i:]) for i in range(len(folded) + 1)]
    deletes = {left + right[1:] for left, right in splits if right}
    transposes = {
        left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1
    }
    replaces = {left + c + right[1:] for left, right in splits if right for c in LETTERS}
    inserts = {left + c + right for left, right in splits for c in LETTERS}
    return (deletes | transposes | replaces | inserts) - {folded, ""}
