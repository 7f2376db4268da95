"""One SpamTerm as a regular expression over folded text (vietnamese.text.fold): shared by the
rule form's check (models) and the scans (services)."""

from __future__ import annotations

import re

from vietnamese.text import fold, normalize

_SEPARATOR = r"[\s._-]+"


def compile_term(term: str, kind: str) -> re.Pattern:
    """The regular expression of one SpamTerm over folded text; ValueError for a bad one."""
    term = term.strip()
    if not term:
        raise ValueError("empty term")
    if kind == "pattern":
        try:
            return re.compile(rf"(?<![a-z0-9])(?:{term})(?![a-z0-9])")
        except re.error as error:
            raise ValueError(f"invalid regular expression: {error}") from None
    words = fold(normalize(term)).split()
    body = _SEPARATOR.join(re.escape(word) for word in words)
    return re.compile(rf"(?<![a-z0-9]){body}(?![a-z0-9])")
