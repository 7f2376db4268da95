"""Two-factor sign-in for the admin on django-otp: a code from an authenticator app (TOTP) after
the password, or one of ten single-use backup codes.

Optional for everyone with admin access; LOGIN_2FA_REQUIRED=1 makes superusers and the
administrators' group enrol before they can use the admin. Once a user has a confirmed device,
every request of a session that has not given a code goes to the code page first. Wagtail 8 has
no maintained two-factor package of its own (wagtail-2fa 1.8 lists Wagtail 2–4, needs qrcode and
has no backup codes), so the small flow is here, on django-otp's devices and middleware.
"""

from __future__ import annotations

import re
from base64 import b32encode
from collections.abc import Callable
from urllib.parse import urlencode

import django_otp
import segno
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.roles import ADMINISTRATOR

BACKUP_CODES = 10
TOTP_CODE = re.compile(r"[0-9]{6}")
BACKUP_CODE = re.compile(r"[a-z2-7]{8}")
# URL names an unverified session may still reach: signing in and out, the code page, and the
# admin's own script catalogue and icons those pages load.
ALWAYS_ALLOWED = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "signin_2fa_verify",
}


def is_administrator(user: AbstractBaseUser) -> bool:
    return user.is_superuser or user.groups.filter(name=ADMINISTRATOR).exists()


def two_factor_required(user: AbstractBaseUser) -> bool:
    """LOGIN_2FA_REQUIRED: superusers and administrators must enrol."""
    return settings.LOGIN_2FA_REQUIRED and is_administrator(user)


def enrolled(user: AbstractBaseUser) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def normalise(code: str) -> str:
    """What people type: spaces or a hyphen in the middle, capitals from a printed sheet."""
    return re.sub(r"[\s-]", "", code).lower()


def verify_code(user: AbstractBaseUser, code: str) -> tuple[object | None, str]:
    """The device that accepts `code` (a TOTP code is used once: django-otp records its time
    step; a backup code is deleted), or None and a Vietnamese reason."""
    code = normalise(code)
    if TOTP_CODE.fullmatch(code):
        devices = TOTPDevice.objects.filter(user=user, confirmed=True)
    elif BACKUP_CODE.fullmatch(code):
        devices = StaticDevice.objects.filter(user=user, confirmed=True)
    else:
        return None, _("Type the 6-digit code from your authenticator app, or a backup code.")
    for device in devices:
        allowed, details = device.verify_is_allowed()
        if not allowed:
            return None, _("Too many wrong codes: wait until %(time)s, then try again.") % {
                "time": f"{details['locked_until'].astimezone():%H:%M:%S}"
            }
        verified = django_otp.verify_token(user, device.persistent_id, code)
        if verified is not None:
            return verified, ""
    return None, _("The code is wrong, expired or already used.")


def new_backup_codes(user: AbstractBaseUser) -> list[str]:
    """Ten new single-use codes; the old ones stop working."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=_("Backup codes"), confirmed=True)
        codes = [StaticToken.random_token() for _index in range(BACKUP_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remove_devices(user: AbstractBaseUser) -> int:
    """Every two-factor device of `user` (recovery, `manage.py remove_two_factor`)."""
    count = 0
    for model in (TOTPDevice, StaticDevice):
        deleted, _rows = model.objects.filter(user=user).delete()
        count += deleted
    return count


class TwoFactorMiddleware:
    """After OTPMiddleware: an enrolled user's unverified session reaches only ALWAYS_ALLOWED;
    an administrator who must enrol (LOGIN_2FA_REQUIRED) reaches the admin's enrolment page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return None
        name = request.resolver_match.url_name if request.resolver_match else None
        if name in ALWAYS_ALLOWED:
            return None
        if enrolled(user):
            return redirect_with_next(request, "signin_2fa_verify")
        if (
            name != "signin_2fa_setup"
            and request.path.startswith(reverse("wagtailadmin_home"))
            and two_factor_required(user)
        ):
            return redirect_with_next(request, "signin_2fa_setup")
        return None


def redirect_with_next(request: HttpRequest, url_name: str) -> HttpResponse:
    return redirect(f"{reverse(url_name)}?{urlencode({'next': request.get_full_path()})}")


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def verify_view(request: HttpRequest) -> HttpResponse:
    """The code page, after the password."""
    user = request.user
    if not user.is_authenticated:
        return redirect("wagtailadmin_login")
    if user.is_verified() or not enrolled(user):
        return redirect(_next_url(request))
    error = ""
    if request.method == "POST":
        device, error = verify_code(user, request.POST.get("code", ""))
        if device is not None:
            django_otp.login(request, device)
            return redirect(_next_url(request))
    return render(
        request,
        "lantoa/signin/verify.html",
        {"error": error, "next": _next_url(request)},
        status=400 if error else 200,
    )


def _qr_svg(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#000", light="#fff")


def _secret(device: TOTPDevice) -> str:
    """The key as people type it into an app without a camera: groups of four letters."""
    text = b32encode(device.bin_key).decode()
    return " ".join(text[index : index + 4] for index in range(0, len(text), 4))


def setup_view(request: HttpRequest) -> HttpResponse:
    """Enrol (QR code, then a first code confirms it), new backup codes, or turn it off."""
    user = request.user
    context = {"required": two_factor_required(user), "next": _next_url(request)}
    if enrolled(user):
        if request.method == "POST" and request.POST.get("action") == "backup_codes":
            context["backup_codes"] = new_backup_codes(user)
        elif request.POST.get("action") == "disable" and not context["required"]:
            remove_devices(user)
            return redirect("signin_2fa_setup")
        context["enrolled"] = True
        context["backup_codes_left"] = StaticToken.objects.filter(device__user=user).count()
        return render(request, "lantoa/signin/setup.html", context)

    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    if request.method == "POST":
        code = normalise(request.POST.get("code", ""))
        if TOTP_CODE.fullmatch(code) and device.verify_token(code):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            django_otp.login(request, device)
            context.update(enrolled=True, just_enrolled=True, backup_codes=new_backup_codes(user))
            return render(request, "lantoa/signin/setup.html", context)
        context["error"] = _("The code is wrong or expired: type the code the app shows now.")
    context.update(qr_svg=_qr_svg(device), secret=_secret(device))
    return render(
        request, "lantoa/signin/setup.html", context, status=400 if "error" in context else 200
    )
