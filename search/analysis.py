"""Queries and highlighting, shared by every search backend.

The Vietnamese text itself (normalising, folding) is `vietnamese.text`; what a reader typed is
made safe with `vietnamese.xmlsafe`, the same set of characters feeds and radio scripts strip.
"""

import re
from collections.abc import Iterable

from vietnamese.text import WORD, fold, normalize
from vietnamese.xmlsafe import xml_safe

MAX_QUERY_CHARS = 200
MAX_QUERY_TERMS = 16
_PHRASE = re.compile(r'"([^"]*)"')


def clean_query(text: str | None) -> str:
    """What a reader typed, made safe for every engine: no control characters or lone
    surrogates (psycopg and SQLite refuse them), at most MAX_QUERY_CHARS, normalised."""
    if not text:
        return ""
    text = xml_safe(text, " ")[: MAX_QUERY_CHARS * 2]
    return " ".join(normalize(text).split())[:MAX_QUERY_CHARS].strip()


def terms(text: str) -> list[str]:
    """Lower-case syllables of normalised text; punctuation, FTS operators' symbols and emoji
    vanish because they are not word characters."""
    return [word.lower() for word in WORD.findall(normalize(text or "")) if word.strip("_")]


def folded_terms(text: str | None) -> str:
    """The syllables folded (no diacritics, lower case), one space apart: "Tin  đồn!" and
    "tin don" both give "tin don"."""
    return " ".join(fold(term) for term in terms(text or ""))


def contains_terms(text: str | None, folded: str) -> bool:
    """Whether `text` has the syllables of `folded` (a folded_terms result) in a row, compared
    folded and word by word: "tin don" is in "Tin đồn về lãnh đạo", not in "tin dong"."""
    return bool(folded) and f" {folded} " in f" {folded_terms(text)} "


def parse_query(text: str) -> tuple[list[str], list[list[str]]]:
    """Loose terms and quoted phrases ("điển hình" keeps its syllables in order)."""
    phrases = [terms(p) for p in _PHRASE.findall(text)]
    phrases = [p for p in phrases if p][:MAX_QUERY_TERMS]
    loose = terms(_PHRASE.sub(" ", text).replace('"', " "))[:MAX_QUERY_TERMS]
    return loose, phrases


def highlight(
    text: str,
    query: str,
    width: int = 200,
    folded: str | None = None,
    also: Iterable[str] = (),
) -> str:
    """HTML-safe excerpt around the first match with matched syllables in <mark>, compared
    folded so "dien hinh" marks "Điển hình"; the same for every backend. With `folded` (the
    stored fold of `text`, same length), matches are found by one regex over it. `also`: more
    folded syllables to mark (an abbreviation's words in full)."""
    from django.utils.html import escape

    loose, phrases = parse_query(query)
    wanted = {fold(t) for t in loose} | {fold(t) for p in phrases for t in p} | set(also)
    if folded is not None and len(folded) == len(text) and wanted:
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(wanted))) + r")\b")
        matches = list(pattern.finditer(folded))
    else:
        text = normalize(text or "")
        matches = [m for m in WORD.finditer(text) if fold(m.group(0)) in wanted]
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
