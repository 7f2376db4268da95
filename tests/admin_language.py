"""Reading an admin screen as a Vietnamese journalist does, and listing the English on it.

A screen is parsed, not string-matched: its visible text, the attributes people see or hear
(title, placeholder, aria-label, alt, button values, Wagtail's ``data-*-value`` texts), and the
JSON Wagtail hands to its JavaScript (``wagtail-config``, the sidebar, StreamField and panel
definitions). An English word is an ASCII word that cannot be a Vietnamese syllable; short words
that can be both ("No", "Go", "to") count when the whole phrase is unaccented ASCII.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterator

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, ProcessingInstruction

from vietnamese.text import normalize

# Proper names and technical tokens that are the same in Vietnamese; never untranslated phrases.
ALLOWED = {
    "wagtail",
    "lan",
    "email",
    "facebook",
    "zalo",
    "javascript",
    "embedly",
    "chromium",
    "english",  # the English option of the language menu, in its own language
    "excel",
    # Loanwords of the Vietnamese newsroom and key names on the keyboard.
    "web",
    "video",
    "sapo",
    "ctrl",
    "alt",
    "shift",
    "esc",
    "enter",
    "byte",
    "cookie",
    "unicode",
    "django",
    "python",
    "referer",
    "referrer",
    "txt",  # a file extension ("Tải kịch bản (.txt)")
    "html",
    # Names the commands and feeds take as they are: `import_articles` asks for a column's
    # slug, a feed for its ?token= and ?limit=, `repair_swapped_dates` cites a migration.
    "slug",
    "token",
    "limit",
    "migration",
    "xlsx",  # "Tệp Excel (.xlsx)"
    "word",  # Microsoft Word, the format offices edit and sign ("Báo cáo (Word)")
    "piper",  # the offline speech engine, by name (SPEECH_ENGINE=piper)
    # The demo's usernames.
    "admin",
    "phongvien",
    "bientap",
    "lanhdao",
    "thidua",
}

# English words that happen to spell a toneless Vietnamese syllable: English only when the
# whole phrase is unaccented ASCII ("No", "Go to", "Set").
AMBIGUOUS = {
    "a",
    "an",
    "at",
    "be",
    "by",
    "can",
    "do",
    "get",
    "go",
    "he",
    "hi",
    "it",
    "me",
    "my",
    "no",
    "not",
    "on",
    "set",
    "so",
    "than",
    "that",
    "the",
    "then",
    "to",
    "top",
    "up",
    "via",
    "root",
}

_INITIALS = "ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x"
# Vowel nuclei and finals as they read once diacritics are folded away (ươ → uo, iê → ie).
_NUCLEI = (
    "uye|uya|uyu|uoi|uou|oai|oay|oeo|uay|ieu|yeu|oao|"
    "ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|"
    "a|e|i|o|u|y"
)
_FINALS = "ch|ng|nh|c|m|n|p|t|i|o|u|y"
_SYLLABLE = re.compile(rf"(?:{_INITIALS})?(?:{_NUCLEI})(?:{_FINALS})?")
_ASCII_WORD = re.compile(r"[A-Za-z]+")
_EDGE_PUNCTUATION = "\"'“”‘’()[]{}«»…,.:;!?*–—-•·|/\\+"
_TECHNICAL = re.compile(r"[0-9/._#=@<>{}|\\%&~^$]")
# Placeholders, markup and code anywhere in a token: %(count)s, {title}, <b>, href=…
_CODE = re.compile(r"[{}%<>=@\\#]")

# Attributes read aloud or shown on hover or as a hint; data-*-value attributes when prose.
_TEXT_ATTRIBUTES = ("title", "placeholder", "aria-label", "aria-description", "alt")
_BUTTON_TYPES = {"submit", "button", "reset"}
_INLINE_JSON = re.compile(r"JSON\.parse\(\"((?:[^\"\\]|\\.)*)\"\)")
_INLINE_OBJECT = re.compile(r"\((?:\"[^\"]*\",\s*)?(\{.*\})\);?\s*$", re.S)


def is_vietnamese_syllable(word: str) -> bool:
    """True when ``word`` (ASCII) could be a Vietnamese syllable written without diacritics."""
    return _SYLLABLE.fullmatch(word.lower()) is not None


def english_words(phrase: str) -> list[str]:
    """The English words of one phrase, in order."""
    found: list[str] = []
    all_ascii = phrase.isascii()
    for raw in phrase.split():
        token = raw.strip(_EDGE_PUNCTUATION)
        if not token or _CODE.search(raw) or _TECHNICAL.search(token):
            continue
        if raw.lstrip("(“\"'").startswith("--"):  # a command-line option: --dry-run, --apply
            continue
        parts = re.split(r"[-'’]", token)
        if (
            len(parts) > 1
            and (
                # A slug (guong-sang-doi-thuong) once every part reads as a syllable or a name.
                (token.islower() and all(is_vietnamese_syllable(p) or p in ALLOWED for p in parts))
                # A header or class name: Referrer-Policy, X-Csrftoken.
                or all(p[:1].isupper() for p in parts)
            )
        ):
            continue
        for part in parts:
            if not _ASCII_WORD.fullmatch(part) or (len(part) < 2 and part.lower() != "a"):
                continue
            if part.isupper() and len(part) > 1:  # acronyms: URL, RSS, UBND, XLSX
                continue
            lower = part.lower()
            if lower in ALLOWED:
                continue
            if not is_vietnamese_syllable(lower) or (all_ascii and lower in AMBIGUOUS):
                found.append(part)
    return found


def looks_like_prose(value: str) -> bool:
    """Strings in JSON and data attributes are read only when they look written for people."""
    letters = [c for c in value if c.isalpha()]
    if not letters:
        return False
    return any(c.isspace() for c in value) or not value.isascii() or letters[0].isupper()


# Keys whose values are identifiers, never text: telepath types, icons, CSS classes, headers.
_TECHNICAL_KEYS = {"_type", "icon", "icon_name", "classname", "type", "name", "CSRF_HEADER_NAME"}
# Telepath wraps values in {"_val": …}, {"_dict": …}, {"_list": …}: they keep their key.
_TELEPATH_WRAPPERS = {"_val", "_dict", "_list", "_args"}


def _json_strings(data, key: str = "") -> Iterator[str]:
    if isinstance(data, str):
        stripped = data.strip()
        if key in _TECHNICAL_KEYS or key.startswith(("data-", "aria-hidden", "role")):
            return
        if stripped.startswith("<") and stripped.endswith(">"):
            yield from _html_fragments(stripped)  # widget templates handed to JavaScript
        elif stripped[:1] in "{[" and (parsed := _parse_json(stripped)) is not None:
            yield from _json_strings(parsed, key)
        elif looks_like_prose(data):
            yield data
    elif isinstance(data, dict):
        for child_key, value in data.items():
            child_key = str(child_key)
            yield from _json_strings(value, key if child_key in _TELEPATH_WRAPPERS else child_key)
    elif isinstance(data, list):
        for value in data:
            yield from _json_strings(value, key)


def _parse_json(text: str):
    try:
        return json.loads(text)
    except ValueError:
        return None


def _script_strings(script: str, kind: str) -> Iterator[str]:
    if kind == "application/json":
        yield from _json_strings(_parse_json(script))
        return
    for match in _INLINE_JSON.finditer(script):
        yield from _json_strings(_parse_json(_parse_json(f'"{match.group(1)}"') or ""))
    for line in script.splitlines():
        match = _INLINE_OBJECT.search(line.strip())
        if match:
            yield from _json_strings(_parse_json(match.group(1)))


@functools.lru_cache(maxsize=512)
def _html_fragments(html: str) -> tuple[str, ...]:
    """The same widget templates recur in every editor's JSON: each is read once."""
    return tuple(fragments(html))


def fragments(html: str) -> Iterator[str]:
    """Every piece of text on the screen that a person sees, hears or gets from JavaScript."""
    soup = BeautifulSoup(html, "lxml")
    skipped = (Comment, Declaration, Doctype, ProcessingInstruction)
    # Wagtail renders the side panel counters as "None" until its JavaScript puts a number in.
    for counter in soup.select("[data-side-panel-toggle-counter]"):
        counter.clear()
    for node in soup.find_all(string=True):
        if isinstance(node, skipped):
            continue
        parent = node.parent.name if node.parent else ""
        if parent == "script":
            yield from _script_strings(str(node), node.parent.get("type", ""))
        elif parent not in {"style", "textarea"}:
            text = " ".join(node.split())
            if text:
                yield text
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            if not isinstance(value, str) or not value.strip():
                continue
            if name in _TEXT_ATTRIBUTES:
                yield value
            elif name == "value" and tag.name == "input" and tag.get("type") in _BUTTON_TYPES:
                yield value  # a <button>'s value is sent, never shown
            elif name.startswith("data-") and name.endswith(("-value", "-label")):
                parsed = _parse_json(value) if value.lstrip()[:1] in "{[" else None
                if parsed is not None:
                    yield from _json_strings(parsed)
                elif looks_like_prose(value):
                    yield value


def response_fragments(content: bytes, content_type: str) -> Iterator[str]:
    """The text of an HTML page, or of the JSON (modal HTML, upload forms) a screen fetches."""
    text = content.decode()
    if "json" in content_type:
        yield from _json_strings(json.loads(text))
    else:
        yield from fragments(text)


def english_phrases(texts) -> list[str]:
    """Phrases that contain English, each once, in page order."""
    seen: dict[str, None] = {}
    for fragment in texts:
        if english_words(fragment):
            seen.setdefault(" ".join(fragment.split())[:120], None)
    return list(seen)


def old_tone_marks(texts) -> list[str]:
    """Phrases with the other tone-mark placement (hoà, thuỷ) than the project's (hòa, thủy)."""
    return [t for t in texts if normalize(t) != unicodedata.normalize("NFC", t)]
