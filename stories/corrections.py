"""The public log of corrections and takedowns ("Đính chính và gỡ bài"), newest first.

Both kinds are read in one UNION query of (kind, id, date), so the paginator counts and slices
in the database; only the entries of the page shown are then loaded, two queries in all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import CharField, F, QuerySet, Value

from .models import StoryCorrection, StoryPage
from .withdrawals import Withdrawal

CORRECTION = "correction"
TAKEDOWN = "takedown"


@dataclass(frozen=True)
class LogEntry:
    kind: str
    at: datetime
    title: str
    text: str
    url: str | None = None

    @property
    def is_takedown(self) -> bool:
        return self.kind == TAKEDOWN


def log_keys() -> QuerySet:
    """(kind, pk, at) of every correction on a public live story and every announced takedown."""
    corrections = (
        StoryCorrection.objects.filter(story__in=StoryPage.objects.live().public())
        .annotate(kind=Value(CORRECTION, output_field=CharField()), at=F("corrected_at"))
        .values_list("kind", "pk", "at")
        .order_by()
    )
    takedowns = (
        Withdrawal.objects.announced()
        .annotate(kind=Value(TAKEDOWN, output_field=CharField()), at=F("withdrawn_at"))
        .values_list("kind", "pk", "at")
        .order_by()
    )
    return corrections.union(takedowns, all=True).order_by("-at", "kind", "-pk")


def log_entries(keys, request=None) -> list[LogEntry]:
    """The entries for one page of `log_keys()`, in the same order."""
    keys = list(keys)
    correction_ids = [pk for kind, pk, _at in keys if kind == CORRECTION]
    takedown_ids = [pk for kind, pk, _at in keys if kind == TAKEDOWN]
    corrections = StoryCorrection.objects.select_related("story").in_bulk(correction_ids)
    takedowns = Withdrawal.objects.in_bulk(takedown_ids)
    entries = []
    for kind, pk, _at in keys:
        if kind == CORRECTION:
            correction = corrections[pk]
            entries.append(
                LogEntry(
                    kind,
                    correction.corrected_at,
                    correction.story.title,
                    correction.note,
                    correction.story.get_url(request),
                )
            )
        else:
            takedown = takedowns[pk]
            entries.append(
                LogEntry(kind, takedown.withdrawn_at, takedown.title, takedown.public_reason)
            )
    return entries
