"""The abbreviations readers type for the officialese they stand for ("HTX" = "hợp tác xã"),
kept by editors (`SearchSynonym`): one list for every engine, so engines never disagree.

Each entry is two-way and folded: "htx" also finds "Hợp tác xã Tân Tiến", "hop tac xa" also
finds "HTX Tân Tiến". A run of the reader's syllables that is one side of an entry matches as a
phrase, or any other side as a phrase; inside a quoted phrase the side is replaced in place.
That is what Elasticsearch's `synonym_graph` filter does with the same list (`rules()`, fed to
its search analyzer); SQLite FTS5 and PostgreSQL get it from `expand()` at query time, and rank
the pages that match as typed first.

The folded list is read once per process and site generation (`core.cache`): saving or deleting
an entry retires it in every process (search/apps.py).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from core.cache import generation
from vietnamese.text import fold

from .analysis import terms

Phrase = tuple[str, ...]  # folded syllables; a one-syllable phrase is a term
Part = tuple[Phrase, ...]  # alternatives, the one as typed first
MAX_VARIANTS = 16  # spellings of one quoted phrase tried at most


@dataclass(frozen=True)
class Table:
    """Each side of every entry → the other sides it also matches."""

    equivalents: dict[Phrase, tuple[Phrase, ...]] = field(default_factory=dict)

    @property
    def longest(self) -> int:
        return max(map(len, self.equivalents), default=0)

    @property
    def syllables(self) -> frozenset[str]:
        """Every syllable the entries use: words the spelling correction must leave alone."""
        return frozenset(word for phrase in self.equivalents for word in phrase)


_loaded: tuple[int, Table] | None = None


def _build() -> Table:
    from .models import SearchSynonym

    found: dict[Phrase, list[Phrase]] = {}
    rows = SearchSynonym.objects.values_list("folded_abbreviation", "folded_meaning")
    for short, full in rows:
        a, b = tuple(short.split()), tuple(full.split())
        if a and b and a != b:
            found.setdefault(a, []).append(b)
            found.setdefault(b, []).append(a)
    return Table({side: tuple(dict.fromkeys(others)) for side, others in found.items()})


def table() -> Table:
    """The folded entries, built once per site generation in this process."""
    global _loaded
    current = generation()
    if current is not None and _loaded is not None and _loaded[0] == current:
        return _loaded[1]
    built = _build()
    if current is not None:
        _loaded = (current, built)
    return built


def _segments(words: list[str], entries: Table) -> list[Part]:
    """`words` (folded) cut leftmost-longest into entry sides (with their equivalents) and
    single syllables."""
    parts: list[Part] = []
    position, longest = 0, entries.longest
    while position < len(words):
        for size in range(min(longest, len(words) - position), 0, -1):
            side = tuple(words[position : position + size])
            others = entries.equivalents.get(side)
            if others:
                parts.append((side, *others))
                position += size
                break
        else:
            parts.append(((words[position],),))
            position += 1
    return parts


def expand(loose: list[str], phrases: list[list[str]]) -> list[Part]:
    """A parsed query (`analysis.parse_query`) as the parts every match must satisfy, folded:
    a loose syllable alone, an entry side among the loose syllables with its equivalents, and
    each quoted phrase with its spellings through the entries (as typed first)."""
    entries = table()
    parts = _segments([fold(word) for word in loose], entries)
    for phrase in phrases:
        segments = _segments([fold(word) for word in phrase], entries)
        variants = itertools.islice(itertools.product(*segments), MAX_VARIANTS)
        parts.append(tuple(tuple(itertools.chain.from_iterable(v)) for v in variants))
    return parts


def widens(parts: list[Part]) -> bool:
    """Whether any entry applied (the query then matches more than as typed)."""
    return any(len(part) > 1 for part in parts)


def added_syllables(parts: list[Part]) -> set[str]:
    """The syllables the entries brought in, for marking them in excerpts."""
    return {word for part in parts for phrase in part[1:] for word in phrase}


def rules() -> list[dict[str, str]]:
    """The entries as Elasticsearch synonym rules (Solr format, "htx, hợp tác xã"): syllables
    only, so no comma or "=>" an editor typed can change a rule's meaning; the analyzer before
    the synonym filter folds them."""
    from .models import SearchSynonym

    found = []
    for pk, short, full in SearchSynonym.objects.order_by("pk").values_list(
        "pk", "abbreviation", "meaning"
    ):
        a, b = " ".join(terms(short)), " ".join(terms(full))
        if a and b and fold(a) != fold(b):
            found.append({"id": f"lantoa-{pk}", "synonyms": f"{a}, {b}"})
    return found
