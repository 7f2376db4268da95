"""Vietnamese typed with the input method off: Telex ("ddieenj bieen") and VNI ("gia3m nghe2o")
key sequences decoded into the syllables they spell ("điện biên", "giảm nghèo").

A token is decoded only when its keys spell one valid Vietnamese syllable (onset, vowels and
final consonant from the language's inventory; a syllable ending in c, ch, p or t takes only
the sắc or nặng tone); anything else ("2055/QĐ", "wifi", "covid") stays as typed. Callers try
the raw query first: "ddos" decodes to "đó", which is why decoding is a fallback, never a
rewrite.
"""

from __future__ import annotations

import re
import unicodedata

from .text import normalize

# Combining marks: the tone (one per syllable) and the letter marks (circumflex, horn, breve).
GRAVE, ACUTE, HOOK, TILDE, DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
CIRCUMFLEX, HORN, BREVE = "\u0302", "\u031b", "\u0306"

TELEX_TONES = {"s": ACUTE, "f": GRAVE, "r": HOOK, "x": TILDE, "j": DOT, "z": ""}
VNI_TONES = {"1": ACUTE, "2": GRAVE, "3": HOOK, "4": TILDE, "5": DOT, "0": ""}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ONSETS = _words("b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x") | {""}
CODAS = _words("c ch m n ng nh p t") | {""}
STOP_CODAS = frozenset({"c", "ch", "p", "t"})
# Vowel groups (base letters with their marks, written as the letters of the syllable).
NUCLEI = _words(
    """a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iu iê oa oă oe oi ôi ơi oo ua uâ uê ui
    uô uơ ưa ưi ưu ươ uy uya uyê yê oai oay oeo uây uôi ươi ươu iêu yêu uyu"""
)
VOWELS = "aăâeêioôơuưy"
_TOKEN = re.compile(r"[A-Za-z0-9]+")
_LETTERS = re.compile(r"[a-zđ]")


def _compose(letters: str) -> str:
    return unicodedata.normalize("NFC", letters)


class _Syllable:
    """The letters typed so far, with marks applied as the keys arrive."""

    def __init__(self) -> None:
        self.letters: list[str] = []  # each a base letter plus at most one letter mark
        self.tone: str | None = None

    def has_vowel(self) -> bool:
        return any(_compose(c)[0] in VOWELS for c in self.letters)

    def last_vowels(self) -> list[int]:
        """Indexes of the trailing run of vowels before any final consonant."""
        indexes = [i for i, c in enumerate(self.letters) if c[0] in "aeiouy"]
        return indexes

    def mark(self, bases: str, mark: str, *, adjacent: bool) -> bool:
        """Puts `mark` on the latest unmarked vowel among `bases` (the one just typed when
        `adjacent`); False when there is none, and the key is then a letter."""
        candidates = [i for i in self.last_vowels() if self.letters[i] in tuple(bases)]
        if not candidates:
            return False
        index = candidates[-1]
        if adjacent and index != len(self.letters) - 1:
            return False
        self.letters[index] += mark
        return True

    def horn(self) -> bool:
        """Telex w / VNI 7: "uo" takes two horns (ươ), else the latest u or o; w after a gives ă
        only in Telex (handled by the caller)."""
        text = "".join(c[0] for c in self.letters)
        position = text.rfind("uo")
        after_q = position > 0 and text[position - 1] == "q"  # the u of qu is the onset's
        if (
            position >= 0
            and not after_q
            and self.letters[position] == "u"
            and self.letters[position + 1] == "o"
        ):
            self.letters[position] += HORN
            self.letters[position + 1] += HORN
            return True
        return self.mark("uo", HORN, adjacent=False)

    def stroke_d(self) -> bool:
        if self.letters and self.letters[0] == "d":
            self.letters[0] = "đ"
            return True
        return False

    def word(self) -> str | None:
        """The syllable, or None when the letters are not a Vietnamese syllable."""
        text = _compose("".join(self.letters))
        match = re.fullmatch(r"([^aăâeêioôơuưy]*)([aăâeêioôơuưy]+)([^aăâeêioôơuưy]*)", text)
        if not match:
            return None
        onset, nucleus, coda = match.groups()
        if onset in ("g", "q") and nucleus[0] in "iu" and len(nucleus) > 1:
            onset, nucleus = onset + nucleus[0], nucleus[1:]  # gi-a, qu-a
        if onset not in ONSETS or coda not in CODAS:
            return None
        if onset == "q" or (onset == "gi" and not nucleus):
            return None
        if nucleus not in NUCLEI and not (onset == "gi" and nucleus in NUCLEI | {"ê"}):
            return None
        tone = self.tone or ""
        if coda in STOP_CODAS and tone not in (ACUTE, DOT):
            return None
        return normalize(onset + _place_tone(nucleus, coda, tone) + coda)


def _place_tone(nucleus: str, coda: str, tone: str) -> str:
    """The tone on its vowel: a marked vowel (ơ of ươ) first, else the second vowel of a closed
    group and the first of an open pair (the middle of three); `normalize` settles oa/oe/uy."""
    if not tone:
        return nucleus
    marked = [i for i, c in enumerate(nucleus) if c in "ăâêôơư"]
    if marked:
        index = marked[-1]
    elif len(nucleus) == 1:
        index = 0
    elif len(nucleus) == 3:
        index = 1
    else:
        index = 1 if coda else 0
    decomposed = list(nucleus)
    decomposed[index] = _compose(unicodedata.normalize("NFD", nucleus[index]) + tone)
    return "".join(decomposed)


def decode_telex_token(token: str) -> str | None:
    """One Telex-typed token ("ddieenj") as the syllable it spells ("điện"), or None."""
    lower = token.lower()
    if not lower.isalpha() or not lower.isascii():
        return None
    syllable = _Syllable()
    for key in lower:
        last = syllable.letters[-1] if syllable.letters else ""
        if key == "d" and last == "d" and len(syllable.letters) == 1:
            syllable.stroke_d()
        elif key in "aeo" and last == key:
            syllable.letters[-1] += CIRCUMFLEX
        elif key == "w":
            if syllable.mark("a", BREVE, adjacent=False) or syllable.horn():
                continue
            if not syllable.letters or not syllable.has_vowel():
                syllable.letters.append("u" + HORN)  # w alone types ư
            else:
                return None
        elif key in TELEX_TONES and syllable.has_vowel():
            syllable.tone = TELEX_TONES[key]
        else:
            syllable.letters.append(key)
    return syllable.word()


def decode_vni_token(token: str) -> str | None:
    """One VNI-typed token ("gia3m") as the syllable it spells ("giảm"), or None."""
    lower = token.lower()
    if not lower.isascii() or not lower.isalnum() or lower.isdigit() or not lower[0].isalpha():
        return None
    syllable = _Syllable()
    for key in lower:
        if key.isalpha():
            syllable.letters.append(key)
        elif key in VNI_TONES and syllable.has_vowel():
            syllable.tone = VNI_TONES[key]
        elif key == "6":
            if not syllable.mark("aeo", CIRCUMFLEX, adjacent=False):
                return None
        elif key == "7":
            if not syllable.horn():
                return None
        elif key == "8":
            if not syllable.mark("a", BREVE, adjacent=False):
                return None
        elif key == "9":
            if not syllable.stroke_d():
                return None
        else:
            return None
    return syllable.word()


def _decode(text: str, decode_token) -> str:
    changed = False

    def replace(match: re.Match) -> str:
        nonlocal changed
        token = match.group(0)
        decoded = decode_token(token)
        if decoded is None or decoded == token.lower():
            return token
        changed = True
        return decoded.capitalize() if token[0].isupper() else decoded

    result = _TOKEN.sub(replace, text)
    return result if changed else text


def decode_telex(text: str) -> str:
    """Every Telex-typed token of `text` decoded; the rest as typed."""
    return _decode(text, decode_telex_token)


def decode_vni(text: str) -> str:
    """Every VNI-typed token of `text` decoded; the rest as typed."""
    return _decode(text, decode_vni_token)


def query_variants(text: str) -> list[str]:
    """What `text` may have meant if typed with the input method off: its Telex and VNI
    readings that differ from it, Telex first (the more common method). Empty when neither
    reading changes anything."""
    variants: list[str] = []
    for decoded in (decode_telex(text), decode_vni(text)):
        if decoded != text and decoded not in variants:
            variants.append(decoded)
    return variants


_TELEX_LETTERS = {"đ": "dd", "â": "aa", "ê": "ee", "ô": "oo", "ă": "aw", "ơ": "ow", "ư": "uw"}
_VNI_LETTERS = {"đ": "d9", "â": "a6", "ê": "e6", "ô": "o6", "ă": "a8", "ơ": "o7", "ư": "u7"}
_TELEX_KEYS = {mark: key for key, mark in TELEX_TONES.items() if mark}
_VNI_KEYS = {mark: key for key, mark in VNI_TONES.items() if mark}


def _encode(text: str, letters: dict[str, str], keys: dict[str, str]) -> str:
    def syllable(match: re.Match) -> str:
        word, typed, tone_key = match.group(0), [], ""
        for char in word:
            parts = unicodedata.normalize("NFD", char)
            tone_key = next((keys[mark] for mark in parts if mark in keys), tone_key)
            base = unicodedata.normalize("NFC", "".join(m for m in parts if m not in keys))
            keys_for = letters.get(base.lower(), base.lower())
            typed.append(keys_for[0].upper() + keys_for[1:] if base.isupper() else keys_for)
        return "".join(typed) + tone_key

    return re.sub(r"[^\W\d_]+", syllable, text)


def encode_telex(text: str) -> str:
    """Vietnamese text as typed in Telex with the input method off ("điện" → "ddieenj"): the
    queries of the benchmarks and tests."""
    return _encode(text, _TELEX_LETTERS, _TELEX_KEYS)


def encode_vni(text: str) -> str:
    """Vietnamese text as typed in VNI with the input method off ("điện" → "d9ie6n5")."""
    return _encode(text, _VNI_LETTERS, _VNI_KEYS)
