"""How readers' comments on a story are moderated: the choice a story makes and the site's
default. Both the story page (stories) and the site settings (core) carry the field, and the
comments app reads it, so it lives below all of them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CommentMode(models.TextChoices):
    """The three ways newsroom portals take comments, and "as the site says" for a story."""

    INHERIT = "", _("As the site default")
    PREMODERATED = "premoderated", _("Every comment waits for approval")
    POSTMODERATED = "postmoderated", _("Published at once, checked by the integrity rules")
    CLOSED = "closed", _("Comments closed")


SITE_MODE_CHOICES = [choice for choice in CommentMode.choices if choice[0]]


class StoryCommentModeMixin(models.Model):
    """The story's own choice (blank: the site default)."""

    comment_mode = models.CharField(
        _("reader comments"),
        max_length=20,
        choices=CommentMode.choices,
        default=CommentMode.INHERIT,
        blank=True,
    )

    class Meta:
        abstract = True


class SiteCommentModeMixin(models.Model):
    """The site's default for stories that do not choose."""

    comment_mode = models.CharField(
        _("reader comments (site default)"),
        max_length=20,
        choices=SITE_MODE_CHOICES,
        default=CommentMode.PREMODERATED,
    )

    class Meta:
        abstract = True


def effective_mode(story_mode: str, site_mode: str) -> str:
    """The mode that applies: the story's, else the site's (pre-moderation if neither says)."""
    return story_mode or site_mode or CommentMode.PREMODERATED
