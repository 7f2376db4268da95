"""Security headers on every response: Content-Security-Policy (django-csp) and
Permissions-Policy; Django's SecurityMiddleware adds the rest (nosniff, Referrer-Policy,
Cross-Origin-Opener-Policy, HSTS with HTTPS=1).

The public site runs no inline script or style. Wagtail 8's admin still writes inline scripts
into its pages (the page editor, snippets, the scheduling dialog's date pickers) and sets
inline styles from its scripts, so `/admin/` — behind a login — also allows inline scripts and
styles; never `eval`, never another origin.
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

ADMIN_PREFIX = "/admin/"
ADMIN_UPDATE = {"script-src": ["'unsafe-inline'"], "style-src": ["'unsafe-inline'"]}


class SecurityHeadersMiddleware(CSPMiddleware):
    """CSP from settings.CONTENT_SECURITY_POLICY, loosened for the admin's inline code only."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            parts.update = {**ADMIN_UPDATE, **(parts.update or {})}
        return parts

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
