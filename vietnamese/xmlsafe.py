"""Text every consumer can carry: no characters XML 1.0 forbids, no lone surrogates.

XML 1.0 forbids C0 controls other than tab, newline and carriage return, and U+FFFE/U+FFFF;
lone surrogates cannot be encoded at all (psycopg and SQLite refuse them too). Word pastes
form feeds and vertical tabs; hostile query strings carry NULs. Feeds, radio scripts and search
queries all strip the same set.
"""

import re

XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str | None, replacement: str = "") -> str:
    """`text` without the characters XML cannot carry (each replaced by `replacement`)."""
    return XML_INVALID.sub(replacement, text or "")
