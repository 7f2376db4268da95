"""The ingest endpoint: POST /e/ (the beacon script) and GET /e.gif (the <noscript> image)."""

from __future__ import annotations

import base64

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from core.params import whole_number

from . import ingest

# The smallest transparent GIF (43 bytes).
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


def _answer(status: int, body: bytes = b"", content_type: str = "text/plain") -> HttpResponse:
    response = HttpResponse(body, status=status, content_type=content_type)
    response.headers["Cache-Control"] = "no-store"
    return response


@csrf_exempt  # a beacon carries no cookie or token; nothing it sends can act for a user
@require_POST
def beacon(request: HttpRequest) -> HttpResponse:
    """One event as a small JSON object; 204 once it is stored, 400 when refused.

    Over a flood limit the event is dropped and still answered 204: the reader's page has
    nothing to do about it, and a forger learns nothing about where the limit lies.
    """
    length = request.META.get("CONTENT_LENGTH") or "0"
    if whole_number(length, high=ingest.MAX_BODY_BYTES) is None:
        return _answer(400, b"too large")
    if ingest.over_limit(request):
        return _answer(204)
    try:
        payload = ingest.parse_body(request.body)
    except ingest.Invalid as error:
        return _answer(400, f"invalid {error}".encode())
    ingest.record(request, payload)
    return _answer(204)


@require_GET
def pixel(request: HttpRequest) -> HttpResponse:
    """A page view without JavaScript: `<img src="/e.gif?p=<page id>">` inside <noscript>.

    The image request's Referer is the page itself, so the outside referrer is unknown ("other").
    Over a flood limit the image is answered and the view dropped, as in `beacon`.
    """
    if ingest.over_limit(request):
        return _answer(200, PIXEL, "image/gif")
    page_id = whole_number(request.GET.get("p"), low=1)
    if set(request.GET) != {"p"} or page_id is None:
        return _answer(400, b"invalid p")
    try:
        payload = ingest.parse({"t": "view", "p": page_id})
    except ingest.Invalid as error:
        return _answer(400, f"invalid {error}".encode())
    ingest.record(request, payload, referrer_known=False)
    return _answer(200, PIXEL, "image/gif")
