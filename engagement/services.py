"""What other apps write into engagement: a reader search recorded on the server."""

from __future__ import annotations

from django.http import HttpRequest

from . import ingest


def record_search(
    request: HttpRequest, query: str, result_count: int | None = None, page_id=None
) -> bool:
    """Records one reader search (server side); False when refused (empty, bad page, flood)."""
    if ingest.over_limit(request):
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
