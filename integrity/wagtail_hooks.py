"""Admin wiring: the rule snippets, the warning after saving, the gate before publishing, the
override form, the findings report, and the `scan_reader_submission` hook other apps call."""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import IssuingBody, RuleKind, SpamTerm, TrustedDomain
from .pages import IntegrityGatedPage, refusal_message, uncovered_findings
from .services import Finding, blocks_publishing, scan_reader_submission

MAX_LISTED = 10


class SpamTermViewSet(SnippetViewSet):
    model = SpamTerm
    icon = "warning"
    list_display = ["term", "kind", "active", "note"]
    list_filter = ["kind", "active"]


class TrustedDomainViewSet(SnippetViewSet):
    model = TrustedDomain
    icon = "link"
    list_display = ["domain", "note"]


class IssuingBodyViewSet(SnippetViewSet):
    model = IssuingBody
    icon = "group"
    list_display = ["name", "kind"]
    list_filter = ["kind"]


class IntegrityRulesGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Integrity rules")
    menu_icon = "warning"
    menu_order = 260
    items = (SpamTermViewSet, TrustedDomainViewSet, IssuingBodyViewSet)


register_snippet(IntegrityRulesGroup)


@hooks.register("scan_reader_submission")
def reader_submission_findings(text: str) -> list[Finding]:
    return scan_reader_submission(text)


def _findings_html(findings: list[Finding]):
    labels = dict(RuleKind.choices)
    shown = findings[:MAX_LISTED]
    items = format_html_join(
        "",
        "<li>{}: {}</li>",
        ((labels.get(f.rule, f.rule), f.excerpt) for f in shown),
    )
    more = ""
    if len(findings) > MAX_LISTED:
        more = _("… and %(count)d more.") % {"count": len(findings) - MAX_LISTED}
    return format_html("<ul>{}</ul>{}", items, more)


def report_refusal(request, page, findings: list[Finding]) -> None:
    """The Vietnamese refusal with its findings, and the override link for who may use it."""
    override = ""
    if admin_views.can_override(request.user, page):
        override = format_html(
            ' <a href="{}">{}</a>',
            reverse("integrity_override", args=(page.pk,)),
            _("Publish with a recorded reason"),
        )
    messages.error(
        request,
        format_html("{}{}{}", refusal_message(findings), _findings_html(findings), override),
    )


def _warn(request, page) -> None:
    page = page.specific
    if not isinstance(page, IntegrityGatedPage):
        return
    revision = page.get_latest_revision()
    content = revision.as_object() if revision else page
    findings = content.integrity_findings()
    if not findings:
        return
    if any(blocks_publishing(finding) for finding in findings):
        intro = _(
            "Saved. The integrity check found %(count)d suspicious passage(s); the page "
            "cannot be published until they are corrected or the editor-in-chief "
            "overrides them:"
        ) % {"count": len(findings)}
    else:
        intro = _(
            "Saved. The page links to %(count)d outside site(s) not on the trusted list; "
            "check them (editors can add a domain to the trusted list):"
        ) % {"count": len(findings)}
    messages.warning(request, format_html("{}{}", intro, _findings_html(findings)))


@hooks.register("after_edit_page")
def warn_after_edit(request, page):
    _warn(request, page)


@hooks.register("after_create_page")
def warn_after_create(request, page):
    _warn(request, page)


@hooks.register("before_publish_page")
def gate_before_publish(request, page):
    """The "Publish" button: the revision is saved already; refuse before it goes live."""
    page = page.specific
    if not isinstance(page, IntegrityGatedPage):
        return None
    findings = uncovered_findings(page.pk, page.integrity_findings())
    if not findings:
        return None
    report_refusal(request, page, findings)
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("register_admin_urls")
def integrity_admin_urls():
    return [
        path(
            "integrity/override/<int:page_id>/",
            admin_views.override_view,
            name="integrity_override",
        ),
        path(
            "integrity/findings/",
            admin_views.FindingReportView.as_view(),
            name="integrity_findings",
        ),
        path(
            "integrity/findings/results/",
            admin_views.FindingReportView.as_view(results_only=True),
            name="integrity_findings_results",
        ),
    ]


class FindingsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return admin_views.finding_policy.user_has_permission(request.user, "view")


@hooks.register("register_reports_menu_item")
def findings_menu_item():
    return FindingsMenuItem(
        _("Integrity findings"), reverse("integrity_findings"), icon_name="warning", order=900
    )


@hooks.register("register_permissions")
def integrity_permissions():
    return Permission.objects.filter(
        content_type__app_label="integrity", codename="override_integrity"
    )
