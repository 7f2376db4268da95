"""The story's syndication report in the admin: pulls and airing confirmations per outlet."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from stories.selectors import story_by_pk

from . import radio
from .reach import story_reach


def story_reach_report(request: HttpRequest, pk: int) -> HttpResponse:
    """Who pulled the story and who confirmed airing it: the broadcast reach count."""
    story = story_by_pk(pk)
    if story is None:
        raise Http404
    if not story.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    rows = story_reach(story)
    script = radio.script_for(story)
    return render(
        request,
        "syndication/admin/story_reach.html",
        {
            "story": story,
            "rows": rows,
            "pulled_count": sum(1 for row in rows if row.first_pull),
            "aired_count": sum(1 for row in rows if row.confirmed_at),
            "syllables": radio.syllable_count(script),
            "duration": radio.format_duration(radio.read_seconds(script)),
            "header_title": _("Phát hành: %(title)s") % {"title": story.title},
            "page_title": _("Phát hành và phát sóng"),
            "page_subtitle": story.title,
            "header_icon": "site",
        },
    )
