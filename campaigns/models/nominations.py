"""Readers' nominations (giới thiệu gương điển hình): the grassroots telling the campaign
officers about someone worth discovering. One click turns a nomination into a draft exemplar
taking part in a campaign at the *discovered* stage, and the nomination stays its source."""

from __future__ import annotations

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.plaintext import truncate_at_word

from ..choices import ExemplarField, ExemplarKind, Stage
from .directory import ExemplarIndexPage, ExemplarPage
from .pipeline import Campaign, Participation

NAME_MAX = 200
STORY_MAX = 4000
CONTACT_MAX = 200

# The kinds a reader may choose (a "model" is what an officer sums up, not what a reader sees).
READER_KINDS = [
    (ExemplarKind.INDIVIDUAL.value, ExemplarKind.INDIVIDUAL.label),
    (ExemplarKind.COLLECTIVE.value, ExemplarKind.COLLECTIVE.label),
    (ExemplarKind.HOUSEHOLD.value, ExemplarKind.HOUSEHOLD.label),
]


class NominationStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("nomination", "New")
    HELD = "held", pgettext_lazy("nomination", "Held by the checks")
    ACCEPTED = "accepted", pgettext_lazy("nomination", "Made an exemplar")
    REJECTED = "rejected", pgettext_lazy("nomination", "Rejected")
    ARCHIVED = "archived", pgettext_lazy("nomination", "Archived")


OPEN_STATUSES = [NominationStatus.NEW, NominationStatus.HELD]


class Nomination(models.Model):
    """What a reader sent; the contact is for the officers only, never shown on the site."""

    name = models.CharField(_("name of the person or collective"), max_length=NAME_MAX)
    kind = models.CharField(_("kind"), max_length=20, choices=READER_KINDS)
    locality = models.ForeignKey(
        "core.Locality",
        verbose_name=_("locality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="nominations",
    )
    field = models.CharField(_("field"), max_length=20, choices=ExemplarField.choices)
    story = models.TextField(_("what they did"), max_length=STORY_MAX)
    contact = models.CharField(_("contact (phone or e-mail)"), max_length=CONTACT_MAX)
    status = models.CharField(
        _("status"), max_length=10, choices=NominationStatus.choices, default=NominationStatus.NEW
    )
    hold_reason = models.TextField(_("why it was held"), blank=True)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    exemplar = models.ForeignKey(
        ExemplarPage,
        verbose_name=_("exemplar made from it"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="nominations",
    )
    participation = models.ForeignKey(
        Participation,
        verbose_name=_("campaign participation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="nominations",
    )

    class Meta:
        verbose_name = _("reader nomination")
        verbose_name_plural = _("reader nominations")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return self.name

    @transaction.atomic
    def make_exemplar(self, campaign: Campaign, user) -> ExemplarPage:
        """A draft exemplar profile (an officer completes and publishes it) taking part in the
        campaign at the discovered stage today; this nomination is kept as its source."""
        index = ExemplarIndexPage.objects.first()
        if index is None:
            raise LookupError("No exemplar directory page to add the exemplar under.")
        page = ExemplarPage(
            title=self.name,
            kind=self.kind,
            field=self.field,
            locality=self.locality,
            summary=truncate_at_word(self.story, 600),
            live=False,
            owner=user,
        )
        index.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        participation = Participation.objects.create(
            campaign=campaign,
            exemplar=page,
            notes=_("Nominated by a reader on %(date)s.")
            % {"date": timezone.localtime(self.created_at).strftime("%d/%m/%Y")},
        )
        participation.move_to(Stage.DISCOVERED, timezone.localdate(), by=user)
        self.exemplar, self.participation = page, participation
        self.status = NominationStatus.ACCEPTED
        self.reviewed_at, self.reviewed_by = timezone.now(), user
        self.save()
        return page

    def close(self, status: str, user) -> None:
        """Rejected or archived: kept for the record, out of the queue."""
        self.status = status
        self.reviewed_at, self.reviewed_by = timezone.now(), user
        self.save(update_fields=["status", "reviewed_at", "reviewed_by"])
