"""Security headers on every response: Content-Security-Policy (django-csp) and
Permissions-Policy; Django's SecurityMiddleware adds the rest (nosniff, Referrer-Policy,
Cross-Origin-Opener-Policy, HSTS with HTTPS=1).

The public site runs no inline script or style. Wagtail 8's admin still writes inline scripts
into its pages (the page editor, snippets, the scheduling dialog's date pickers) and sets
inline styles from its scripts, so `/admin/` — behind a login — also allows inline scripts and
styles; never `eval`. The only other origins allowed are the media storage's own (object storage
or its CDN, MEDIA_STORAGE=s3), for images and audio, read from the storage's URLs, and — on
public pages, when EMC_SCRIPT_URL is set — the government EMC monitoring script's.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.files.storage import default_storage
from django.http import HttpRequest, HttpResponseBase

ADMIN_PREFIX = "/admin/"
ADMIN_UPDATE = {"script-src": ["'unsafe-inline'"], "style-src": ["'unsafe-inline'"]}


def media_origin() -> str | None:
    """Where uploaded images and audio are served from when it is not this site: the origin of
    the media storage's URLs (a bucket, its custom domain); None for media under /media/."""
    parts = urlsplit(default_storage.url("csp-probe"))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def emc_origin() -> str | None:
    """The origin of the government's EMC monitoring script (EMC_SCRIPT_URL), when set."""
    parts = urlsplit(getattr(settings, "EMC_SCRIPT_URL", ""))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


class SecurityHeadersMiddleware(CSPMiddleware):
    """CSP from settings.CONTENT_SECURITY_POLICY, plus the media storage's origin for images and
    audio, loosened for the admin's inline code only."""

    def __init__(self, get_response) -> None:
        super().__init__(get_response)
        origin = media_origin()
        self.media_update = {"img-src": [origin], "media-src": [origin]} if origin else {}
        emc = emc_origin()
        # The EMC script reports to its own origin; public pages only (see emc_snippet).
        self.public_update = (
            {"script-src": [emc], "connect-src": [emc], "img-src": [emc]} if emc else {}
        )

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        update = dict(self.media_update)
        if request.path_info.startswith(ADMIN_PREFIX):
            update.update(ADMIN_UPDATE)
        else:
            for directive, sources in self.public_update.items():
                update[directive] = [*update.get(directive, []), *sources]
        if update:
            parts.update = {**update, **(parts.update or {})}
        return parts

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
