"""What the public sends in URLs and query strings, read strictly: a hostile value is refused
(None, or a 404 for a path), never a server error.

`str.isdigit()` and `int()` accept far more than digits ("²", "٣", " 1", "1_000"), and a
30-digit id overflows every database; ids here are ASCII digits that fit a 32-bit key.
"""

from __future__ import annotations

import re

MAX_ID = 2**31 - 1
_DIGITS = re.compile(r"[0-9]{1,10}")


def whole_number(value: str | None, *, low: int = 0, high: int = MAX_ID) -> int | None:
    """`value` as an int when it is ASCII digits only, within [low, high]; else None."""
    if value is None or not _DIGITS.fullmatch(value):
        return None
    number = int(value)
    return number if low <= number <= high else None


class IdConverter:
    """`<id:pk>` in URL patterns: a database id, or no match (a 404) for anything else."""

    regex = "[0-9]{1,10}"

    def to_python(self, value: str) -> int:
        number = whole_number(value, low=1)
        if number is None:
            raise ValueError(value)  # Django treats it as no match
        return number

    def to_url(self, value: int) -> str:
        return str(value)
