"""The story page's comments: the newest approved ones with their total in one query, and the
form (with a fresh token: the page cache keeps it for minutes, the token lasts days)."""

from __future__ import annotations

from django import template
from django.db.models import Count, Window

from core.comment_modes import CommentMode

from .. import guard, services
from ..forms import CommentForm
from ..models import Comment

register = template.Library()

SHOWN = 20


@register.inclusion_tag("reader_comments/story_comments.html", takes_context=True)
def story_comments(context, story) -> dict:
    comments = list(
        Comment.objects.approved()
        .filter(story_id=story.pk)
        .annotate(total=Window(Count("pk")))
        .only("name", "text", "created_at", "reply")
        .order_by("-created_at", "-pk")[:SHOWN]
    )
    return {
        "story": story,
        "comments": comments,
        "total": comments[0].total if comments else 0,
        "closed": services.mode_for(story, context.get("request")) == CommentMode.CLOSED,
        "form": CommentForm(),
        "token": guard.make_token(f"comment:{story.pk}"),
        "honeypot": guard.HONEYPOT_FIELD,
    }
