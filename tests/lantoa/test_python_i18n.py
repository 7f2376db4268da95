"""Python speaks English in source and Vietnamese through locale/vi (issue 9).

Every gettext call in our Python code has an English msgid, as in Django and Wagtail, and its
Vietnamese lives in `locale/vi/LC_MESSAGES/django.po` (compiled by `make install`). The calls
are read with `ast` (the imported names, aliases included), not matched as text. An English
msgid is written in ASCII letters; a toneless Vietnamese one ("Trang") is caught by the second
check: nobody adds an entry for it to the catalogue. The templates' msgids (tests/lantoa/
test_template_i18n.py) and those of our JavaScript are checked against the compiled catalogue
here too, so a `.mo` left stale or shadowed shows.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.lantoa.test_template_i18n import (
    PO_FILE,
    missing_translations,
    msgids,
    template_files,
)

BASE = Path(settings.BASE_DIR)
JS_PO_FILE = PO_FILE.with_name("djangojs.po")
# Folders that hold no code of ours (or code whose strings are not the interface's).
SKIPPED = {".venv", "node_modules", "media", "staticfiles", "migrations", "tests"}

# django.utils.translation's functions: where the context, msgid and plural are.
FUNCTIONS = {
    "gettext": (None, 0, None),
    "gettext_lazy": (None, 0, None),
    "gettext_noop": (None, 0, None),
    "ngettext": (None, 0, 1),
    "ngettext_lazy": (None, 0, 1),
    "pgettext": (0, 1, None),
    "pgettext_lazy": (0, 1, None),
    "npgettext": (0, 1, 2),
    "npgettext_lazy": (0, 1, 2),
}


@dataclass(frozen=True)
class Call:
    line: int
    function: str
    context: str | None
    msgid: str | None  # None: not a string literal
    plural: str | None


def python_files() -> list[Path]:
    return sorted(
        path
        for path in BASE.rglob("*.py")
        if not SKIPPED.intersection(path.relative_to(BASE).parts[:-1])
    )


def gettext_calls(source: str) -> list[Call]:
    """The calls of django.utils.translation's functions, under whatever name they were
    imported (`gettext_lazy as _`), or through the module (`translation.gettext(…)`)."""
    tree = ast.parse(source)
    names: dict[str, str] = {}
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
            names |= {a.asname or a.name: a.name for a in node.names if a.name in FUNCTIONS}
        elif isinstance(node, ast.ImportFrom) and node.module == "django.utils":
            modules |= {a.asname or a.name for a in node.names if a.name == "translation"}
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in names:
            function = names[func.id]
        elif (
            isinstance(func, ast.Attribute)
            and func.attr in FUNCTIONS
            and isinstance(func.value, ast.Name)
            and func.value.id in modules
        ):
            function = func.attr
        else:
            continue

        def literal(index, node=node):
            if index is None:
                return None
            if index < len(node.args):
                arg = node.args[index]
                return (
                    arg.value
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                    else None
                )
            return None

        context, msgid, plural = FUNCTIONS[function]
        found.append(Call(node.lineno, function, literal(context), literal(msgid), literal(plural)))
    return found


def all_calls() -> dict[Path, list[Call]]:
    return {path: gettext_calls(path.read_text(encoding="utf-8")) for path in python_files()}


def not_english(call: Call) -> bool:
    """A msgid (or context, or plural) that is not a literal or has a non-ASCII letter."""
    texts = [call.msgid, call.context, call.plural]
    context, _, plural = FUNCTIONS[call.function]
    if (
        call.msgid is None
        or (context is not None and call.context is None)
        or (plural is not None and call.plural is None)
    ):
        return True
    return any(text and any(c.isalpha() and not c.isascii() for c in text) for text in texts)


def wanted(calls) -> set[tuple[str | None, str, str | None]]:
    return {(call.context, call.msgid, call.plural) for call in calls if call.msgid is not None}


def compiled_mismatches(keys, catalogue: polib.POFile) -> list[tuple[str | None, str, str]]:
    """Entries whose Vietnamese the running site does not get from the compiled catalogue."""
    entries = {(entry.msgctxt, entry.msgid): entry for entry in catalogue if not entry.obsolete}
    wrong = []
    with translation.override("vi"):
        for context, msgid, plural in sorted(keys, key=str):
            entry = entries.get((context, msgid))
            if entry is None:
                continue  # reported as missing by missing_translations
            if plural is None:
                expected = entry.msgstr
                got = (
                    translation.pgettext(context, msgid) if context else translation.gettext(msgid)
                )
            else:
                expected = entry.msgstr_plural.get(0, "")
                got = (
                    translation.npgettext(context, msgid, plural, 2)
                    if context
                    else translation.ngettext(msgid, plural, 2)
                )
            if got != expected:
                wrong.append((context, msgid, got))
    return wrong


def test_the_scan_covers_our_apps():
    files = {path.relative_to(BASE).as_posix() for path in python_files()}
    assert {"campaigns/choices.py", "stories/models.py", "lantoa/settings.py"} <= files
    assert not any(
        name.startswith(("tests/", ".venv/")) or "/migrations/" in name for name in files
    )
    calls = all_calls()
    assert sum(map(len, calls.values())) > 500  # the extraction works: several hundred strings


def test_every_python_msgid_is_english():
    found = [
        f"{path.relative_to(BASE)}:{call.line}: {call.function}({call.msgid!r})"
        for path, calls in all_calls().items()
        for call in calls
        if not_english(call)
    ]
    assert not found, "gettext with a non-English msgid (write the English):\n" + "\n".join(found)


def test_every_python_msgid_has_its_vietnamese_in_the_catalogue():
    keys = set().union(*map(wanted, all_calls().values()))
    catalogue = polib.pofile(str(PO_FILE))
    missing = missing_translations(keys, catalogue)
    assert not missing, f"msgids without Vietnamese in {PO_FILE.name}:\n" + "\n".join(
        map(repr, missing)
    )


def test_the_compiled_catalogue_gives_the_vietnamese_of_every_msgid():
    """What `make install` compiled is what the .po says, for Python and templates alike (an
    entry of Django's or Wagtail's own catalogue for the same msgid never wins over ours)."""
    keys = set().union(*map(wanted, all_calls().values()))
    keys |= set().union(*(msgids(path.read_text(encoding="utf-8")) for path in template_files()))
    wrong = compiled_mismatches(keys, polib.pofile(str(PO_FILE)))
    assert not wrong, "compiled catalogue disagrees with the .po (make install):\n" + "\n".join(
        map(repr, wrong)
    )


_JS_CALL = re.compile(
    r"\b(gettext|ngettext)\(\s*\"((?:[^\"\\]|\\.)*)\"(?:\s*,\s*\"((?:[^\"\\]|\\.)*)\")?"
)


def javascript_msgids() -> set[tuple[None, str, str | None]]:
    """gettext("…") / ngettext("…", "…", n) in our JavaScript (the djangojs domain)."""
    found = set()
    for path in [*BASE.glob("static/**/*.js"), *BASE.glob("*/static/**/*.js")]:
        if SKIPPED.intersection(path.relative_to(BASE).parts):
            continue
        for _, msgid, plural in _JS_CALL.findall(path.read_text(encoding="utf-8")):
            found.add((None, msgid, plural or None))
    return found


def test_every_javascript_msgid_has_its_vietnamese_in_the_catalogue(client, journalist):
    """Our admin JavaScript reads its strings from the catalogue the admin already loads
    (/admin/jsi18n/, Django's JavaScriptCatalog): each one is served in Vietnamese."""
    keys = javascript_msgids()
    assert (None, "Leave empty: the script is made from the story's text.", None) in keys
    catalogue = polib.pofile(str(JS_PO_FILE))
    assert not missing_translations(keys, catalogue)
    client.force_login(journalist)
    script = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    served = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.S).group(1))
    for _, msgid, plural in keys:
        entry = catalogue.find(msgid)
        expected = [entry.msgstr_plural[0]] if plural else entry.msgstr  # plurals: a list
        assert served.get(msgid) == expected, msgid


def test_the_checks_catch_what_they_are_for():
    """Aliases, the module form, contexts and plurals are read; Vietnamese and toneless
    Vietnamese msgids and untranslated English ones are reported."""
    source = (
        "from django.utils import translation as t\n"
        "from django.utils.translation import gettext_lazy as _, npgettext, pgettext\n"
        "a = _('Tìm kiếm')\n"
        "b = t.gettext('Trang')\n"
        "c = npgettext('story', 'One part', '%(n)s parts', 2)\n"
        "d = pgettext('bài', 'Parts')\n"
        "e = _(name)\n"
        "f = gettext('not imported, not ours')\n"
        "g = t.ngettext('One part', plural, 2)\n"
    )
    calls = gettext_calls(source)
    assert [(c.line, c.function, c.context, c.msgid, c.plural) for c in calls] == [
        (3, "gettext_lazy", None, "Tìm kiếm", None),
        (4, "gettext", None, "Trang", None),
        (5, "npgettext", "story", "One part", "%(n)s parts"),
        (6, "pgettext", "bài", "Parts", None),
        (7, "gettext_lazy", None, None, None),
        (9, "ngettext", None, "One part", None),
    ]
    assert [c.line for c in calls if not_english(c)] == [3, 6, 7, 9]
    missing = missing_translations(wanted(calls), polib.pofile(str(PO_FILE)))
    assert {msgid for _, msgid in missing} >= {"Trang", "One part", "Parts"}


@pytest.mark.parametrize(
    ("msgid", "expected"),
    [("Campaigns", "Thi đua"), ("Ongoing", "Đang triển khai")],
)
def test_the_site_shows_the_vietnamese(msgid, expected):
    """The running site's language renders our English msgids in Vietnamese."""
    with translation.override("vi"):
        assert translation.gettext(msgid) == expected
