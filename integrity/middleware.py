"""Turns a publication refused by the integrity gate into the editor's page with the reason.

A workflow approval publishes inside Wagtail's `TaskState.approve` transaction: the refusal
rolls the approval back, and the edits saved before it stay saved."""

from __future__ import annotations

from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin.modal_workflow import render_modal_workflow

from .pages import IntegrityBlocked


class IntegrityGateMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, IntegrityBlocked):
            return None
        from .wagtail_hooks import report_refusal

        report_refusal(request, exception.page, exception.findings)
        url = reverse("wagtailadmin_pages:edit", args=(exception.page.pk,))
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            return render_modal_workflow(
                request, "", None, {}, json_data={"step": "success", "redirect": url}
            )
        return redirect(url)
