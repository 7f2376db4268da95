"""Takedowns: what a reader who follows an unpublished story's old address is told.

A story taken off the site leaves a `Withdrawal` behind, recorded when Wagtail unpublishes it
(the admin's unpublish view, a bulk action, an expiry date). Its old address then answers
410 Gone with a short notice (title, date, the editor's public reason) instead of the 404 a
mistyped address gets, unless the editor chose a silent takedown. Republishing ends it; the
record stays for the history.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, Site
from wagtail.search import index

from core.admin_search import searchable

PUBLIC_REASON_MAX_LENGTH = 1000


class WithdrawalQuerySet(models.QuerySet):
    def active(self) -> WithdrawalQuerySet:
        """Takedowns still in force: the story has not been republished since."""
        return self.filter(republished_at__isnull=True)

    def announced(self) -> WithdrawalQuerySet:
        """Takedowns readers are told about (410 notice, corrections log)."""
        return self.active().filter(silent=False)

    def for_site(self, site: Site | None) -> WithdrawalQuerySet:
        return self.filter(Q(site=site) | Q(site__isnull=True)) if site else self


class Withdrawal(index.Indexed, models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="withdrawals",
        help_text=_(
            "Empty once the page is deleted for good; the old address still says the story was "
            "taken down."
        ),
    )
    site = models.ForeignKey(
        "wagtailcore.Site", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    path = models.CharField(
        _("old address"),
        max_length=1000,
        db_index=True,
        help_text=_("The story's path when it was taken down, for example /guong-sang/ten-bai/."),
    )
    title = models.CharField(_("story title"), max_length=255)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), default=timezone.now)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("withdrawn by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    public_reason = models.TextField(
        _("reason for the takedown (shown to readers)"),
        max_length=PUBLIC_REASON_MAX_LENGTH,
        blank=True,
        help_text=_("Leave empty if the reason is not made public."),
    )
    silent = models.BooleanField(
        _("taken down silently"),
        default=False,
        help_text=_(
            "The old address answers as a page that does not exist (404), with no notice, and is "
            "left out of the Corrections and takedowns page."
        ),
    )
    republished_at = models.DateTimeField(_("republished at"), null=True, blank=True)

    objects = WithdrawalQuerySet.as_manager()

    panels = [
        FieldPanel("title", read_only=True),
        FieldPanel("path", read_only=True),
        FieldPanel("withdrawn_at", read_only=True),
        FieldPanel("withdrawn_by", read_only=True),
        FieldPanel("public_reason"),
        FieldPanel("silent"),
        FieldPanel("republished_at", read_only=True),
    ]

    search_fields = searchable("title", "path", "public_reason")

    class Meta:
        verbose_name = _("withdrawn story")
        verbose_name_plural = _("withdrawn stories")
        ordering = ["-withdrawn_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["page"],
                condition=Q(republished_at__isnull=True, page__isnull=False),
                name="one_active_withdrawal_per_page",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @classmethod
    def record(cls, page: Page) -> Withdrawal | None:
        """Notes that `page` left the site, at the address it had; None if it had none."""
        parts = page.get_url_parts()
        if parts is None:
            return None
        site_id, _root_url, path = parts
        user = get_active_log_context().user
        fields = {
            "site_id": site_id,
            "path": path,
            "title": page.title,
            "withdrawn_at": timezone.now(),
            "withdrawn_by": user if getattr(user, "is_authenticated", False) else None,
        }
        if Page.objects.filter(pk=page.pk, live=True).exists():
            # Wagtail unpublishes a live page it is about to delete without saving it: the
            # notice outlives the page, so it must not point at it.
            return cls.objects.create(page=None, **fields)
        withdrawal, _created = cls.objects.active().update_or_create(page=page, defaults=fields)
        return withdrawal

    @classmethod
    def end_for(cls, page: Page) -> int:
        """The page is live again: its takedown is over (kept, marked with the date)."""
        return cls.objects.active().filter(page=page).update(republished_at=timezone.now())

    @classmethod
    def for_request(cls, request: HttpRequest) -> Withdrawal | None:
        """The takedown in force at the requested address, silent ones included.

        The address the page had when it was withdrawn is tried first; then, for a page moved
        or renamed since (Wagtail's automatic redirects lead there), its current address.
        """
        site = Site.find_for_request(request)
        path = request.path
        found = cls.objects.active().for_site(site).filter(path=path).first()
        if found is None and site is not None:
            url_path = site.root_page.url_path + path.lstrip("/")
            found = cls.objects.active().filter(page__url_path=url_path, page__live=False).first()
        return found
