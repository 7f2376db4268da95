"""The editors' moderation queue: comments waiting or held, approve / reject / reply."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import services
from .forms import ReplyForm
from .models import Comment, CommentStatus

PERMISSION = "reader_comments.moderate_comment"
TABS = [
    ("queue", gettext_lazy("To review")),
    (CommentStatus.APPROVED, CommentStatus.APPROVED.label),
    (CommentStatus.REJECTED, CommentStatus.REJECTED.label),
]
ACTIONS = ("approve", "reject", "reply")


def _check(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def queue(request: HttpRequest) -> HttpResponse:
    """Waiting and held comments first (oldest first: readers have waited longest)."""
    _check(request)
    tab = request.GET.get("status", "queue")
    if tab not in dict(TABS):
        tab = "queue"
    comments = Comment.objects.select_related("story")
    if tab == "queue":
        comments = comments.in_queue().order_by("created_at", "pk")
    else:
        comments = comments.filter(status=tab)
    page = Paginator(comments, 30).get_page(request.GET.get("p"))
    return render(
        request,
        "reader_comments/admin/queue.html",
        {
            "page_title": _("Reader comments"),
            "tabs": [(key, str(label)) for key, label in TABS],
            "tab": tab,
            "comments": page,
            "statuses": CommentStatus,
        },
    )


@require_POST
def act(request: HttpRequest, comment_id: int) -> HttpResponse:
    _check(request)
    comment = get_object_or_404(Comment.objects.select_related("story"), pk=comment_id)
    action = request.POST.get("action")
    form = ReplyForm(request.POST)
    back = request.POST.get("next") or ""
    target = back if back.startswith("/admin/binh-luan/") else "reader_comments_queue"
    if action not in ACTIONS or not form.is_valid():
        errors = "; ".join(e for errs in form.errors.values() for e in errs)
        messages.error(request, errors or _("Unknown action."))
        return redirect(target)
    reply = form.cleaned_data["reply"]
    if action == "reply" and not reply and not comment.reply:
        messages.error(request, _("Write the reply first."))
        return redirect(target)
    services.review(comment, action, request.user, reply if action != "reject" else comment.reply)
    done = {
        "approve": _("The comment is published."),
        "reject": _("The comment is rejected."),
        "reply": _("The newsroom's reply is saved."),
    }
    messages.success(request, done[action])
    return redirect(target)
