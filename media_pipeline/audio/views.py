"""The public address of an audio item, `/am-thanh/<id>/<file name>`, with byte ranges.

The name in the address says which file: the broadcast copy's name (what `Audio.url` gives
once the copy is ready) or the original's (given until then, so a feed or page cached before
the copy was made keeps working)."""

from __future__ import annotations

import contextlib

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from .models import MIME_TYPES, Audio
from .ranges import ranged_response

DEFAULT_CACHE_SECONDS = 3600


@require_safe
def serve_audio(request: HttpRequest, audio_id: int, filename: str) -> HttpResponse:
    audio = Audio.objects.select_related("collection").filter(pk=audio_id, type="audio").first()
    if audio is None:
        raise Http404
    restrictions = list(audio.collection.get_view_restrictions())
    if any(not restriction.accept_request(request) for restriction in restrictions):
        raise Http404
    if audio.broadcast_file and filename == audio.broadcast_file.name.rsplit("/", 1)[-1]:
        field, content_type = audio.broadcast_file, "audio/mpeg"
    elif audio.file and filename == audio.file.name.rsplit("/", 1)[-1]:
        field = audio.file
        content_type = MIME_TYPES.get(audio.audio_format) or "application/octet-stream"
    else:
        raise Http404
    try:
        size = field.size
        handle = field.open("rb")
    except (OSError, ValueError) as error:
        raise Http404 from error
    modified = None
    with contextlib.suppress(NotImplementedError, OSError, AttributeError):
        modified = field.storage.get_modified_time(field.name).timestamp()
    response = ranged_response(
        request, handle, size, content_type, filename=filename, modified=modified
    )
    if restrictions:
        patch_cache_control(response, private=True, no_store=True, max_age=0)
    else:
        seconds = getattr(settings, "AUDIO_CACHE_SECONDS", DEFAULT_CACHE_SECONDS)
        patch_cache_control(response, public=True, max_age=seconds)
    return response
