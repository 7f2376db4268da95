"""Cookieless visitor keys: a hash of a daily random salt, the IP and the user agent.

The salt lives in the database (shared by every server process) and is replaced each day;
salts of earlier days are deleted when a new one is made, so a key cannot be recomputed later
and a reader cannot be followed from one day to the next. No IP is ever stored: the address
key (the same salted hash of the address alone, an IPv6 address's /64) is what the flood limit
and "popular searches" count distinct addresses by.
"""

from __future__ import annotations

import hashlib
import ipaddress
import secrets
import threading
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from .models import Salt

_lock = threading.Lock()
_current: tuple[date, bytes] | None = None


def salt_for(day: date) -> bytes:
    """Today's salt, made (and older ones deleted) by whichever process needs it first."""
    global _current
    cached = _current
    if cached is not None and cached[0] == day:
        return cached[1]
    with _lock:
        row = Salt.objects.filter(day=day).first()
        if row is None:
            try:
                with transaction.atomic():
                    row = Salt.objects.create(day=day, secret=secrets.token_hex(32))
                    Salt.objects.filter(day__lt=day - timedelta(days=keep_days())).delete()
            except IntegrityError:  # another process made it first
                row = Salt.objects.get(day=day)
        _current = (day, row.secret.encode())
        return _current[1]


def keep_days() -> int:
    """Salts older than today are deleted at once unless ENGAGEMENT_SALT_KEEP_DAYS says more."""
    return getattr(settings, "ENGAGEMENT_SALT_KEEP_DAYS", 0)


def client_ip(request: HttpRequest) -> str:
    """REMOTE_ADDR, or the first X-Forwarded-For hop when ENGAGEMENT_TRUST_X_FORWARDED_FOR."""
    if getattr(settings, "ENGAGEMENT_TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def opted_out(request: HttpRequest) -> bool:
    """Do Not Track (`DNT: 1`) or Global Privacy Control (`Sec-GPC: 1`)."""
    return request.META.get("HTTP_DNT") == "1" or request.META.get("HTTP_SEC_GPC") == "1"


def client_network(request: HttpRequest) -> str:
    """The client's address as the flood limit sees it: an IPv4 address, or an IPv6 address's
    /64 (one subscriber's prefix: a device may change the rest at will)."""
    address = client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:  # not an address (a proxy header gone wrong): keyed as it is
        return address
    if parsed.version == 6:
        if parsed.ipv4_mapped:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def _salted(text: str, day: date | None) -> str:
    digest = hashlib.blake2b(
        text.encode(errors="replace"),
        key=salt_for(day or timezone.localdate())[:64],
        digest_size=8,
    )
    return digest.hexdigest()


def raw_key(request: HttpRequest, day: date | None = None) -> str:
    """The salted hash for this request (16 hex digits); used in memory for rate limiting."""
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    return _salted(f"{client_ip(request)}\n{user_agent}", day)


def raw_address_key(request: HttpRequest, day: date | None = None) -> str:
    """The salted hash of the client's network (client_network): shared by everyone behind
    one address, a commune's NAT included."""
    return _salted(f"address\n{client_network(request)}", day)


def visitor_key(request: HttpRequest, day: date | None = None) -> str:
    """The key stored with an event: blank when the reader asked not to be tracked."""
    return "" if opted_out(request) else raw_key(request, day)


def address_key(request: HttpRequest, day: date | None = None) -> str:
    """The address key stored with an event: blank when the reader asked not to be tracked."""
    return "" if opted_out(request) else raw_address_key(request, day)


def forget_cached_salt() -> None:
    """Tests and the rotation command: the next key reads the salt table again."""
    global _current
    _current = None
