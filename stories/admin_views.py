"""The admin's unpublish confirmation, with the takedown notice's reason and the silent choice.

Wagtail's own view does the unpublishing (permission check, hooks, descendants, log entry);
this subclass only adds a small form for stories and writes its answers on the `Withdrawal`
that unpublishing recorded. lantoa/urls.py serves it at Wagtail's own unpublish address, so
every "Unpublish" button in the admin leads here.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.urls import display_custom_404
from wagtail.admin.views.pages.unpublish import UnpublishView

from vietnamese.text import normalize

from .models import StoryPage
from .withdrawals import PUBLIC_REASON_MAX_LENGTH, Withdrawal


class WithdrawalNoticeForm(forms.Form):
    public_reason = forms.CharField(
        label=_("Reason for the takedown (shown to readers)"),
        required=False,
        max_length=PUBLIC_REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Readers who open the old address see a notice that the story was taken down, with "
            "this reason if given."
        ),
        error_messages={
            "max_length": _(
                "The reason for the takedown can be at most %(limit_value)d characters long "
                "(it has %(show_value)d)."
            )
        },
    )
    silent = forms.BooleanField(
        label=_("Take down silently"),
        required=False,
        help_text=_(
            "The old address answers as a page that does not exist (404), with no takedown notice."
        ),
    )

    def clean_public_reason(self) -> str:
        return normalize(self.cleaned_data["public_reason"].strip())


class WithdrawingUnpublishView(UnpublishView):
    template_name = "stories/admin/confirm_unpublish.html"

    def dispatch(self, request, *args, **kwargs):
        self.notice_form = (
            WithdrawalNoticeForm(request.POST if request.method == "POST" else None)
            if isinstance(self.object, StoryPage)
            else None
        )
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.notice_form is not None and not self.notice_form.is_valid():
            return self.render_to_response(self.get_context_data())
        return super().post(request, *args, **kwargs)

    def unpublish(self):
        hook_response = super().unpublish()
        if self.notice_form is not None:
            notice = self.notice_form.cleaned_data
            # Saved, not `update()`d: the admin's search index follows the reason (post_save).
            for withdrawal in Withdrawal.objects.active().filter(page_id=self.object.pk):
                withdrawal.public_reason = notice["public_reason"]
                withdrawal.silent = notice["silent"]
                withdrawal.withdrawn_by = self.request.user
                withdrawal.save(update_fields=["public_reason", "silent", "withdrawn_by"])
        return hook_response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["notice_form"] = self.notice_form
        return context


# Decorated as Wagtail decorates its own admin views (wagtail.admin.urls).
unpublish_view = never_cache(
    display_custom_404(require_admin_access(WithdrawingUnpublishView.as_view()))
)
