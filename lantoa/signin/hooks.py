"""Admin wiring (imported by lantoa.wagtail_hooks): the code and enrolment pages, the lockout
screen under Settings, and "Two-step sign-in" in each user's account menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views, twofactor


@hooks.register("register_admin_urls")
def signin_urls():
    return [
        path("2fa/verify/", twofactor.verify_view, name="signin_2fa_verify"),
        path("2fa/", twofactor.setup_view, name="signin_2fa_setup"),
        path(
            "signin-lockouts/",
            admin_views.LockoutReportView.as_view(),
            name="signin_lockouts",
        ),
        path(
            "signin-lockouts/results/",
            admin_views.LockoutReportView.as_view(results_only=True),
            name="signin_lockouts_results",
        ),
        path("signin-lockouts/unlock/", admin_views.unlock, name="signin_unlock"),
    ]


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return admin_views.permission_policy.user_has_permission(request.user, "view")


@hooks.register("register_settings_menu_item")
def lockouts_menu_item():
    return LockoutsMenuItem(
        _("Sign-in lockouts"), reverse("signin_lockouts"), icon_name="lock", order=650
    )


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("signin_2fa_setup"),
        "label": _("Two-step sign-in"),
        "help_text": _("A code from your phone after the password, and backup codes."),
    }
