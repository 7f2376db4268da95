"""Scans of the whole site: every live page as readers get it (rendered through the site's own
request handling, so a defacement of the database or of the templates shows even when nobody
edits), and every draft's latest revision (`manage.py integrity_scan`).

The scheduled scan keeps its findings (models.Finding): a finding seen again only moves its
`last_seen`; one that disappears is marked resolved; a new one (or one that comes back) is
mailed to the administrators once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.test import Client
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from .models import Finding as StoredFinding
from .services import Finding, RuleSet, load_rules, scan_html

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageFinding:
    page_id: int
    title: str
    finding: Finding


def render_live_page(page: Page, client: Client | None = None) -> str | None:
    """The page's HTML as an anonymous reader receives it, or None when it does not answer 200."""
    parts = page.get_url_parts()
    if parts is None:
        return None
    _site_id, root_url, path = parts
    host = urlsplit(root_url).netloc or "localhost"
    client = client or Client()
    response = client.get(path, HTTP_HOST=host, secure=root_url.startswith("https"))
    if response.status_code != 200:
        logger.warning("Integrity scan: %s answered %s", path, response.status_code)
        return None
    return response.content.decode(response.charset or "utf-8", errors="replace")


def scan_live_pages(rules: RuleSet | None = None) -> list[PageFinding]:
    """Findings in the rendered HTML of every live page below the root.

    Rendered afresh, past the page and route caches: a row rewritten in the database sends no
    signal, so the caches would go on serving the clean copy until they expire, and the
    defacement would show then. The settings are switched for this process only while it
    scans (the task worker and the scheduler run one job at a time).
    """
    rules = rules or load_rules()
    client = Client()
    found = []
    with override_settings(PAGE_CACHE_ENABLED=False, ROUTE_CACHE_ENABLED=False):
        for page in Page.objects.live().filter(depth__gt=1).order_by("path").specific():
            html = render_live_page(page, client)
            if html is None:
                continue
            for finding in scan_html(html, field="html", rules=rules, document=True):
                found.append(PageFinding(page.pk, page.title, finding))
    return found


def scan_drafts(rules: RuleSet | None = None) -> list[PageFinding]:
    """Findings in the latest revision of every page with unpublished changes that declares
    its fields (integrity.pages.IntegrityGatedPage)."""
    from .pages import IntegrityGatedPage

    rules = rules or load_rules()
    found = []
    for page in Page.objects.filter(has_unpublished_changes=True).order_by("path").specific():
        if not isinstance(page, IntegrityGatedPage):
            continue
        revision = page.get_latest_revision()
        content = revision.as_object() if revision else page
        for finding in content.integrity_findings(rules=rules):
            found.append(PageFinding(page.pk, content.title, finding))
    return found


def record(found: list[PageFinding]) -> list[StoredFinding]:
    """Stores a scan's findings; returns the new ones (never seen, or seen again after being
    resolved). Findings of earlier scans not seen this time are marked resolved."""
    now = timezone.now()
    new: list[StoredFinding] = []
    seen_ids = []
    with transaction.atomic():
        existing = {(row.page_id, row.key): row for row in StoredFinding.objects.all()}
        for item in found:
            key = item.finding.key
            row = existing.get((item.page_id, key))
            if row is None:
                row = StoredFinding.objects.create(
                    page_id=item.page_id,
                    rule=item.finding.rule,
                    field=item.finding.field,
                    excerpt=item.finding.excerpt,
                    key=key,
                    first_seen=now,
                    last_seen=now,
                )
                existing[(item.page_id, key)] = row
                new.append(row)
            else:
                if row.resolved:
                    new.append(row)
                row.last_seen, row.resolved, row.excerpt = now, False, item.finding.excerpt
                row.save(update_fields=["last_seen", "resolved", "excerpt"])
            seen_ids.append(row.pk)
        StoredFinding.objects.filter(resolved=False).exclude(pk__in=seen_ids).update(resolved=True)
    return new


def admin_emails() -> list[str]:
    """settings.ADMINS, else the active superusers' addresses."""
    emails = [email for _name, email in getattr(settings, "ADMINS", []) if email]
    if emails:
        return emails
    users = get_user_model().objects.filter(is_superuser=True, is_active=True)
    return sorted({email for email in users.values_list("email", flat=True) if email})


def mail_new_findings(new: list[StoredFinding]) -> int:
    """One e-mail listing the new findings; returns how many messages were sent."""
    recipients = admin_emails()
    if not new or not recipients:
        return 0
    lines = [
        _("The hourly integrity scan found %(count)d new suspicious passage(s) on live pages:")
        % {"count": len(new)},
        "",
    ]
    base = getattr(settings, "SITE_BASE_URL", "").rstrip("/")
    for row in new:
        lines.append(
            f"- [{row.page_id}] {row.page.title} — {row.get_rule_display()}: {row.excerpt}"
        )
        if base:
            lines.append(f"  {base}/admin/pages/{row.page_id}/edit/")
    lines += ["", _("The findings report is in the admin, under Reports.")]
    subject = _("%(count)d new integrity finding(s) on the site") % {"count": len(new)}
    return send_mail(subject, "\n".join(lines), None, recipients)


def scheduled_scan() -> int:
    """The hourly job: scan the rendered live pages, store, mail what is new."""
    new = record(scan_live_pages())
    if new:
        mail_new_findings(new)
    return len(new)
