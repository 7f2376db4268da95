"""Vietnamese text analysis shared by slugs, search backends and the importer.

Unicode decomposition does not separate đ/Đ from its stroke, and text arrives both NFC and NFD
and with old-style tone placement (hoà, thuỷ); everything is normalised here, in one place.
"""

import re
import unicodedata

from vietnamese.collation import sort_key  # noqa: F401  (Vietnamese order, re-exported)

_COMBINING_TONES = {
    "\u0300": "grave",  # huyền
    "\u0301": "acute",  # sắc
    "\u0303": "tilde",  # ngã
    "\u0309": "hook",  # hỏi
    "\u0323": "dot",  # nặng
}
_WORD = re.compile(r"\w+", re.UNICODE)


def normalize(text: str) -> str:
    """NFC with one tone-mark placement (hoà → hòa, thuỷ → thủy): the form we store."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    return _WORD.sub(_normalize_word, text)


def _normalize_word(match: re.Match) -> str:
    word = match.group(0)
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


def slugify(text: str, max_length: int = 80) -> str:
    """URL slug from a Vietnamese title: "Điển hình tiên tiến" → "dien-hinh-tien-tien"."""
    folded = fold(text)
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug


# --- Queries and highlighting (shared by every search backend) --------------------------------

MAX_QUERY_CHARS = 200
MAX_QUERY_TERMS = 16
_CONTROL_OR_SURROGATE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_PHRASE = re.compile(r'"([^"]*)"')


def clean_query(text: str | None) -> str:
    """What a reader typed, made safe for every engine: no control characters or lone
    surrogates (psycopg and SQLite refuse them), at most MAX_QUERY_CHARS, normalised."""
    if not text:
        return ""
    text = _CONTROL_OR_SURROGATE.sub(" ", text)[: MAX_QUERY_CHARS * 2]
    return " ".join(normalize(text).split())[:MAX_QUERY_CHARS].strip()


def terms(text: str) -> list[str]:
    """Lower-case syllables of normalised text; punctuation, FTS operators' symbols and emoji
    vanish because they are not word characters."""
    return [word.lower() for word in _WORD.findall(normalize(text or "")) if word.strip("_")]


def parse_query(text: str) -> tuple[list[str], list[list[str]]]:
    """Loose terms and quoted phrases ("điển hình" keeps its syllables in order)."""
    phrases = [terms(p) for p in _PHRASE.findall(text)]
    phrases = [p for p in phrases if p][:MAX_QUERY_TERMS]
    loose = terms(_PHRASE.sub(" ", text).replace('"', " "))[:MAX_QUERY_TERMS]
    return loose, phrases


def highlight(text: str, query: str, width: int = 200, folded: str | None = None) -> str:
    """HTML-safe excerpt around the first match with matched syllables in <mark>, compared
    folded so "dien hinh" marks "Điển hình"; the same for every backend. With `folded` (the
    stored fold of `text`, same length), matches are found by one regex over it."""
    from django.utils.html import escape

    loose, phrases = parse_query(query)
    wanted = {fold(t) for t in loose} | {fold(t) for p in phrases for t in p}
    if folded is not None and len(folded) == len(text) and wanted:
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(wanted))) + r")\b")
        matches = list(pattern.finditer(folded))
    else:
        text = normalize(text or "")
        matches = [m for m in _WORD.finditer(text) if fold(m.group(0)) in wanted]
    start = 0
    if matches:
        start = max(0, matches[0].start() - width // 4)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
    end = min(len(text), start + width)
    while end < len(text) and not text[end].isspace():
        end += 1
    pieces, cursor = [], start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        pieces.append(escape(text[cursor : match.start()]))
        pieces.append(f"<mark>{escape(text[match.start() : match.end()])}</mark>")
        cursor = match.end()
    pieces.append(escape(text[cursor:end]))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + "".join(pieces).strip() + suffix
