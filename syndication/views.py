"""Feeds over HTTP (ETag, Last-Modified, 304, Cache-Control, tokens, pull records) and the
radio pages: script download, presenter print page, daily rundown, airing confirmation."""

from __future__ import annotations

import hashlib
from datetime import datetime, time, timedelta

import segno
from django.core.cache import cache
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
)
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from core.cache import remember
from core.params import whole_number
from vietnamese.dates import format_duration
from vietnamese.speech import syllable_count

from . import bulletins, feeds, radio, reach, sources, tasks
from .models import AiringConfirmation, Delivery, DeliveryKind, FeedPull, Outlet
from .registry import syndicated_pages

FEED_CACHE_SECONDS = 24 * 3600  # a safety net: invalidation is by signals (see signals.py)
MAX_AGE_SECONDS = 300
BULLETIN_RETRY_SECONDS = 30
BULLETIN_YEARS = (1900, 2999)
BULLETIN_BUILD_SECONDS = 600  # a build older than this is taken as lost and queued again
USER_AGENT_LENGTH = 300


def parse_limit(value: str | None) -> int | None:
    """`?limit=`: a whole number from 1 to MAX_LIMIT; None when the value is bad."""
    if value is None or value == "":
        return feeds.DEFAULT_LIMIT
    return whole_number(value, low=1, high=feeds.MAX_LIMIT)


def outlet_by_pk(pk: int) -> Outlet | None:
    """Outlets are read from the shared cache (one lookup), refreshed whenever one is saved."""
    directory = remember(
        "syndication:outlets",
        lambda: {outlet.pk: outlet for outlet in Outlet.objects.all()},
        FEED_CACHE_SECONDS,
    )
    return directory.get(pk)


def record_pull(request: HttpRequest, feed_key: str, status: int, outlet: Outlet | None) -> None:
    """One INSERT per pull: cheap enough for the 304 path (see docs/benchmarks.md)."""
    FeedPull.objects.create(
        outlet_id=outlet.pk if outlet else None,
        feed=feed_key,
        status=status,
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:USER_AGENT_LENGTH],
    )


def _forbidden() -> HttpResponseForbidden:
    return HttpResponseForbidden(
        _("The secret token is wrong or has been replaced."),
        content_type="text/plain; charset=utf-8",
    )


def _cached_feed(scope: str, ident: str, fmt: str, limit: int, outlet: Outlet | None):
    """(body, etag, last_modified, story ids) from the shared cache, built once per site
    generation."""

    def build():
        source = sources.resolve(scope, ident, outlet)
        if source is None:
            raise Http404
        data = sources.assemble(source, limit)
        body = feeds.build(data, fmt)
        etag = '"' + hashlib.sha256(body).hexdigest()[:40] + '"'
        return body, etag, int(data.updated.timestamp()), data.story_ids

    return remember(f"syndication:feed:{scope}:{ident}:{fmt}:{limit}", build, FEED_CACHE_SECONDS)


@require_safe
def feed(
    request: HttpRequest, scope: str, fmt: str, slug: str = "", pk: int | None = None
) -> HttpResponse:
    """Every feed: 304 from the cached ETag before any database work except the pull record."""
    limit = parse_limit(request.GET.get("limit"))
    if limit is None:
        return HttpResponseBadRequest(
            _("The limit parameter must be a whole number from 1 to %(max)s.")
            % {"max": feeds.MAX_LIMIT},
            content_type="text/plain; charset=utf-8",
        )
    outlet, ident = None, slug
    if scope in ("outlet", "radio"):
        outlet, ident = outlet_by_pk(pk), str(pk)
        if outlet is None:
            raise Http404
    # An outlet's own feed is keyed by the outlet (the foreign key), never by "outlet:5".
    feed_key = scope if outlet is not None or not ident else f"{scope}:{ident}"
    if outlet is not None and not outlet.accepts(request.GET.get("token")):
        record_pull(request, feed_key, 403, outlet)
        return _forbidden()
    body, etag, last_modified, story_ids = _cached_feed(scope, ident, fmt, limit, outlet)

    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        response = HttpResponse(body, content_type=feeds.CONTENT_TYPES[fmt])
    response.headers["ETag"] = etag
    response.headers["Last-Modified"] = http_date(last_modified)
    visibility = "private" if outlet is not None and outlet.token else "public"
    response.headers["Cache-Control"] = f"{visibility}, max-age={MAX_AGE_SECONDS}"
    record_pull(request, feed_key, response.status_code, outlet)
    if outlet is not None and response.status_code in reach.PULLED_STATUSES:
        reach.record_feed_delivery(outlet.pk, etag, story_ids)
    return response


def _story_or_404(story_pk: int):
    story = syndicated_pages().live(story_pk)
    if story is None:
        raise Http404
    return story


def _radio_outlet(request: HttpRequest, pk: int) -> Outlet | HttpResponse:
    outlet = outlet_by_pk(pk)
    if outlet is None or not outlet.is_radio:
        raise Http404
    if not outlet.accepts(request.GET.get("token")):
        return _forbidden()
    return outlet


@require_safe
def script_text(request: HttpRequest, story_pk: int) -> HttpResponse:
    """The radio script as a plain-text download (also the podcast transcript)."""
    story = _story_or_404(story_pk)
    script = radio.script_for(story)
    response = HttpResponse(script + "\n", content_type="text/plain; charset=utf-8")
    filename = f"kich-ban-{slugify(story.slug) or story.pk}.txt"
    response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    response.headers["Cache-Control"] = f"public, max-age={MAX_AGE_SECONDS}"
    outlet = None
    if (outlet_pk := whole_number(request.GET.get("outlet"), low=1)) is not None:
        candidate = outlet_by_pk(outlet_pk)
        if candidate is not None and candidate.accepts(request.GET.get("token")):
            outlet = candidate
    record_pull(request, f"script:{story.pk}", 200, outlet)
    if outlet is not None:
        Delivery.objects.record(outlet.pk, [story.pk], DeliveryKind.SCRIPT)
    return response


def qr_svg(url: str) -> str:
    """An inline SVG QR code (segno): the presenter scans it to confirm airing."""
    return segno.make(url, error="m").svg_inline(scale=4, title=_("Confirm it was aired"))


@require_safe
def script_print(request: HttpRequest, pk: int, story_pk: int) -> HttpResponse:
    """The presenter's printable script: large type, read time, pronunciation notes, QR code."""
    outlet = _radio_outlet(request, pk)
    if isinstance(outlet, HttpResponse):
        return outlet
    story = _story_or_404(story_pk)
    script = radio.script_for(story)
    seconds = radio.read_seconds(script)
    confirm = sources.confirm_url(outlet.pk, story.pk)
    return render(
        request,
        "syndication/script_print.html",
        {
            "outlet": outlet,
            "story": story,
            "paragraphs": [p for p in script.split("\n\n") if p.strip()],
            "syllables": syllable_count(script),
            "duration": format_duration(seconds),
            "speed": radio.syllables_per_minute(),
            "confirm_url": confirm,
            "qr": mark_safe(qr_svg(confirm)),  # segno's own SVG markup
        },
    )


@require_safe
def rundown(request: HttpRequest, pk: int) -> HttpResponse:
    """A station's day: its scripts in order with start offsets and the total duration."""
    outlet = _radio_outlet(request, pk)
    if isinstance(outlet, HttpResponse):
        return outlet
    raw_date = request.GET.get("date")
    try:
        day = datetime.strptime(raw_date, "%Y-%m-%d").date() if raw_date else timezone.localdate()
    except ValueError:
        return HttpResponseBadRequest(
            _("Invalid date: use the form YYYY-MM-DD, for example 2021-12-02."),
            content_type="text/plain; charset=utf-8",
        )
    start = timezone.make_aware(datetime.combine(day, time.min))
    stories = syndicated_pages().for_channels_between(
        outlet.channel_codes, start, start + timedelta(days=1)
    )
    rows, elapsed = [], 0
    for story in stories:
        script = radio.script_for(story)
        seconds = radio.read_seconds(script)
        rows.append(
            {
                "story": story,
                "offset": format_duration(elapsed),
                "duration": format_duration(seconds),
                "syllables": syllable_count(script),
            }
        )
        elapsed += seconds
    return render(
        request,
        "syndication/rundown.html",
        {
            "outlet": outlet,
            "day": day,
            "rows": rows,
            "total": format_duration(elapsed),
            "token": request.GET.get("token", ""),
        },
    )


@csrf_exempt  # the signed token is the credential; confirming twice changes nothing
@require_http_methods(["GET", "HEAD", "POST"])
def confirm_airing(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows what is being confirmed; POST records it (once per outlet and story)."""
    ids = sources.read_airing_token(token)
    if ids is None:
        raise Http404
    outlet = Outlet.objects.filter(pk=ids[0]).first()
    # Any state: a script aired before a correction or an unpublish still counts.
    story = syndicated_pages().any_state(ids[1])
    if outlet is None or story is None:
        raise Http404
    confirmation = AiringConfirmation.objects.filter(outlet=outlet, story=story).first()
    if request.method == "POST" and confirmation is None:
        confirmation, _created = AiringConfirmation.objects.get_or_create(
            outlet=outlet, story=story
        )
    return render(
        request,
        "syndication/confirm.html",
        {"outlet": outlet, "story": story, "confirmation": confirmation},
    )


def _bulletin_day(value: str):
    """`yyyy-mm-dd` exactly (the URL's), else None: a hostile date is a 404, never a 500."""
    if len(value) != 10 or not value[:4].isdigit() or value[4] != "-" or value[7] != "-":
        return None
    try:
        day = datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        return None
    # Far years would overflow the day's bounds in UTC (0001-01-01 at +07:00).
    return day if BULLETIN_YEARS[0] <= day.year <= BULLETIN_YEARS[1] else None


@require_safe
def bulletin(request: HttpRequest, pk: int, day: str) -> HttpResponse:
    """A station's day as one MP3 (bulletins.py). Built in the background: 503 with
    Retry-After while it is being built; every pull recorded like a feed pull."""
    outlet = _radio_outlet(request, pk)
    feed_key = f"bulletin:{day[:20]}"
    if isinstance(outlet, HttpResponse):
        record_pull(request, feed_key, outlet.status_code, outlet_by_pk(pk))
        return outlet
    parsed = _bulletin_day(day)
    if parsed is None:
        raise Http404
    items = bulletins.items_for(outlet, parsed)
    if not items:
        record_pull(request, feed_key, 404, outlet)
        raise Http404
    name = bulletins.file_name(outlet.pk, parsed, items)
    files = bulletins.storage()
    building = tasks.building_key(outlet.pk, parsed.isoformat())
    if not files.exists(name) and cache.add(building, 1, BULLETIN_BUILD_SECONDS):
        tasks.build_bulletin.enqueue(outlet.pk, parsed.isoformat())
    if not files.exists(name):  # the immediate backend (tests, small sites) has built it
        response = HttpResponse(
            _("The bulletin is being prepared; try again shortly."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
        response.headers["Retry-After"] = str(BULLETIN_RETRY_SECONDS)
        response.headers["Cache-Control"] = "no-store"
        record_pull(request, feed_key, 503, outlet)
        return response
    etag = '"' + name.rsplit("-", 1)[-1].removesuffix(".mp3") + '"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = FileResponse(files.open(name, "rb"), content_type="audio/mpeg")
        response.headers["Content-Disposition"] = (
            f'inline; filename="bai-tin-{outlet.pk}-{parsed.isoformat()}.mp3"'
        )
    response.headers["ETag"] = etag
    visibility = "private" if outlet.token else "public"
    response.headers["Cache-Control"] = f"{visibility}, max-age={MAX_AGE_SECONDS}"
    record_pull(request, feed_key, response.status_code, outlet)
    if response.status_code in reach.PULLED_STATUSES:
        Delivery.objects.record(outlet.pk, [item.story_id for item in items], DeliveryKind.SCRIPT)
    return response
