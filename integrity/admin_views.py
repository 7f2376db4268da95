"""Admin screens: the report of findings on live pages (Reports menu) and the
editor-in-chief's override form (publish despite findings, with a recorded reason)."""

from __future__ import annotations

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Finding, PublishOverride, RuleKind
from .pages import IntegrityGatedPage, field_label, uncovered_findings

finding_policy = ModelPermissionPolicy(Finding)


class FindingFilterSet(WagtailFilterSet):
    rule = django_filters.ChoiceFilter(label=gettext_lazy("rule"), choices=RuleKind.choices)
    resolved = django_filters.BooleanFilter(label=gettext_lazy("resolved"))

    class Meta:
        model = Finding
        fields = ["rule", "resolved"]


class PageColumn(TitleColumn):
    def get_value(self, instance):
        return instance.page.get_admin_display_title()

    def get_link_url(self, instance, parent_context):
        return reverse("wagtailadmin_pages:edit", args=(instance.page_id,))


class FindingReportView(ReportView):
    """What the scheduled scan found on rendered live pages, newest first, unresolved first."""

    page_title = gettext_lazy("Integrity findings")
    header_icon = "warning"
    index_url_name = "integrity_findings"
    index_results_url_name = "integrity_findings_results"
    permission_policy = finding_policy
    permission_required = "view"
    filterset_class = FindingFilterSet
    paginate_by = 50
    no_results_message = gettext_lazy("No findings: the live pages read as they should.")
    list_export = ["page_id", "page.title", "rule", "field", "excerpt", "first_seen", "last_seen"]

    @property
    def export_headings(self):
        return {
            "page_id": _("Page ID"),
            "page.title": _("Page"),
            "rule": _("rule"),
            "field": _("field"),
            "excerpt": _("excerpt"),
            "first_seen": _("first seen"),
            "last_seen": _("last seen"),
        }

    @property
    def columns(self):
        return [
            PageColumn("page", label=_("Page")),
            Column("rule", label=_("rule"), accessor="get_rule_display"),
            Column("field", label=_("field"), accessor="field_label"),
            Column("excerpt", label=_("excerpt")),
            DateColumn("first_seen", label=_("first seen")),
            DateColumn("last_seen", label=_("last seen")),
            Column("resolved", label=_("resolved"), accessor="resolved_label"),
        ]

    def get_queryset(self):
        rows = Finding.objects.select_related("page").order_by("resolved", "-last_seen", "pk")
        return rows

    def decorate_paginated_queryset(self, object_list):
        for row in object_list:
            row.resolved_label = _("Yes") if row.resolved else _("No")
            row.field_label = field_label(row.page.specific_class or Page, row.field)
        return object_list


class OverrideForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for publishing despite the findings"),
        widget=forms.Textarea(attrs={"rows": 4}),
        min_length=10,
        max_length=2000,
        error_messages={
            "required": gettext_lazy("Write why this content may be published as it is."),
            "min_length": gettext_lazy(
                "The reason is too short: write at least %(limit_value)d characters."
            ),
        },
    )


def can_override(user, page: Page) -> bool:
    return (
        user.has_perm("integrity.override_integrity")
        and page.permissions_for_user(user).can_publish()
    )


def _publish_with_override(page: Page, user) -> None:
    """Approves the workflow in progress (which publishes), or publishes the latest revision."""
    state = page.current_workflow_state
    for _step in range(10):
        if state is None or state.status != state.STATUS_IN_PROGRESS:
            break
        task_state = state.current_task_state
        if task_state is None:
            break
        task_state.specific.approve(user=user)
        state.refresh_from_db()
    if state is not None and state.status == state.STATUS_APPROVED:
        return
    page.get_latest_revision().publish(user=user)


def override_view(request: HttpRequest, page_id: int) -> HttpResponse:
    """GET: the findings of the latest version and the reason form; POST: records the override
    and publishes (for the editor-in-chief only)."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, IntegrityGatedPage) or not can_override(request.user, page):
        raise PermissionDenied
    revision = page.get_latest_revision()
    findings = uncovered_findings(page.pk, revision.as_object().integrity_findings())
    form = OverrideForm(request.POST or None)
    if request.method == "POST" and not findings:
        messages.info(request, _("The latest version has no findings: publish it as usual."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            PublishOverride.objects.create(
                page=page,
                revision_id=revision.pk,
                user=request.user,
                reason=form.cleaned_data["reason"],
                findings=[finding.as_dict() for finding in findings],
            )
            _publish_with_override(page, request.user)
        messages.success(
            request,
            _("“%(title)s” was published; your reason was recorded.")
            % {"title": page.get_admin_display_title()},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    labels = dict(RuleKind.choices)
    return TemplateResponse(
        request,
        "integrity/admin/override.html",
        {
            "page": page,
            "form": form,
            "findings": [
                (labels.get(f.rule, f.rule), field_label(type(page), f.field), f) for f in findings
            ],
            "edit_url": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        },
    )
