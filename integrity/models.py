"""Content-integrity rules editors keep (vocabulary, trusted domains, issuing bodies), the
recorded publishing overrides, and what the scheduled scan of live pages found."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.search import index

from core.admin_search import searchable


class RuleKind(models.TextChoices):
    GAMBLING = "gambling", _("Gambling vocabulary")
    UNKNOWN_LINK = "unknown_link", _("Link to an unknown outside site")
    HIDDEN = "hidden", _("Hidden text or link")
    REPLACED_NAME = "replaced_name", _("Replaced name of an issuing body or place")


class SpamTerm(index.Indexed, models.Model):
    """A gambling or betting word, brand or pattern. Words are matched on folded text (no tone
    marks, đ → d), so “nha cai” is caught like “nhà cái”; a pattern is a regular expression
    over the folded text."""

    class Kind(models.TextChoices):
        WORD = "word", _("Word or phrase")
        BRAND = "brand", _("Brand name")
        PATTERN = "pattern", _("Pattern (regular expression)")

    term = models.CharField(_("term"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.WORD)
    note = models.CharField(_("note"), max_length=300, blank=True)
    active = models.BooleanField(_("active"), default=True)

    search_fields = searchable("term", "note")

    class Meta:
        verbose_name = _("spam term")
        verbose_name_plural = _("spam terms")
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from .patterns import compile_term

        try:
            compile_term(self.term, self.kind)
        except ValueError:
            raise ValidationError(
                {
                    "term": _(
                        "This is not a valid regular expression (check the brackets and "
                        "special characters)."
                    )
                    if self.kind == self.Kind.PATTERN
                    else _("Write a word or phrase.")
                }
            ) from None


class TrustedDomain(index.Indexed, models.Model):
    """An outside site links may point to; a domain covers its subdomains (gov.vn covers
    tanlam.gov.vn)."""

    domain = models.CharField(_("domain"), max_length=200, unique=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    search_fields = searchable("domain", "note")

    class Meta:
        verbose_name = _("trusted domain")
        verbose_name_plural = _("trusted domains")
        ordering = ["domain"]

    def __str__(self) -> str:
        return self.domain

    def save(self, *args, **kwargs) -> None:
        self.domain = self.domain.strip().lower().removeprefix("www.").strip(".")
        super().save(*args, **kwargs)


class IssuingBody(index.Indexed, models.Model):
    """A body or place of the province whose name defacers replace (“Báo Nhà cái” for the
    province's newspaper): the reference list the replaced-name rule reads."""

    class Kind(models.TextChoices):
        BODY = "body", _("Issuing body or outlet")
        PLACE = "place", _("Place")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.BODY)

    search_fields = searchable("name")

    class Meta:
        verbose_name = _("issuing body or place")
        verbose_name_plural = _("issuing bodies and places")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PublishOverride(models.Model):
    """The editor-in-chief published a page despite its findings: who, why, what was found."""

    page = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    revision_id = models.PositiveIntegerField(_("revision"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason"))
    findings = models.JSONField(_("findings"), default=list)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("publishing override")
        verbose_name_plural = _("publishing overrides")
        ordering = ["-created_at"]
        permissions = [("override_integrity", _("Can publish flagged content with a reason"))]

    def __str__(self) -> str:
        return f"{self.page_id} {self.created_at:%d/%m/%Y %H:%M}"


class Finding(models.Model):
    """What the scheduled scan of a rendered live page found; `key` identifies one finding
    across scans, so only new findings are mailed."""

    page = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    rule = models.CharField(_("rule"), max_length=20, choices=RuleKind.choices)
    field = models.CharField(_("field"), max_length=100, blank=True)
    excerpt = models.TextField(_("excerpt"))
    key = models.CharField(max_length=64, editable=False)
    first_seen = models.DateTimeField(_("first seen"))
    last_seen = models.DateTimeField(_("last seen"))
    resolved = models.BooleanField(_("resolved"), default=False)

    class Meta:
        verbose_name = _("integrity finding")
        verbose_name_plural = _("integrity findings")
        ordering = ["resolved", "-last_seen"]
        constraints = [
            models.UniqueConstraint(fields=["page", "key"], name="integrity_finding_page_key")
        ]

    def __str__(self) -> str:
        return f"{self.get_rule_display()}: {self.excerpt[:60]}"
