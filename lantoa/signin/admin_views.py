"""Settings → "Sign-in lockouts": the failed sign-ins of the cool-off window, grouped by
username and address, which of them are locked out, and an unlock button for administrators
(permission axes.delete_accessattempt; viewing needs axes.view_accessattempt)."""

from __future__ import annotations

from axes.attempts import get_cool_off_threshold
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_ipv46_address
from django.db.models import Max, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .throttle import limit_for

permission_policy = ModelPermissionPolicy(AccessAttempt)


class _Request:
    """What get_cool_off_threshold reads from a request: the attempt's time (now)."""

    axes_attempt_time = None


def current_attempts():
    """Failed attempts still counted (inside the cool-off window)."""
    return AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(_Request()))


def lockout_rows() -> list[dict]:
    """One row per username + address: failures, last attempt, and whether it is locked out
    (by its own count, or because its address reached the per-address limit)."""
    attempts = current_attempts()
    per_address = {
        row["ip_address"]: row["failures"]
        for row in attempts.values("ip_address").annotate(failures=Sum("failures_since_start"))
    }
    address_limit = (
        limit_for("ip_address") if "ip_address" in settings.AXES_LOCKOUT_PARAMETERS else 0
    )
    rows = []
    for row in (
        attempts.values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"), last_attempt=Max("attempt_time"))
        .order_by("-last_attempt")
    ):
        address_locked = bool(address_limit) and per_address[row["ip_address"]] >= address_limit
        row["address_failures"] = per_address[row["ip_address"]]
        row["locked"] = address_locked or row["failures"] >= settings.LOGIN_FAILURE_LIMIT
        row["scope"] = "address" if address_locked else "user"
        row["status"] = (
            _("Locked: the whole address")
            if address_locked
            else _("Locked")
            if row["locked"]
            else _("Not locked")
        )
        rows.append(row)
    return rows


class UnlockColumn(Column):
    cell_template_name = "lantoa/signin/unlock_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        context["row"] = instance
        context["can_unlock"] = permission_policy.user_has_permission(request.user, "delete")
        context["csrf_token"] = parent_context.get("csrf_token")
        return context


class LockoutReportView(ReportView):
    page_title = gettext_lazy("Sign-in lockouts")
    header_icon = "lock"
    index_url_name = "signin_lockouts"
    index_results_url_name = "signin_lockouts_results"
    results_template_name = "lantoa/signin/lockouts_results.html"
    permission_policy = permission_policy
    permission_required = "view"
    paginate_by = 50
    no_results_message = gettext_lazy(
        "No failed sign-ins in the last minutes: nobody is locked out."
    )
    list_export = [
        "username",
        "ip_address",
        "failures",
        "address_failures",
        "last_attempt",
        "status",
    ]

    @property
    def export_headings(self):
        return {
            "username": _("Username typed"),
            "ip_address": _("Address"),
            "failures": _("Failed attempts"),
            "address_failures": _("Failed attempts from the address"),
            "last_attempt": _("Last attempt"),
            "status": _("Status"),
        }

    @property
    def columns(self):
        headings = self.export_headings
        return [
            Column("username", label=headings["username"]),
            Column("ip_address", label=headings["ip_address"]),
            Column("failures", label=headings["failures"]),
            Column("address_failures", label=headings["address_failures"]),
            DateColumn("last_attempt", label=headings["last_attempt"]),
            Column("status", label=headings["status"]),
            UnlockColumn("unlock", label=_("Unlock")),
        ]

    def get_queryset(self):
        return lockout_rows()

    def get_filtered_queryset(self):
        return self.get_queryset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["limits_note"] = _(
            "A username is locked out from an address after %(limit)s failed attempts; "
            "an address, for every username, after %(address_limit)s. A lockout ends "
            "%(minutes)s minutes after the last attempt."
        ) % {
            "limit": settings.LOGIN_FAILURE_LIMIT,
            "address_limit": settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS or "—",
            "minutes": settings.LOGIN_LOCKOUT_MINUTES,
        }
        return context


@require_POST
def unlock(request: HttpRequest) -> HttpResponse:
    """Clear the failures of one username + address, or of a whole address."""
    if not permission_policy.user_has_permission(request.user, "delete"):
        raise PermissionDenied
    address = request.POST.get("ip_address", "")
    try:
        validate_ipv46_address(address)
    except ValidationError:
        messages.error(request, _("Nothing to unlock: the address is not valid."))
        return redirect("signin_lockouts")
    attempts = AccessAttempt.objects.filter(ip_address=address)
    if request.POST.get("scope") == "address":
        count, _deleted = attempts.delete()
        message = _("The address %(address)s is unlocked.") % {"address": address}
    else:
        username = request.POST.get("username", "")
        count, _deleted = attempts.filter(username=username).delete()
        message = _("“%(username)s” is unlocked from %(address)s.") % {
            "username": username,
            "address": address,
        }
    if count:
        messages.success(request, message)
    else:
        messages.warning(request, _("Nothing to unlock: these attempts have already expired."))
    return redirect("signin_lockouts")
