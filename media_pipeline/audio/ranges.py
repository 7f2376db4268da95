"""HTTP byte ranges (RFC 9110 §14) for audio: podcast players and the browser's <audio> seek
by asking for `Range: bytes=a-b`, and neither Django's static view nor Wagtail's document view
answers one. One range is served (206); several are answered with the first one (players ask
for one); a range past the end is 416; anything unparsable is ignored (200, the whole file)."""

from __future__ import annotations

import mimetypes
import posixpath
import re
from pathlib import Path

from django.core.exceptions import SuspiciousFileOperation
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotModified,
)
from django.utils._os import safe_join
from django.utils.http import http_date, parse_http_date_safe

# One range-spec: "a-b", "a-" or "-n" (the last n bytes); digits only, at most 18 of them.
_SPEC = re.compile(r"^\s*(\d{0,18})\s*-\s*(\d{0,18})\s*$")
UNSATISFIABLE = "unsatisfiable"
CHUNK = 64 * 1024


def parse_range(header: str | None, size: int) -> tuple[int, int] | str | None:
    """The (first, last) byte positions, inclusive, the header asks for in a file of `size`
    bytes; UNSATISFIABLE when it asks only for bytes past the end; None when there is no
    usable Range header (serve the whole file)."""
    if not header or len(header) > 1000:
        return None
    unit, _, specs = header.partition("=")
    if unit.strip().lower() != "bytes" or not specs.strip():
        return None
    first_spec = specs.split(",")[0]
    match = _SPEC.match(first_spec)
    if not match:
        return None
    start_text, end_text = match.groups()
    if not start_text and not end_text:
        return None
    if not start_text:  # suffix range: the last n bytes
        length = int(end_text)
        if length == 0 or size == 0:
            return UNSATISFIABLE
        return max(0, size - length), size - 1
    start = int(start_text)
    end = int(end_text) if end_text else size - 1
    if end_text and end < start:
        return None  # invalid: RFC 9110 says ignore the header
    if start >= size:
        return UNSATISFIABLE
    return start, min(end, size - 1)


class _Slice:
    """Reads `length` bytes of an open file from `start`, in chunks (for FileResponse)."""

    def __init__(self, handle, start: int, length: int) -> None:
        self.handle, self.remaining = handle, length
        handle.seek(start)

    def __iter__(self):
        while self.remaining > 0:
            data = self.handle.read(min(CHUNK, self.remaining))
            if not data:
                break
            self.remaining -= len(data)
            yield data

    def close(self) -> None:
        self.handle.close()


def ranged_response(
    request: HttpRequest,
    handle,
    size: int,
    content_type: str,
    *,
    filename: str = "",
    modified: float | None = None,
) -> HttpResponse:
    """The response for an open binary file: 200 with the whole file, 206 with one range, 416
    for a range past the end; HEAD gets the headers only. Closes `handle` when done."""
    if modified is not None:
        since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
        if since is not None and int(modified) <= since and "Range" not in request.headers:
            handle.close()
            response = HttpResponseNotModified()
            response["Last-Modified"] = http_date(modified)
            return response
    wanted = parse_range(request.headers.get("Range"), size)
    if_range = request.headers.get("If-Range")
    # A range of a file that changed since the client's copy would mix two files.
    if wanted is not None and modified is not None and if_range:
        wanted = wanted if parse_http_date_safe(if_range) == int(modified) else None
    if wanted == UNSATISFIABLE:
        handle.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        response["Accept-Ranges"] = "bytes"
        return response
    start, end = wanted if wanted is not None else (0, size - 1)
    length = max(0, end - start + 1)
    if request.method == "HEAD":
        handle.close()
        response = HttpResponse(status=206 if wanted else 200)
    else:
        response = FileResponse(_Slice(handle, start, length), status=206 if wanted else 200)
    response["Content-Type"] = content_type
    response["Content-Length"] = str(length)
    response["Accept-Ranges"] = "bytes"
    if wanted is not None:
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    if modified is not None:
        response["Last-Modified"] = http_date(modified)
    if filename:
        response["Content-Disposition"] = f'inline; filename="{_ascii(filename)}"'
    return response


def _ascii(name: str) -> str:
    return "".join(c if c.isascii() and c not in '"\\' and c.isprintable() else "_" for c in name)


def serve_media_range(request: HttpRequest, path: str, document_root) -> HttpResponse:
    """A file under `document_root` with ranges: the /media/ view of `make run` and gunicorn
    when a player asks for a Range (the same path rules as django.views.static.serve)."""
    name = posixpath.normpath(path).lstrip("/")
    try:
        fullpath = Path(safe_join(str(document_root), name))
    except SuspiciousFileOperation as error:
        raise Http404 from error
    if not fullpath.is_file():
        raise Http404
    stat = fullpath.stat()
    content_type = mimetypes.guess_type(str(fullpath))[0] or "application/octet-stream"
    return ranged_response(
        request, fullpath.open("rb"), stat.st_size, content_type, modified=stat.st_mtime
    )
