"""Raw reader events, the daily salts behind visitor keys, and the daily roll-ups.

Raw events are written with one INSERT each (durable before the endpoint answers) and pruned
after ENGAGEMENT_RETENTION_DAYS once rolled up; reports read only `DailyStat`.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EventKind(models.TextChoices):
    VIEW = "view", _("Views")
    READ = "read", _("Full reads")
    SHARE = "share", pgettext_lazy("reader event", "Shares")
    AUDIO = "audio", _("Plays")
    SEARCH = "search", pgettext_lazy("reader event", "Searches")


class ShareChannel(models.TextChoices):
    FACEBOOK = "facebook", "Facebook"
    ZALO = "zalo", "Zalo"
    COPY = "copy", _("Copy link")
    EMAIL = "email", pgettext_lazy("share channel", "Email")
    PRINT = "print", pgettext_lazy("share", "Print")


class ReferrerCategory(models.TextChoices):
    SEARCH = "search", _("Search engine")
    FACEBOOK = "facebook", "Facebook"
    ZALO = "zalo", "Zalo"
    SOCIAL = "social", _("Other social network")
    INTERNAL = "internal", _("Internal")
    DIRECT = "direct", _("Direct")
    OTHER = "other", _("Other source")


class DeviceClass(models.TextChoices):
    MOBILE = "mobile", _("Phone")
    TABLET = "tablet", _("Tablet")
    DESKTOP = "desktop", _("Computer")
    BOT = "bot", _("Bot")


class Salt(models.Model):
    """One random secret per day; older ones are deleted so yesterday's keys cannot be rebuilt."""

    day = models.DateField(unique=True)
    secret = models.CharField(max_length=64)

    def __str__(self) -> str:
        return str(self.day)


class Event(models.Model):
    """One reader event. No cookie, no IP: only a daily visitor key (blank under DNT/GPC)."""

    created_at = models.DateTimeField(default=timezone.now)
    day = models.DateField(db_index=True)
    kind = models.CharField(max_length=8, choices=EventKind.choices)
    page_id = models.PositiveIntegerField(null=True, blank=True)  # no FK: cheap writes, pruned
    channel = models.CharField(max_length=10, blank=True, choices=ShareChannel.choices)
    query = models.CharField(max_length=200, blank=True)
    no_results = models.BooleanField(null=True)
    referrer_category = models.CharField(max_length=10, choices=ReferrerCategory.choices)
    referrer_host = models.CharField(max_length=100, blank=True)
    device = models.CharField(max_length=8, choices=DeviceClass.choices)
    visitor_key = models.CharField(max_length=16, blank=True)
    is_bot = models.BooleanField(default=False)
    # The same daily salted hash of the address alone (an IPv6 address's /64): distinct
    # addresses behind "popular searches". Blank where the visitor key is.
    address_key = models.CharField(max_length=16, blank=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return f"{self.kind} {self.page_id} {self.created_at:%Y-%m-%d %H:%M}"


class Scope(models.TextChoices):
    SITE = "site", _("Whole site")
    PAGE = "page", _("Page")
    STORY = "story", _("Stories")
    EXEMPLAR = "exemplar", _("Exemplars")
    COLUMN = "column", _("Columns")
    OUTLET = "outlet", _("Outlets")
    REFERRER = "referrer", _("Traffic sources")
    REFERRER_HOST = "host", _("Referring sites")
    DEVICE = "device", _("Devices")
    SEARCH = "search", _("Search terms")


# What one beacon event records besides its time: the ingest INSERTs these columns (after
# created_at and day) and the daily roll-up reads them back, in this order.
EVENT_FIELDS = (
    "kind",
    "page_id",
    "channel",
    "query",
    "no_results",
    "referrer_category",
    "referrer_host",
    "device",
    "visitor_key",
    "is_bot",
    "address_key",
)


class DailyStat(models.Model):
    """One day's figures for one thing (a story, a column, an outlet…): what reports read.

    Rebuilt whole for a day by `engagement.rollups.rollup_day`, so re-running it is harmless.
    `visitors` are distinct visitor keys that day; keys rotate daily, so summing days counts a
    returning reader once per day.
    """

    day = models.DateField(_("date"))
    scope = models.CharField(_("kind"), max_length=10, choices=Scope.choices)
    key = models.CharField(_("key"), max_length=200)
    label = models.CharField(_("name"), max_length=255, blank=True)
    views = models.PositiveIntegerField(_("views"), default=0)
    visitors = models.PositiveIntegerField(_("visitors"), default=0)
    reads = models.PositiveIntegerField(_("full reads"), default=0)
    audio_plays = models.PositiveIntegerField(_("plays"), default=0)
    share_facebook = models.PositiveIntegerField(default=0)
    share_zalo = models.PositiveIntegerField(default=0)
    share_copy = models.PositiveIntegerField(default=0)
    share_email = models.PositiveIntegerField(default=0)
    share_print = models.PositiveIntegerField(default=0)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    no_results = models.PositiveIntegerField(_("no-result searches"), default=0)
    feed_pulls = models.PositiveIntegerField(_("feed pulls"), default=0)
    outlet_ids = models.JSONField(_("outlets pulling"), default=list, blank=True)
    bot_views = models.PositiveIntegerField(_("bot views"), default=0)
    # Distinct address keys that day (search rows): a forger rotating user agents from one
    # address counts once (engagement.selectors.popular_searches).
    addresses = models.PositiveIntegerField(_("Addresses"), default=0)

    class Meta:
        verbose_name = _("daily figures")
        verbose_name_plural = _("daily figures")
        constraints = [
            models.UniqueConstraint(fields=["scope", "key", "day"], name="unique_daily_stat")
        ]
        indexes = [models.Index(fields=["scope", "day"], name="dailystat_scope_day")]

    def __str__(self) -> str:
        return f"{self.day} {self.scope}:{self.key}"

    @property
    def shares(self) -> int:
        return (
            self.share_facebook
            + self.share_zalo
            + self.share_copy
            + self.share_email
            + self.share_print
        )


class RollupRun(models.Model):
    """That a day was rolled up, from how many events, and whether its raw events are gone."""

    day = models.DateField(unique=True)
    rolled_at = models.DateTimeField(default=timezone.now)
    event_count = models.PositiveIntegerField(default=0)
    last_event_id = models.BigIntegerField(default=0)
    pruned = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"{self.day} ({self.event_count})"
