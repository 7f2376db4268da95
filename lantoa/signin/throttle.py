"""Sign-in throttling on django-axes' database handler: attempts are rows in the site's database,
so a lockout reached through one gunicorn worker holds on every other.

Two keys, each with its own limit (settings.AXES_LOCKOUT_PARAMETERS lists them):
- username + address (LOGIN_FAILURE_LIMIT, 5): someone guessing a colleague's password from
  one address locks only that pair; the colleague still signs in from her own desk;
- the address alone (LOGIN_FAILURE_LIMIT_PER_ADDRESS, 20): one address trying many usernames.
Axes compares one number with one limit, so `get_failures` reports each key's count on the
scale of the first limit (floor(count × first limit / its limit)): it reaches the first limit
exactly when some key reaches its own.
"""

from __future__ import annotations

import math

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def limit_for(parameter: str | list[str]) -> int:
    """The failure limit of one lockout key (a name or a list of names)."""
    if parameter == "ip_address" or parameter == ["ip_address"]:
        return settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS
    return settings.LOGIN_FAILURE_LIMIT


def lockout_minutes() -> int:
    cool_off = get_cool_off()
    return math.ceil(cool_off.total_seconds() / 60) if cool_off else 0


class LoginThrottleHandler(AxesDatabaseHandler):
    """Axes' database handler with a limit per key, and a success that clears only its own
    username + address (not every failure from the address)."""

    def get_failures(self, request, credentials: dict | None = None) -> int:
        base = settings.LOGIN_FAILURE_LIMIT
        scaled = 0
        for parameter, attempts in zip(
            settings.AXES_LOCKOUT_PARAMETERS,
            self.get_user_attempts(request, credentials),
            strict=True,
        ):
            count = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            scaled = max(scaled, count * base // max(limit_for(parameter), 1))
        return scaled

    def reset_user_attempts(self, request, credentials: dict | None = None) -> int:
        username = get_client_username(request, credentials)
        count, _ = AccessAttempt.objects.filter(
            username=username, ip_address=request.axes_ip_address or None
        ).delete()
        return count


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """The Vietnamese lockout page (AXES_LOCKOUT_CALLABLE), 429 Too Many Requests."""
    return render(
        request,
        "lantoa/signin/locked_out.html",
        {
            "minutes": lockout_minutes(),
            "failure_limit": settings.LOGIN_FAILURE_LIMIT,
            "username": get_client_username(request, credentials) or "",
        },
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
