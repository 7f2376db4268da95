"""Templates speak English in source and Vietnamese through locale/vi (issue 9).

Every user-facing string in our templates is an English msgid inside `{% translate %}`,
`{% blocktranslate %}` or `_("…")`, and its Vietnamese lives in the project catalogue
`locale/vi/LC_MESSAGES/django.po` (compiled by `make install`). So a Vietnamese letter anywhere
in a template's source — outside comments and the few proper names below — is a string that
skipped the catalogue; and every msgid the templates use must have its Vietnamese in the .po.
"""

import ast
import re
import unicodedata
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.template import Context, Template
from django.utils import translation
from django.utils.translation.template import templatize

PO_FILE = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES" / "django.po"

# Proper names that stay as they are in every language (the brand).
ALLOWED_NAMES = ("Lan Tỏa",)

_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # grave, acute, hook, tilde, dot
VIETNAMESE_LETTERS = frozenset(
    letter
    for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    for tone in _TONES
    if len(letter := unicodedata.normalize("NFC", base + tone)) == 1 and not letter.isascii()
) | {"đ", "Đ"}

_COMMENTS = re.compile(r"\{#.*?#\}|\{%\s*comment\b.*?%\}.*?\{%\s*endcomment\s*%\}", re.S)
_LITERAL = r"u?'(?:[^'\\]|\\.)*'|u?\"(?:[^\"\\]|\\.)*\""
_CALL = re.compile(
    rf"\b(gettext|pgettext|ngettext|npgettext|_)\(\s*({_LITERAL})"
    rf"(?:\s*,\s*({_LITERAL}))?(?:\s*,\s*({_LITERAL}))?"
)


def template_files() -> list[Path]:
    """Our templates: the project's template folders and each of our apps' `templates/`."""
    base = Path(settings.BASE_DIR).resolve()
    folders = [Path(folder) for engine in settings.TEMPLATES for folder in engine["DIRS"]]
    folders += [Path(app.path) / "templates" for app in apps.get_app_configs()]
    found = set()
    for folder in folders:
        folder = folder.resolve()
        if folder.is_dir() and folder.is_relative_to(base) and ".venv" not in folder.parts:
            found |= {
                path for path in folder.rglob("*") if path.suffix in {".html", ".txt", ".xml"}
            }
    return sorted(found)


def vietnamese_lines(source: str) -> list[tuple[int, str]]:
    """(line number, line) of each line with a Vietnamese letter outside comments and names."""
    kept = _COMMENTS.sub(lambda match: "\n" * match.group().count("\n"), source)
    for name in ALLOWED_NAMES:
        kept = kept.replace(name, "")
    return [
        (number, line.strip())
        for number, line in enumerate(kept.splitlines(), 1)
        if VIETNAMESE_LETTERS.intersection(line)
    ]


def msgids(source: str) -> set[tuple[str | None, str, str | None]]:
    """(context, msgid, plural msgid) of every string `makemessages` would extract."""
    found = set()
    for name, *literals in _CALL.findall(templatize(source)):
        values = [ast.literal_eval(literal.removeprefix("u")) for literal in literals if literal]
        if name == "pgettext":
            found.add((values[0], values[1], None))
        elif name == "ngettext":
            found.add((None, values[0], values[1]))
        elif name == "npgettext":
            found.add((values[0], values[1], values[2]))
        else:
            found.add((None, values[0], None))
    return found


def missing_translations(wanted, catalogue: polib.POFile) -> list[tuple[str | None, str]]:
    entries = {(entry.msgctxt, entry.msgid): entry for entry in catalogue if not entry.obsolete}
    missing = []
    for context, msgid, plural in sorted(wanted, key=str):
        entry = entries.get((context, msgid))
        translated = entry is not None and "fuzzy" not in entry.flags
        if translated and plural is not None:
            translated = entry.msgid_plural == plural and bool(entry.msgstr_plural.get(0))
        elif translated:
            translated = bool(entry.msgstr)
        if not translated:
            missing.append((context, msgid))
    return missing


def test_the_scan_covers_every_template_folder():
    files = template_files()
    names = {path.relative_to(settings.BASE_DIR).as_posix() for path in files}
    assert {"templates/base.html", "templates/stories/story_page.html"} <= names
    assert len(files) >= 50


def test_no_vietnamese_text_outside_the_catalogue():
    found = [
        f"{path.relative_to(settings.BASE_DIR)}:{number}: {line}"
        for path in template_files()
        for number, line in vietnamese_lines(path.read_text(encoding="utf-8"))
    ]
    assert not found, "Vietnamese in template source (use an English msgid):\n" + "\n".join(found)


def test_every_template_msgid_has_its_vietnamese_in_the_catalogue():
    wanted = set().union(*(msgids(path.read_text(encoding="utf-8")) for path in template_files()))
    assert len(wanted) > 200  # the extraction works: the templates hold a few hundred strings
    assert (None, "%(counter)s result for “%(q)s”", "%(counter)s results for “%(q)s”") in wanted
    assert ("public site", "Tags", None) in wanted
    missing = missing_translations(wanted, polib.pofile(str(PO_FILE)))
    assert not missing, f"msgids without Vietnamese in {PO_FILE.name}: {missing}"


def test_the_checks_catch_what_they_are_for():
    """The scanner and the catalogue check fail on the mistakes they exist to catch."""
    source = (
        "{% load i18n %}<p>Tìm kiếm</p>{# Tìm kiếm #}\n"
        "{% comment %}Chú thích{% endcomment %}<b>Lan Tỏa</b>\n"
        '<a title="{% translate "Đường dẫn" %}">{% translate "Not in the catalogue" %}</a>'
    )
    assert [number for number, _ in vietnamese_lines(source)] == [1, 3]
    catalogue = polib.pofile(str(PO_FILE))
    assert missing_translations(msgids(source), catalogue) == [
        (None, "Not in the catalogue"),
        (None, "Đường dẫn"),
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('{% translate "Tags" context "public site" %}', "Từ khóa"),
        ('{% translate "Search" context "button" %}', "Tìm"),
        (
            "{% blocktranslate count counter=n with q=q %}{{ counter }} result for “{{ q }}”"
            "{% plural %}{{ counter }} results for “{{ q }}”{% endblocktranslate %}",
            "3 kết quả cho “cháo”",
        ),
        ("{% blocktranslate with number=2 %}Part {{ number }}{% endblocktranslate %}", "Kỳ 2"),
    ],
)
def test_the_compiled_catalogue_renders_vietnamese(source, expected):
    """`make install` compiled locale/vi; the site's language renders the Vietnamese."""
    with translation.override("vi"):
        rendered = Template("{% load i18n %}" + source).render(Context({"n": 3, "q": "cháo"}))
    assert rendered == expected
