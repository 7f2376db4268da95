"""Engagement: reader events, bot filtering, daily roll-ups and reach (docs/engagement.md).

Public functions for other apps (imported lazily: this module loads before the app registry):

- `record_search(request, query, result_count)` — the search app calls it for each search.
- `view_count(story_id)`, `most_viewed(parent=None)` — cached, from roll-ups.
- `reach_for(story_ids=…, exemplar_ids=…, start=…, end=…)` — a campaign's reach.
- `reader_figures(story_ids=… | exemplar_ids=…, start, end)` — views, visitors, reads… per
  story or exemplar for a period (no outlets: `syndication.reach` has them).
- `popular_searches(days, limit)` — what readers search most (searches that found something).
"""

from __future__ import annotations


def record_search(request, query: str, result_count: int | None = None, page_id=None) -> bool:
    """Records one reader search (server side); False when refused (empty, bad page, flood)."""
    from . import ingest, visitors

    if ingest.rate_limited(visitors.raw_key(request)):
        return False
    data = {"t": "search", "q": (query or "")[:200]}
    if result_count is not None:
        data["n"] = int(result_count)
    if page_id is not None:
        data["p"] = int(page_id)
    try:
        payload = ingest.parse(data)
    except ingest.Invalid:
        return False
    ingest.record(request, payload, referrer_known=False)
    return True


def view_count(story_id: int) -> int:
    from .selectors import view_count as _view_count

    return _view_count(story_id)


def most_viewed(parent=None, limit: int = 5) -> list:
    from .selectors import most_viewed as _most_viewed

    return _most_viewed(parent=parent, limit=limit)


def reach_for(story_ids=(), exemplar_ids=(), start=None, end=None):
    from .selectors import reach_for as _reach_for

    return _reach_for(story_ids=story_ids, exemplar_ids=exemplar_ids, start=start, end=end)


def reader_figures(*, story_ids=None, exemplar_ids=None, start, end) -> dict:
    """{id: Figures} for stories or for exemplars (their profile page and their stories)."""
    from .models import Scope
    from .selectors import reader_figures as _reader_figures

    if story_ids is not None:
        return _reader_figures(Scope.STORY, story_ids, start, end)
    return _reader_figures(Scope.EXEMPLAR, exemplar_ids or (), start, end)


def popular_searches(days: int = 30, limit: int = 8) -> list[str]:
    from .selectors import popular_searches as _popular_searches

    return _popular_searches(days=days, limit=limit)
