"""Readers' comments on stories, and the newsroom's reply shown under one."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

NAME_MAX = 60
TEXT_MAX = 2000


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    HELD = "held", _("Held by the checks")
    APPROVED = "approved", pgettext_lazy("comment", "Published")
    REJECTED = "rejected", pgettext_lazy("comment", "Rejected")


class CommentQuerySet(models.QuerySet):
    def approved(self) -> CommentQuerySet:
        return self.filter(status=CommentStatus.APPROVED)

    def in_queue(self) -> CommentQuerySet:
        return self.filter(status__in=[CommentStatus.PENDING, CommentStatus.HELD])


class Comment(models.Model):
    """One reader's comment. No account and nothing that follows the reader is stored."""

    story = models.ForeignKey(
        "stories.StoryPage",
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="reader_comments",
    )
    name = models.CharField(_("reader's name"), max_length=NAME_MAX)
    text = models.TextField(pgettext_lazy("reader", "Comment"), max_length=TEXT_MAX)
    status = models.CharField(
        _("status"), max_length=10, choices=CommentStatus.choices, default=CommentStatus.PENDING
    )
    hold_reason = models.TextField(_("why it was held"), blank=True)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reply = models.TextField(_("newsroom reply"), max_length=TEXT_MAX, blank=True)
    replied_at = models.DateTimeField(_("replied at"), null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("replied by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("reader comment")
        verbose_name_plural = _("reader comments")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["story", "status", "-created_at"])]
        permissions = [("moderate_comment", _("Can moderate reader comments"))]

    def __str__(self) -> str:
        return f"{self.name}: {self.text[:40]}"
