"""Admin wiring: the moderation queue for editors, and the comment count on story cards."""

from __future__ import annotations

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .models import Comment, CommentStatus

PERMISSION = "reader_comments.moderate_comment"


@hooks.register("story_card_annotations")
def comment_count_annotation() -> dict:
    """`comment_count` on every card of a listing, inside the listing's own query."""
    approved = (
        Comment.objects.filter(story_id=OuterRef("pk"), status=CommentStatus.APPROVED)
        .order_by()
        .values("story_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return {"comment_count": Coalesce(Subquery(approved, output_field=IntegerField()), 0)}


@hooks.register("register_admin_urls")
def comment_admin_urls():
    return [
        path("binh-luan/", admin_views.queue, name="reader_comments_queue"),
        path("binh-luan/<int:comment_id>/", admin_views.act, name="reader_comments_act"),
    ]


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_menu_item")
def comment_menu():
    return ModeratorMenuItem(
        _("Reader comments"), reverse("reader_comments_queue"), icon_name="comment", order=260
    )
