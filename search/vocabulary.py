"""The syllables of our own published text, learned as pages are indexed: what typo correction
("dien bein" → "dien bien") and diacritic restoration ("dien bien" → "Điện Biên") draw on.

Counts are pages, not occurrences. Indexing a page adds its syllables; an edited or removed
page's old syllables stay counted until `manage.py search_reindex` relearns everything. That
drift only weighs candidates: every correction is checked against the index before a reader
sees it (`search.queries`).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable

from django.db import connection, transaction

from vietnamese.spelling import edits, has_diacritics, tone
from vietnamese.text import fold, normalize

from . import synonyms
from .analysis import MAX_QUERY_TERMS, terms
from .backends.base import IndexedDocument
from .models import SearchBigram, SearchSyllable

MAX_SYLLABLE = 20  # longer "words" are codes, URLs or foreign text: not learned
CANDIDATES = 6  # spellings kept per folded syllable for restoration
# Runs of letters with only spaces between: a pair never spans punctuation or a paragraph.
_RUN = re.compile(r"[^\W\d_]+(?:[^\S\n]+[^\W\d_]+)*")
BATCH = 500


class Learned:
    """Syllables, capitalised syllables and pairs counted over pages, written in one go."""

    def __init__(self) -> None:
        self.syllables: Counter[str] = Counter()
        self.capitalized: Counter[str] = Counter()
        self.pairs: Counter[tuple[str, str]] = Counter()

    def add(self, document: IndexedDocument) -> None:
        forms, capitals, pairs = set(), set(), set()
        text = normalize("\n".join((document.title, document.summary, document.body)))
        for run in _RUN.finditer(text):
            words = run.group(0).split()
            lowered = [word.lower() for word in words]
            forms.update(lowered)
            # A capital that only opens a title or sentence says nothing of the word.
            capitals.update(
                lower
                for word, lower in zip(words[1:], lowered[1:], strict=True)
                if word[0].isupper()
            )
            pairs.update(itertools.pairwise(lowered))
        if any(len(form) > MAX_SYLLABLE for form in forms):
            forms = {form for form in forms if len(form) <= MAX_SYLLABLE}
            capitals &= forms
            pairs = {pair for pair in pairs if pair[0] in forms and pair[1] in forms}
        self.syllables.update(forms)
        self.capitalized.update(capitals)
        self.pairs.update(pairs)

    def save(self) -> None:
        syllables = [
            (form, fold(form), pages, self.capitalized[form])
            for form, pages in self.syllables.items()
        ]
        pairs = [(a, b, f"{fold(a)} {fold(b)}", pages) for (a, b), pages in self.pairs.items()]
        with transaction.atomic():
            _upsert(
                SearchSyllable._meta.db_table,
                ("form", "folded", "pages", "capitalized"),
                ("form",),
                ("pages", "capitalized"),
                syllables,
            )
            _upsert(
                SearchBigram._meta.db_table,
                ("first", "second", "folded", "pages"),
                ("first", "second"),
                ("pages",),
                pairs,
            )


def _upsert(table, columns, keys, added, rows) -> None:
    """INSERT … ON CONFLICT DO UPDATE adding to the counts (SQLite ≥ 3.24 and PostgreSQL)."""
    quote = connection.ops.quote_name
    updates = ", ".join(
        f"{quote(c)} = {quote(table)}.{quote(c)} + excluded.{quote(c)}" for c in added
    )
    row = "(" + ", ".join(["%s"] * len(columns)) + ")"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            chunk = rows[start : start + BATCH]
            cursor.execute(
                f"INSERT INTO {quote(table)} ({', '.join(map(quote, columns))}) "
                f"VALUES {', '.join([row] * len(chunk))} "
                f"ON CONFLICT ({', '.join(map(quote, keys))}) DO UPDATE SET {updates}",
                [value for values in chunk for value in values],
            )


def learn(documents: Iterable[IndexedDocument]) -> None:
    """Adds the pages' syllables to the vocabulary."""
    learned = Learned()
    for document in documents:
        learned.add(document)
    learned.save()


def forget_all() -> None:
    SearchBigram.objects.all().delete()
    SearchSyllable.objects.all().delete()


def correct(text: str) -> str:
    """`text` with each syllable our text never uses replaced by the most used one a keystroke
    away ("hop tac xa dien bein" → "hop tac xa dien bien"); "" when nothing changes. An
    accented query keeps its tones: a candidate must carry the unknown syllable's tone, and
    one that differs only by marks is never a candidate (edits are of the folded spelling). An
    editor's abbreviation ("tp", "htx") is a word, never a typo of "to" or "hat"."""
    words = terms(text)[:MAX_QUERY_TERMS]
    if not words:
        return ""
    accented = has_diacritics(text)
    folded = [fold(word) for word in words]
    if accented:
        known = set(SearchSyllable.objects.filter(form__in=words).values_list("form", flat=True))
        unknown = [i for i, word in enumerate(words) if word not in known]
    else:
        known = set(
            SearchSyllable.objects.filter(folded__in=folded).values_list("folded", flat=True)
        )
        unknown = [i for i, word in enumerate(folded) if word not in known]
    changed = False
    result = list(words if accented else folded)
    abbreviations = synonyms.table().syllables
    for index in unknown:
        word = folded[index]
        if len(word) < 2 or not word.isalpha() or word in abbreviations:
            continue
        rows = SearchSyllable.objects.filter(folded__in=edits(word)).values_list(
            "form", "folded", "pages"
        )
        if accented:
            rows = [row for row in rows if tone(row[0]) == tone(words[index])]
        if not rows:
            continue
        before = fold(result[index - 1]) if index else ""
        after = folded[index + 1] if index + 1 < len(words) else ""
        together = _pairs_with({row[1] for row in rows}, before, after)

        # Beside its neighbours in our text ("tarn hong" → "tran hong", not the commoner
        # "tan"), else the most used spelling.
        form, folded_form, _pages = max(
            rows,
            key=lambda row, together=together: (
                math.log1p(row[2]) + 3 * math.log1p(together.get(row[1], 0)),
                row[0],
            ),
        )
        result[index] = form if accented else folded_form
        changed = True
    return " ".join(result) if changed else ""


def _pairs_with(candidates: set[str], before: str, after: str) -> dict[str, int]:
    """Pages on which each folded candidate stands beside the query's neighbouring words."""
    wanted = {f"{before} {c}": c for c in candidates if before}
    wanted |= {f"{c} {after}": c for c in candidates if after}
    if not wanted:
        return {}
    counts: Counter[str] = Counter()
    for pair, pages in SearchBigram.objects.filter(folded__in=wanted).values_list(
        "folded", "pages"
    ):
        counts[wanted[pair]] += pages
    return counts


def restore(text: str) -> str:
    """The accented spelling readers most likely meant by an unaccented query ("dien bien" →
    "Điện Biên"), chosen over the pairs of our own text; "" when the query has marks already
    or the vocabulary offers nothing new."""
    if has_diacritics(text):
        return ""
    words = [fold(word) for word in terms(text)[:MAX_QUERY_TERMS]]
    if not words:
        return ""
    options: dict[str, list[tuple[str, int, int]]] = {}
    rows = SearchSyllable.objects.filter(folded__in=set(words)).order_by("-pages")
    for form, folded, pages, capitals in rows.values_list("form", "folded", "pages", "capitalized"):
        if len(options.setdefault(folded, [])) < CANDIDATES:
            options[folded].append((form, pages, capitals))
    wanted = {f"{a} {b}" for a, b in itertools.pairwise(words)}
    pairs = {
        (first, second): pages
        for first, second, pages in SearchBigram.objects.filter(folded__in=wanted).values_list(
            "first", "second", "pages"
        )
    }
    # Viterbi over the candidates: pairs seen together weigh most, a syllable's own use less.
    best: dict[str, tuple[float, list[tuple[str, int, int]]]] = {}
    for position, word in enumerate(words):
        choices = options.get(word) or [(word, 0, 0)]
        step: dict[str, tuple[float, list[tuple[str, int, int]]]] = {}
        for choice in choices:
            own = 0.5 * math.log1p(choice[1])
            if position == 0:
                step[choice[0]] = (own, [choice])
                continue
            step[choice[0]] = max(
                (
                    score + own + math.log1p(10 * pairs.get((previous, choice[0]), 0)),
                    [*path, choice],
                )
                for previous, (score, path) in best.items()
            )
        best = step
    _score, path = max(best.values(), key=lambda item: item[0])
    restored = " ".join(
        form.capitalize() if capitals * 2 > pages else form for form, pages, capitals in path
    )
    return restored if restored.lower() != " ".join(words) else ""
