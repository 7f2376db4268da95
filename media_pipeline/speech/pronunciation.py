"""The text the synthetic voice reads: the newsroom's pronunciation dictionary (the
`Pronunciation` snippet) applied on top of `vietnamese.speech`'s normalisation."""

from __future__ import annotations

import hashlib
import re

from vietnamese.speech import to_speech_text
from vietnamese.text import normalize


def dictionary() -> dict[str, str]:
    """Every entry, term → spoken form (one query; the list is short)."""
    from media_pipeline.models import Pronunciation

    return dict(Pronunciation.objects.values_list("term", "spoken"))


def apply_dictionary(text: str, entries: dict[str, str]) -> str:
    """Every term, as a whole word and as written (case matters: "Na" the name, not "na"),
    replaced by its spoken form; longer terms first, so "UBND tỉnh" wins over "UBND"."""
    if not entries:
        return text
    keys = sorted(entries, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(key) for key in keys) + r")(?!\w)")
    return pattern.sub(lambda match: entries[match.group(0)], text)


def spoken_text(text: str, entries: dict[str, str] | None = None) -> str:
    """What the engine is given: the dictionary's terms first (so an entry overrides the
    built-in abbreviation list), then `vietnamese.speech.to_speech_text` (abbreviations, dates
    and numbers in words, no URLs)."""
    entries = dictionary() if entries is None else entries
    return to_speech_text(apply_dictionary(normalize(text or ""), entries))


def source_hash(spoken: str) -> str:
    """Identifies what was read: a story is rendered again only when this changes."""
    return hashlib.sha256(spoken.encode("utf-8")).hexdigest()
