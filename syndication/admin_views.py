"""The story's syndication report in the admin: which outlets it reached, how and when."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from vietnamese.collation import sorted_vietnamese
from vietnamese.dates import format_duration
from vietnamese.speech import syllable_count

from . import radio
from .models import CHANNELS_FOR_KIND, Outlet
from .reach import outlets_reached
from .registry import syndicated_pages


def story_reach_report(request: HttpRequest, pk: int) -> HttpResponse:
    """The outlets meant to carry the story (by channel) and every outlet it reached, with the
    first time by feed, by script download and by airing confirmation (`syndication.reach`)."""
    pages = syndicated_pages()
    story = pages.any_state(pk)
    if story is None:
        raise Http404
    if not story.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    reached = {item.outlet.pk: item for item in outlets_reached([story]).get(story.pk, [])}
    codes = pages.channel_codes(story)
    kinds = [kind for kind, kind_codes in CHANNELS_FOR_KIND.items() if codes & set(kind_codes)]
    waiting = Outlet.objects.filter(kind__in=kinds).exclude(pk__in=reached)
    rows = [(item.outlet, item) for item in reached.values()]
    rows += [(outlet, None) for outlet in waiting.select_related("locality")]
    rows = sorted_vietnamese(rows, key=lambda row: row[0].name)
    script = radio.script_for(story)
    return render(
        request,
        "syndication/admin/story_reach.html",
        {
            "story": story,
            "rows": rows,
            "reached_count": len(reached),
            "aired_count": sum(1 for item in reached.values() if item.aired_at),
            "syllables": syllable_count(script),
            "duration": format_duration(radio.read_seconds(script)),
            "header_title": _("Distribution: %(title)s") % {"title": story.title},
            "page_title": _("Distribution and airing"),
            "page_subtitle": story.title,
            "header_icon": "site",
        },
    )
