"""Outlets that syndicate Lan Tỏa's content, their feed pulls, their airing confirmations and
the deliveries (what reached which outlet when) that every reach figure reads."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.db import models, transaction
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from core.admin_search import searchable
from core.collation import vi_order

from .forms import OutletForm

# Which Channel codes (stories.Channel, chosen per story) each outlet kind carries.
CHANNELS_FOR_KIND = {
    "newspaper": ["newspaper"],
    "radio": ["radio_tv"],
    "television": ["radio_tv"],
    "portal": ["portal"],
    "loudspeaker": ["loudspeaker"],
}
RADIO_KINDS = {"radio", "television", "loudspeaker"}
TOKEN_BYTES = 24


class OutletKind(models.TextChoices):
    NEWSPAPER = "newspaper", _("Newspaper")
    RADIO = "radio", _("Radio station")
    TELEVISION = "television", _("Television station")
    PORTAL = "portal", _("Web portal")
    LOUDSPEAKER = "loudspeaker", _("Local loudspeaker station")


class OutletQuerySet(models.QuerySet):
    def with_activity(self, days: int = 7) -> OutletQuerySet:
        """Pulls in the last `days` days and airing confirmations, counted in the same query."""
        since = timezone.now() - timedelta(days=days)
        recent_pulls = (
            FeedPull.objects.filter(outlet=models.OuterRef("pk"), pulled_at__gte=since)
            .values("outlet")
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        airings = (
            AiringConfirmation.objects.filter(outlet=models.OuterRef("pk"))
            .values("outlet")
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        return self.annotate(
            recent_pulls=Coalesce(models.Subquery(recent_pulls), 0),
            airing_count=Coalesce(models.Subquery(airings), 0),
        )


class Outlet(index.Indexed, models.Model):
    """A newspaper, station or portal polling our feeds; an optional token keeps them private."""

    name = models.CharField(_("outlet name"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=OutletKind.choices)
    locality = models.ForeignKey(
        "core.Locality",
        verbose_name=_("locality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="outlets",
    )
    contact = models.TextField(
        _("contact"), blank=True, help_text=_("Person in charge, phone, email.")
    )
    token = models.CharField(
        _("feed secret token"),
        max_length=64,
        blank=True,
        help_text=_("With a token, the outlet's feed opens only with the right ?token=…."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = OutletQuerySet.as_manager()
    base_form_class = OutletForm
    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("locality"),
        FieldPanel("contact"),
        MultiFieldPanel(
            [FieldPanel("token", read_only=True), FieldPanel("token_action")],
            heading=_("Feed security"),
        ),
    ]

    search_fields = searchable("name", "contact")

    class Meta:
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")
        ordering = [vi_order("name")]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"

    @property
    def channel_codes(self) -> list[str]:
        return CHANNELS_FOR_KIND.get(self.kind, [])

    @property
    def is_radio(self) -> bool:
        """Radio, television and loudspeaker stations read scripts: they get the radio feed."""
        return self.kind in RADIO_KINDS

    def regenerate_token(self) -> str:
        """A new secret (the old one stops working at once); the caller saves."""
        self.token = secrets.token_urlsafe(TOKEN_BYTES)
        return self.token

    def accepts(self, supplied: str | None) -> bool:
        """Whether a request's token opens this outlet's feeds (always, when none is set)."""
        return not self.token or constant_time_compare(self.token, supplied or "")


class FeedPull(models.Model):
    """One request for a feed: how engagement counts pulls per outlet. Written with one INSERT."""

    outlet = models.ForeignKey(
        Outlet,
        verbose_name=pgettext_lazy("field", "outlet"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pulls",
    )
    feed = models.CharField(_("feed"), max_length=120)
    status = models.PositiveSmallIntegerField(_("status code"))
    user_agent = models.CharField(_("user agent"), max_length=300, blank=True)
    pulled_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("feed pull")
        verbose_name_plural = _("feed pulls")
        indexes = [models.Index(fields=["outlet", "pulled_at"], name="feedpull_outlet_time")]

    def __str__(self) -> str:
        return f"{self.feed} {self.status} {self.pulled_at:%Y-%m-%d %H:%M}"


class AiringConfirmation(models.Model):
    """A station's word that it aired a story's script: once per outlet and story."""

    outlet = models.ForeignKey(
        Outlet,
        verbose_name=pgettext_lazy("field", "outlet"),
        on_delete=models.CASCADE,
        related_name="airings",
    )
    story = models.ForeignKey(
        "stories.StoryPage",
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="airing_confirmations",
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), default=timezone.now)

    class Meta:
        verbose_name = _("airing confirmation")
        verbose_name_plural = _("airing confirmations")
        constraints = [
            models.UniqueConstraint(fields=["outlet", "story"], name="unique_airing_per_outlet")
        ]

    def __str__(self) -> str:
        return f"{self.outlet} – {self.story_id}"

    def save(self, *args, **kwargs) -> None:
        """A confirmation is a delivery too (kind "airing"), written in the same transaction."""
        with transaction.atomic():
            super().save(*args, **kwargs)
            Delivery.objects.update_or_create(
                outlet_id=self.outlet_id,
                story_id=self.story_id,
                kind=DeliveryKind.AIRING,
                defaults={
                    "first_reached_at": self.confirmed_at,
                    "last_reached_at": self.confirmed_at,
                },
            )


@receiver(post_delete, sender=AiringConfirmation)
def _forget_airing_delivery(sender, instance: AiringConfirmation, **kwargs) -> None:
    """A confirmation withdrawn (or its story deleted) no longer counts as reach."""
    Delivery.objects.filter(
        outlet_id=instance.outlet_id, story_id=instance.story_id, kind=DeliveryKind.AIRING
    ).delete()


class DeliveryKind(models.TextChoices):
    FEED = "feed", _("Through a feed")
    SCRIPT = "script", _("Radio script download")
    AIRING = "airing", _("Airing confirmation")


class DeliveryQuerySet(models.QuerySet):
    def record(self, outlet_id: int, story_ids, kind: str, moment=None) -> int:
        """Upserts one row per story (one INSERT … ON CONFLICT): the first time stays, the
        last time moves on. Stories deleted since the feed was cached are skipped (foreign
        keys are only checked at commit). Returns the number of rows written."""
        moment = moment or timezone.now()
        story_model = Delivery._meta.get_field("story").related_model
        existing = story_model.objects.filter(pk__in=list(story_ids)).values_list("pk", flat=True)
        rows = [
            Delivery(
                outlet_id=outlet_id,
                story_id=story_id,
                kind=kind,
                first_reached_at=moment,
                last_reached_at=moment,
            )
            for story_id in existing
        ]
        self.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["outlet", "story", "kind"],
            update_fields=["last_reached_at"],
        )
        return len(rows)


class Delivery(models.Model):
    """That a story reached an outlet, how and when: the one record of reach (reach.py).

    Written when it happens — a feed served to the outlet (status 200 or 304) with the story
    in it, the story's script downloaded with the outlet's id, an airing confirmed — one row
    per outlet, story and kind, so it stays small and outlives pruned feed pulls.
    """

    outlet = models.ForeignKey(
        Outlet,
        verbose_name=pgettext_lazy("field", "outlet"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    story = models.ForeignKey(
        "stories.StoryPage",
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    kind = models.CharField(_("how it arrived"), max_length=8, choices=DeliveryKind.choices)
    first_reached_at = models.DateTimeField(_("first reached"))
    last_reached_at = models.DateTimeField(_("last reached"))

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("story delivered to an outlet")
        verbose_name_plural = _("stories delivered to outlets")
        constraints = [
            models.UniqueConstraint(
                fields=["outlet", "story", "kind"], name="unique_delivery_per_kind"
            )
        ]
        indexes = [models.Index(fields=["first_reached_at"], name="delivery_first_reached")]

    def __str__(self) -> str:
        return f"{self.outlet_id} – {self.story_id} ({self.kind})"
