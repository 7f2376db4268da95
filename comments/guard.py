"""What every reader submission passes (comments here, nominations in campaigns): a signed
timestamped token embedded in the form, the Origin/Referer check, a honeypot field, the flood
limit per visitor and per address, a link limit and the integrity rules.

Forms are served from the page cache to every anonymous reader alike, so there is no per-user
CSRF cookie: the views are csrf_exempt and instead require a token the server signed (it says
which form it belongs to and when the page was rendered, and cannot be forged or reused on
another form) and a request coming from the site's own pages (Origin, else Referer: a browser
sends one with every form POST). Nothing here sets a cookie.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail import hooks

from engagement import ingest, visitors
from integrity.services import count_links

logger = logging.getLogger(__name__)

SCAN_HOOK = "scan_reader_submission"
HONEYPOT_FIELD = "website"
TOKEN_FIELD = "token"


class Refused(Exception):
    """A submission the view answers with `status` and a Vietnamese `message`; the reader's
    text is shown again in the form."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def _signer(purpose: str) -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=f"reader-submission:{purpose}")


def make_token(purpose: str) -> str:
    """The token a form carries: which form (`purpose`, e.g. "comment:42") and when it was made."""
    return _signer(purpose).sign(purpose)


def token_max_age() -> int:
    """Seconds a rendered form stays good: well beyond the page cache's lifetime."""
    return getattr(settings, "READER_FORM_TOKEN_MAX_AGE", 3 * 24 * 3600)


def check_token(token: str, purpose: str) -> None:
    try:
        value = _signer(purpose).unsign(token or "", max_age=token_max_age())
    except signing.SignatureExpired as error:
        raise Refused(_("This form has expired. Please check your text and send it again.")) from (
            error
        )
    except signing.BadSignature as error:
        raise Refused(_("The form could not be checked. Please send it again.")) from error
    if value != purpose:
        raise Refused(_("The form could not be checked. Please send it again."))


def check_origin(request: HttpRequest) -> None:
    """The POST comes from one of the site's pages (a form on another site cannot post here)."""
    origin = request.META.get("HTTP_ORIGIN", "")
    source = origin if origin and origin != "null" else request.META.get("HTTP_REFERER", "")
    host = (urlsplit(source).hostname or "").removeprefix("www.") if source else ""
    if not host or host not in ingest.own_hosts(request):
        raise Refused(
            _(
                "Your browser did not say which page the form was sent from. Please send it again "
                "from the site's page."
            ),
            status=403,
        )


def honeypot_filled(data) -> bool:
    """The hidden field people never see: only a robot fills it in."""
    return bool((data.get(HONEYPOT_FIELD) or "").strip())


def rate_limits() -> tuple[int, int, int]:
    """(submissions per visitor, per address, window in seconds), from the settings."""
    return (
        getattr(settings, "READER_SUBMISSION_RATE_LIMIT", 5),
        getattr(settings, "READER_SUBMISSION_ADDRESS_RATE_LIMIT", 50),
        getattr(settings, "READER_SUBMISSION_RATE_WINDOW", 600),
    )


def check_rate(request: HttpRequest, kind: str) -> None:
    """At most a few submissions of `kind` per visitor (daily-salted key of address and browser)
    and more per address (a commune's NAT) in a window; counted in the cache every process
    shares, by engagement's window counter. A cache outage limits nothing."""
    per_visitor, per_address, window = rate_limits()
    try:
        address = visitors.raw_address_key(request)
        if ingest.count_in_window(f"reader:{kind}:address:{address}", window) > per_address:
            raise Refused(_("Too many submissions from your network. Please try again later."), 429)
        visitor = visitors.raw_key(request)
        if ingest.count_in_window(f"reader:{kind}:visitor:{visitor}", window) > per_visitor:
            raise Refused(
                _(
                    "You have sent several in a short time. "
                    "Please wait a few minutes and try again."
                ),
                429,
            )
    except Refused:
        raise
    except Exception:
        logger.exception("reader submission flood limit: the shared cache did not answer")


def max_links() -> int:
    return getattr(settings, "READER_SUBMISSION_MAX_LINKS", 2)


def scan(text: str) -> list:
    """The integrity rules' findings on a reader's text (`scan_reader_submission` hooks, each
    returning findings with `.rule` and `.excerpt`)."""
    findings: list = []
    for fn in hooks.get_hooks(SCAN_HOOK):
        findings += fn(text)
    return findings


def hold_reasons(text: str) -> list[str]:
    """Why this text must wait for a person: the rules' findings and too many links."""
    reasons = [f"{finding.rule}: {finding.excerpt}" for finding in scan(text)]
    links = count_links(text)  # the integrity rules' one way of finding links
    if links > max_links():
        reasons.append(
            _("%(count)s links (more than %(limit)s)") % {"count": links, "limit": max_links()}
        )
    return reasons


def check_request(request: HttpRequest, kind: str, purpose: str) -> None:
    """Origin, flood limit and token, in that order (a flood is counted even when its tokens
    are bad)."""
    check_origin(request)
    check_rate(request, kind)
    check_token(request.POST.get(TOKEN_FIELD, ""), purpose)
