"""Radio scripts: the text a presenter reads aloud, its syllable count and read time.

A journalist's own script is used as written. When it is blank the script is generated from
the title, sapo and body: no links or image captions, and the text made readable aloud by
`vietnamese.speech` (abbreviations expanded, dates and numbers spelt).
"""

from __future__ import annotations

import math

from django.conf import settings

from vietnamese.speech import syllable_count, to_speech_text
from vietnamese.text import normalize
from vietnamese.xmlsafe import xml_safe

DEFAULT_SYLLABLES_PER_MINUTE = 220


def story_text(story) -> str:
    """What a generated script is made from: title, sapo and body text (no captions, links)."""
    parts = [story.title, story.sapo, story.plain_text()]
    return "\n\n".join(part for part in parts if part)


def generate_script(story) -> str:
    """A script from the story itself, made readable aloud."""
    return to_speech_text(story_text(story))


def source_script(story) -> str:
    """The script before it is made readable aloud: the journalist's own, else the story's
    text. Synthetic speech starts here, so the pronunciation dictionary sees the terms as
    written ("UBND", not the built-in list's expansion of it)."""
    written = xml_safe(story.radio_script or "").strip()
    return normalize(written) if written else story_text(story)


def script_for(story) -> str:
    """The journalist's script when there is one, else the generated one."""
    written = xml_safe(story.radio_script or "").strip()
    return normalize(written) if written else generate_script(story)


def syllables_per_minute() -> int:
    return int(getattr(settings, "RADIO_SYLLABLES_PER_MINUTE", DEFAULT_SYLLABLES_PER_MINUTE))


def read_seconds(text: str, per_minute: int | None = None) -> int:
    """Estimated reading time in whole seconds at the configured speed."""
    speed = per_minute or syllables_per_minute()
    return math.ceil(syllable_count(text) * 60 / speed)
