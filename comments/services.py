"""What happens to a comment: taken from a reader, approved, rejected, answered. Whenever what
readers see changes, the story's cached pages are retired in every process (the site
generation, core.cache) and a CDN in front is told to purge them (core.purge)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from core import purge
from core.cache import site_changed
from core.comment_modes import CommentMode, effective_mode
from core.models import SiteSettings

from . import guard
from .models import Comment, CommentStatus


def mode_for(story, request=None) -> str:
    """The moderation mode that applies to the story (its own, else the site's default)."""
    if request is not None:
        site_settings = SiteSettings.for_request(request)
    else:
        site_settings = SiteSettings.for_site(Site.objects.filter(is_default_site=True).first())
    return effective_mode(story.comment_mode, site_settings.comment_mode)


def readers_see_change(story) -> None:
    """The story page (its count, its comments) and the listings' counts changed."""
    site_changed()
    if purge.enabled():
        purge.purge_after_commit(purge.page_urls(story))


@transaction.atomic
def take(story, name: str, text: str, mode: str) -> Comment:
    """A reader's comment, held when the integrity rules or the link limit flag it; published
    at once only under post-moderation and when nothing was flagged."""
    reasons = guard.hold_reasons(f"{name}\n{text}")
    if reasons:
        status = CommentStatus.HELD
    elif mode == CommentMode.POSTMODERATED:
        status = CommentStatus.APPROVED
    else:
        status = CommentStatus.PENDING
    comment = Comment.objects.create(
        story=story, name=name, text=text, status=status, hold_reason="\n".join(reasons)
    )
    if status == CommentStatus.APPROVED:
        readers_see_change(story)
    return comment


@transaction.atomic
def review(comment: Comment, action: str, user, reply: str = "") -> Comment:
    """approve / reject / reply, by an editor; the reply is shown as the newsroom's."""
    was_visible = comment.status == CommentStatus.APPROVED
    now = timezone.now()
    if action in ("approve", "reject"):
        comment.status = CommentStatus.APPROVED if action == "approve" else CommentStatus.REJECTED
        comment.reviewed_at, comment.reviewed_by = now, user
    if reply != comment.reply and action in ("approve", "reply"):
        comment.reply = reply
        comment.replied_at, comment.replied_by = (now, user) if reply else (None, None)
    comment.save()
    if was_visible or comment.status == CommentStatus.APPROVED:
        readers_see_change(comment.story)
    return comment
