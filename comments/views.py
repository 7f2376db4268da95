"""The reader's comment POST: no account, no cookie (see comments.guard)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.comment_modes import CommentMode
from stories.models import StoryPage

from . import guard, services
from .forms import CommentForm
from .models import CommentStatus

FORM_TEMPLATE = "reader_comments/result.html"


def purpose_for(story_id: int) -> str:
    return f"comment:{story_id}"


def _answer(request, story, form, *, status: int, message: str = "", sent=None) -> HttpResponse:
    response = render(
        request,
        FORM_TEMPLATE,
        {
            "story": story,
            "form": form,
            "token": guard.make_token(purpose_for(story.pk)),
            "message": message,
            "sent": sent,
            "honeypot": guard.HONEYPOT_FIELD,
        },
        status=status,
    )
    response["Cache-Control"] = "private, no-store"
    return response


@csrf_exempt
@require_POST
def post_comment(request: HttpRequest, story_id: int) -> HttpResponse:
    """Checks the request (origin, flood limit, token, honeypot), then the text; on any problem
    the form comes back with the reader's text and a Vietnamese message."""
    story = StoryPage.objects.live().public().filter(pk=story_id).first()
    if story is None:
        raise Http404
    form = CommentForm(request.POST)
    try:
        guard.check_request(request, "comment", purpose_for(story.pk))
    except guard.Refused as refused:
        form.is_valid()  # shows the reader's text again, with any field errors
        return _answer(request, story, form, status=refused.status, message=refused.message)
    mode = services.mode_for(story, request)
    if mode == CommentMode.CLOSED:
        return _answer(
            request, story, form, status=403, message=_("Comments on this story are closed.")
        )
    if guard.honeypot_filled(request.POST):
        # A robot: thanked like a person, so it learns nothing; nothing is stored.
        return _answer(request, story, CommentForm(), status=200, sent=CommentStatus.PENDING)
    if not form.is_valid():
        return _answer(
            request, story, form, status=400, message=_("Please correct the marked fields.")
        )
    comment = services.take(story, form.cleaned_data["name"], form.cleaned_data["text"], mode)
    return _answer(request, story, CommentForm(), status=200, sent=comment.status)
