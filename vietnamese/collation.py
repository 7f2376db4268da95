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
UTF-8), built from one character table that Python (`str.translate`) and SQL (`translate()`)
both apply, so both engines give the same order:

    key = syllable₁ SEP syllable₂ … END case-marks END text

where each syllable is its letters mapped to ordered private-use characters followed by one tone
character. Syllables are separated by ASCII white space and hyphens. Characters outside the
table (digits, punctuation, other scripts) keep their own code point: they sort before letters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# Combining tone marks in dictionary order: ngang (none), huyền, hỏi, ngã, sắc, nặng.
TONE_MARKS = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
TONE_NAMES = ("ngang", "huyền", "hỏi", "ngã", "sắc", "nặng")

END = "\x01"  # after the last syllable: a name sorts before the longer names it begins
SEP = "\x02"  # between syllables
TONE_BASE = 3  # tone characters \x03 (ngang) … \x08 (nặng): below every other character
LETTER_BASE = 0xE000  # letters become U+E000 + their place in ALPHABET (private use area)
LOWER, UPPER = "a", "b"  # case marks: lower case first
SEPARATORS = "\t\n\v\f\r -"
_SPLIT = re.compile(f"[{re.escape(SEPARATORS)}]+")


def _letters() -> list[tuple[str, int, int, bool]]:
    """(character, letter rank, tone, is upper case) for every precomposed letter."""
    rows = []
    for rank, letter in enumerate(ALPHABET):
        for tone, mark in enumerate(TONE_MARKS):
            for char, upper in ((letter, False), (letter.upper(), True)):
                composed = unicodedata.normalize("NFC", char + mark)
                if len(composed) == 1:  # f, j, w, z take no tone as one character
                    rows.append((composed, rank, tone, upper))
    return rows


LETTERS = _letters()
FROM = "".join(char for char, *_rest in LETTERS)
TO_LETTER = "".join(chr(LETTER_BASE + rank) for _char, rank, _tone, _upper in LETTERS)
TO_CASE = "".join(UPPER if upper else LOWER for *_rest, upper in LETTERS)
# Toned letters grouped by tone, so SQL can write their tone characters with repeat().
TONED = sorted((row for row in LETTERS if row[2]), key=lambda row: row[2])
FROM_TONED = "".join(char for char, *_rest in TONED)
TO_TONE = "".join(chr(TONE_BASE + tone) for _char, _rank, tone, _upper in TONED)

_LETTER_TABLE = str.maketrans(FROM, TO_LETTER)
_CASE_TABLE = str.maketrans(FROM, TO_CASE)
_TONE_TABLE = str.maketrans(FROM_TONED, TO_TONE)
_TONE_CHARS = re.compile(f"[{chr(TONE_BASE + 1)}-{chr(TONE_BASE + len(TONE_MARKS) - 1)}]")


def syllables(text: str) -> list[str]:
    """The syllables a name is compared by: split on white space and hyphens."""
    return [part for part in _SPLIT.split(unicodedata.normalize("NFC", text or "")) if part]


def syllable_tone(syllable: str) -> int:
    """0 (ngang) … 5 (nặng): the tone of the first toned letter."""
    found = _TONE_CHARS.search(syllable.translate(_TONE_TABLE))
    return ord(found.group()) - TONE_BASE if found else 0


@lru_cache(maxsize=65536)
def sort_key(text: str | None) -> str:
    """The Vietnamese dictionary sort key of a name: `sorted(names, key=sort_key)`."""
    text = unicodedata.normalize("NFC", text or "")
    primary = SEP.join(
        part.translate(_LETTER_TABLE) + chr(TONE_BASE + syllable_tone(part))
        for part in syllables(text)
    )
    return primary + END + text.translate(_CASE_TABLE) + END + text


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

    It applies the same tables with `translate()`, so PostgreSQL and Python (and therefore
    SQLite, whose collation calls `compare`) order names identically.
    """
    tone_counts = [sum(1 for row in TONED if row[2] == tone) for tone in range(1, 6)]
    tone_chars = " || ".join(
        f"repeat(chr({TONE_BASE + tone}), {count})"
        for tone, count in zip(range(1, 6), tone_counts, strict=True)
    )
    tone_pattern = f"'[' || chr({TONE_BASE + 1}) || '-' || chr({TONE_BASE + 5}) || ']'"
    splitter = "[\\t\\n\\v\\f\\r -]+"
    return f"""
CREATE OR REPLACE FUNCTION {name}(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $function$
SELECT coalesce((
    SELECT string_agg(
        translate(part, {_sql_literal(FROM)}, {_sql_literal(TO_LETTER)})
        || coalesce(
            substring(translate(part, {_sql_literal(FROM_TONED)}, {tone_chars})
                      from {tone_pattern}),
            chr({TONE_BASE})),
        chr({ord(SEP)}) ORDER BY position)
    FROM regexp_split_to_table(t, {_sql_literal(splitter)}) WITH ORDINALITY AS p(part, position)
    WHERE part <> ''
), '')
|| chr({ord(END)}) || translate(t, {_sql_literal(FROM)}, {_sql_literal(TO_CASE)})
|| chr({ord(END)}) || t
FROM normalize(value, NFC) AS t
$function$;
"""
