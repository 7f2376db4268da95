"""Vietnamese dictionary order: the sort key every list of names is sorted by.

The rules are those of Vietnamese dictionaries (Hoàng Phê's *Từ điển tiếng Việt*), written
down by Vũ Xuân Lương, Vietnam Lexicography Centre, "Quy tắc sắp xếp đơn vị từ vựng trong từ
điển tiếng Việt" (https://vietlex.com/xu-li-ngon-ngu/29-Quy_tac_sap_xep_don_vi_tu_vung_trong_tu_dien_tieng_Viet;
English: http://vietunicode.sourceforge.net/charset/quytacABC_en.html):

1. letters in the order a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z
   (f, j, w, z only occur in loanwords and names from other languages);
2. tones in the order ngang (none), huyền, hỏi, ngã, sắc, nặng;
3. a shorter block sorts before a longer one it begins ("cha" before "chan"), and lower case
   before upper case ("a" before "A");
4. letters first, tones after, **syllable by syllable**: two syllables are compared by their
   letters, ignoring tones ("ang" before "anh", "ác" before "ách"), and only when the letters are
   the same by their tones ("ba", "bà", "bả"); a name is compared syllable after syllable.

So every "Ba …" comes before any "Bà …" ("Ba Vì" before "Bà Anh"). ICU's Vietnamese collation
(PostgreSQL's "vi-x-icu") compares every letter of the whole string before any tone and puts
"Bà Anh" first; that is why PostgreSQL orders by `vi_sort_key()` (see `postgres_function_sql`),
which computes this very key in SQL, rather than by an ICU collation.

The key is a string compared code point by code point (what PostgreSQL's "C" collation does to
UTF-8), built by the same steps in Python (`re.sub`, `str.translate`) and in SQL
(`regexp_replace()`, `translate()`), so both engines give the same order. The text is taken
apart (NFD): a base letter, then the marks that make ă â ê ô ơ ư, and the tone mark.

    key = syllable₁ SEP syllable₂ … END case marks END text

Each syllable is its letters — the base letter's rank (đ has its own), followed by a breve,
circumflex or horn mark that sorts above everything, so "az" < "ă" < "â" < "b" — then a tone
character at its end when it carries a tone (none for ngang). Syllables are separated by ASCII
white space and hyphens. The control characters END < SEP < tone characters sort below
everything else, which gives rules 3 and 4: "ba" before "bà" (END or SEP before a tone), "bạ"
before "bac" (a tone before a letter), "ba vì" before "bà anh" (SEP before a tone). Characters
outside the alphabet (digits, punctuation, other scripts) keep their own code point: digits and
punctuation sort before letters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
BASE_LETTERS = "abcdđefghijklmnopqrstuvwxyz"  # ă â ê ô ơ ư are a base letter and a mark
# The marks that make ă, â (ê, ô) and ơ (ư), in alphabet order: breve, circumflex, horn.
LETTER_MARKS = "\u0306\u0302\u031b"
# Combining tone marks in dictionary order: ngang (none), huyền, hỏi, ngã, sắc, nặng.
TONE_MARKS = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
TONE_NAMES = ("ngang", "huyền", "hỏi", "ngã", "sắc", "nặng")

END = "\x01"  # after the last syllable: a name sorts before the longer names it begins
SEP = "\x02"  # between syllables
TONE_BASE = 3  # tone characters \x04 (huyền) … \x08 (nặng), TONE_BASE + tone; ngang has none
LETTER_BASE = 0xE000  # base letters become U+E000 + their place (private use area)
MARK_BASE = 0x10FFF0  # letter marks: the highest code points, above any other character
UPPER = chr(0x10FFFF)  # case marks: an upper-case letter sorts after its lower case
SEPARATORS = "\t\n\v\f\r -"
_SPLIT = re.compile(f"[{re.escape(SEPARATORS)}]+")
_NOT_SEPARATOR = f"[^{re.escape(SEPARATORS)}]*"

# One table each for the primary key and the case marks; tone marks are dropped from the
# primary key (they were moved to the end of their syllable first).
FROM = BASE_LETTERS + BASE_LETTERS.upper() + LETTER_MARKS
TO_PRIMARY = "".join(chr(LETTER_BASE + rank) for rank in range(len(BASE_LETTERS))) * 2 + "".join(
    chr(MARK_BASE + rank) for rank in range(len(LETTER_MARKS))
)
DROPPED = "".join(TONE_MARKS)
CASE_FROM = BASE_LETTERS.upper()  # lower-case letters stay: every one sorts below UPPER
CASE_TO = UPPER * len(CASE_FROM)
_PRIMARY_TABLE = str.maketrans(FROM, TO_PRIMARY, DROPPED)
_CASE_TABLE = str.maketrans(CASE_FROM, CASE_TO)
# Per tone: its mark, and the rest of its syllable; the tone character goes after both.
_TONE_PATTERNS = [
    (mark, re.compile(f"({mark})({_NOT_SEPARATOR})"), "\\1\\2" + chr(TONE_BASE + tone))
    for tone, mark in enumerate(TONE_MARKS)
    if mark
]


def syllables(text: str) -> list[str]:
    """The syllables a name is compared by: split on white space and hyphens."""
    return [part for part in _SPLIT.split(unicodedata.normalize("NFC", text or "")) if part]


@lru_cache(maxsize=65536)
def sort_key(text: str | None) -> str:
    """The Vietnamese dictionary sort key of a name: `sorted(names, key=sort_key)`.

    The steps of `postgres_function_sql`, one for one: decompose, trim separators, put each
    syllable's tone character at its end, one SEP per run of separators, letters to ranks."""
    text = text or ""
    parts = unicodedata.normalize("NFD", text)
    marked = parts.strip(SEPARATORS)
    for mark, pattern, replacement in _TONE_PATTERNS:
        if mark in marked:
            marked = pattern.sub(replacement, marked)
    primary = _SPLIT.sub(SEP, marked).translate(_PRIMARY_TABLE)
    return primary + END + parts.translate(_CASE_TABLE) + END + text


def compare(left: str | None, right: str | None) -> int:
    """-1, 0 or 1: the comparison SQLite's `create_collation` asks for."""
    a, b = sort_key(left), sort_key(right)
    return (a > b) - (a < b)


def sorted_vietnamese(items, key=lambda item: item) -> list:
    """`items` in Vietnamese dictionary order of `key(item)` (a name or a title)."""
    return sorted(items, key=lambda item: sort_key(key(item)))


def _sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def postgres_function_sql(name: str = "vi_sort_key") -> str:
    """`CREATE FUNCTION` for PostgreSQL computing `sort_key` in SQL (compare it COLLATE "C").

    The same steps as `sort_key` with `normalize`, `btrim`, `regexp_replace` and `translate`:
    one expression of immutable built-ins, which PostgreSQL inlines into the query.
    PostgreSQL and Python (and therefore SQLite, whose collation calls `compare`) order names
    identically.
    """
    separators = "\\t\\n\\v\\f\\r -"  # as regex escapes (PostgreSQL's ARE)
    parts = "normalize(value, NFD)"
    trim = " || ".join(f"chr({ord(char)})" for char in SEPARATORS)  # E'' has no \\v
    marked = f"btrim({parts}, {trim})"
    for tone, mark in enumerate(TONE_MARKS):
        if mark:
            pattern = _sql_literal(f"({mark})([^{separators}]*)")
            marked = (
                f"regexp_replace({marked}, {pattern}, '\\1\\2' || chr({TONE_BASE + tone}), 'g')"
            )
    runs = _sql_literal(f"[{separators}]+")
    primary = f"regexp_replace({marked}, {runs}, chr({ord(SEP)}), 'g')"
    return f"""
CREATE OR REPLACE FUNCTION {name}(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $function$
SELECT translate({primary}, {_sql_literal(FROM + DROPPED)}, {_sql_literal(TO_PRIMARY)})
|| chr({ord(END)}) || translate({parts}, {_sql_literal(CASE_FROM)}, {_sql_literal(CASE_TO)})
|| chr({ord(END)}) || value
$function$;
"""
