"""Keeps locale/vi in step with the strings of the Wagtail admin and the libraries it shows.

`manage.py admin_catalogue` lists the strings of the installed Wagtail, taggit and django-filter
that have no Vietnamese entry in locale/vi/LC_MESSAGES; `--update` appends them (untranslated,
with their source references) so a translator fills in msgstr and `make install` compiles.
Django's own catalogue is not listed: Django ships a Vietnamese one we only correct.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

# (domain, package, language of the catalogue read for the package's msgids). django-filter
# ships no English catalogue, so its French one lists the msgids.
SOURCES = [
    ("django", "wagtail.admin", "en"),
    ("django", "wagtail", "en"),
    ("django", "wagtail.images", "en"),
    ("django", "wagtail.documents", "en"),
    ("django", "wagtail.snippets", "en"),
    ("django", "wagtail.users", "en"),
    ("django", "wagtail.search", "en"),
    ("django", "wagtail.sites", "en"),
    ("django", "wagtail.embeds", "en"),
    ("django", "wagtail.contrib.redirects", "en"),
    ("django", "wagtail.contrib.settings", "en"),
    ("django", "taggit", "en"),
    ("django", "wagtailmedia", "en"),
    ("django", "django_filters", "fr"),
    ("djangojs", "wagtail.admin", "en"),
]


def catalogue_path(domain: str) -> Path:
    return Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES" / f"{domain}.po"


def source_catalogue(domain: str, package: str, language: str) -> polib.POFile:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise CommandError(f"{package} is not installed")
    path = Path(spec.origin).parent / "locale" / language / "LC_MESSAGES" / f"{domain}.po"
    return polib.pofile(str(path))


def missing_entries(
    sources=SOURCES,
) -> list[tuple[str, polib.POEntry]]:
    """Source entries with no translated entry of ours (same domain, context and msgid)."""
    ours = {domain: polib.pofile(str(catalogue_path(domain))) for domain in ("django", "djangojs")}
    translated = {
        domain: {(e.msgctxt, e.msgid) for e in catalogue if e.translated()}
        for domain, catalogue in ours.items()
    }
    missing, seen = [], set()
    for domain, package, language in sources:
        prefix = package.replace(".", "/")
        for entry in source_catalogue(domain, package, language):
            key = (entry.msgctxt, entry.msgid)
            if entry.obsolete or key in translated[domain] or (domain, key) in seen:
                continue
            seen.add((domain, key))
            entry.occurrences = sorted(
                {
                    (p if p.startswith(f"{prefix}/") else f"{prefix}/{p}", "")
                    for p, _ in entry.occurrences
                }
            )
            missing.append((domain, entry))
    return missing


class Command(BaseCommand):
    help = "List (or, with --update, append) admin strings missing from locale/vi."

    def add_arguments(self, parser):
        parser.add_argument("--update", action="store_true", help="append them untranslated")

    def handle(self, *args, update: bool = False, **options):
        missing = missing_entries()
        for domain, entry in missing:
            self.stdout.write(f"[{domain}] {entry.msgid}")
        if not missing:
            self.stdout.write("Every admin string has a Vietnamese entry.")
            return
        if not update:
            raise CommandError(f"{len(missing)} strings have no Vietnamese entry (--update)")
        by_domain: dict[str, list[polib.POEntry]] = {}
        for domain, entry in missing:
            by_domain.setdefault(domain, []).append(entry)
        for domain, entries in by_domain.items():
            catalogue = polib.pofile(str(catalogue_path(domain)), wrapwidth=100)
            for entry in entries:
                existing = catalogue.find(entry.msgid, msgctxt=entry.msgctxt)
                if existing is not None:
                    catalogue.remove(existing)  # an empty or fuzzy entry: replaced, not doubled
                entry.msgstr = ""
                entry.msgstr_plural = {0: ""} if entry.msgid_plural else {}
                entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
                catalogue.append(entry)
            catalogue.save()
        self.stdout.write(f"Appended {len(missing)} entries; translate them, then `make install`.")
