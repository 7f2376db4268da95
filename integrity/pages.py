"""The publishing gate: a page with findings is not published unless the editor-in-chief
overrode them with a reason (PublishOverride).

`IntegrityGatedPage.publish()` is the one path every publication takes except the editor's
"Publish" button (workflow approval, bulk publishing, scheduled publishing, the API); the button
goes through the `before_publish_page` hook (wagtail_hooks.py), which stops it after the revision
is saved, so nothing the editor wrote is lost.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from .services import Finding, RuleSet, blocks_publishing, load_rules, scan_fields, stream_strings


class IntegrityBlocked(Exception):
    """Publishing refused: the content has findings no override covers. Not a PermissionDenied:
    Wagtail's admin would turn that into a bare redirect to the dashboard, while the integrity
    middleware takes the editor back to the page with the findings."""

    def __init__(self, page, findings: list[Finding]) -> None:
        self.page = page
        self.findings = findings
        super().__init__(refusal_message(findings))


def field_label(model, name: str) -> str:
    """The field's name as the editor reads it on the form ("nội dung" for body)."""
    if name == "html":
        return _("page as readers see it")
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:
        return name


def refusal_message(findings: list[Finding]) -> str:
    return _(
        "This page was not published: the integrity check found %(count)d suspicious "
        "passage(s) (gambling advertising, unknown or hidden links, replaced names). Correct "
        "them, or the editor-in-chief may publish with a recorded reason."
    ) % {"count": len(findings)}


def override_keys(page_id: int) -> set[tuple[str, str, str]]:
    from .models import PublishOverride

    keys = set()
    for findings in PublishOverride.objects.filter(page_id=page_id).values_list(
        "findings", flat=True
    ):
        keys |= {_key(item) for item in findings or []}
    return keys


def _key(item: dict | Finding) -> tuple[str, str, str]:
    from vietnamese.text import fold

    if isinstance(item, Finding):
        item = item.as_dict()
    return (item.get("rule", ""), item.get("field", ""), fold(item.get("matched", "")))


def uncovered_findings(page_id: int | None, findings: list[Finding]) -> list[Finding]:
    """The findings that stop publication (services.blocks_publishing) and that no earlier
    override of this page covers."""
    if not findings:
        return []
    rules = load_rules()
    blocking = [finding for finding in findings if blocks_publishing(finding, rules)]
    covered = override_keys(page_id) if page_id and blocking else set()
    return [finding for finding in blocking if _key(finding) not in covered]


class IntegrityGatedPage:
    """Mixin for page models whose content is checked before it goes live.

    `integrity_text_fields` names the plain and rich-text fields to scan; StreamFields are
    scanned block by block from their stored data (rendering is the scheduled scan's job).
    """

    integrity_text_fields: tuple[str, ...] = ("title", "seo_title", "search_description")

    def integrity_fields(self) -> dict[str, str]:
        """{field name: text or HTML} of what this version of the page says."""
        fields: dict[str, str] = {}
        for name in self.integrity_text_fields:
            value = getattr(self, name, None)
            if value is None:
                continue
            raw = getattr(value, "raw_data", None)
            if raw is not None:
                fields[name] = "\n".join(stream_strings(list(raw)))
            else:
                fields[name] = str(getattr(value, "source", value))
        return fields

    def integrity_findings(self, rules: RuleSet | None = None) -> list[Finding]:
        return scan_fields(self.integrity_fields(), rules=rules)

    def integrity_check_revision(self, revision) -> list[Finding]:
        """Findings of `revision` that no override covers (empty: it may go live)."""
        content = revision.as_object() if revision is not None else self
        return uncovered_findings(self.pk, content.integrity_findings())

    def publish(self, revision, *args, **kwargs):
        blocking = self.integrity_check_revision(revision)
        if blocking:
            raise IntegrityBlocked(self, blocking)
        return super().publish(revision, *args, **kwargs)
