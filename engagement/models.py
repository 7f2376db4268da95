"""Raw reader events, the daily salts behind visitor keys, and the daily roll-ups.

Raw events are written with one INSERT each (durable before the endpoint answers) and pruned
after ENGAGEMENT_RETENTION_DAYS once rolled up; reports read only `DailyStat`.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    VIEW = "view", _("Lượt xem")
    READ = "read", _("Lượt đọc hết")
    SHARE = "share", _("Lượt chia sẻ")
    AUDIO = "audio", _("Lượt nghe")
    SEARCH = "search", _("Lượt tìm kiếm")


class ShareChannel(models.TextChoices):
    FACEBOOK = "facebook", "Facebook"
    ZALO = "zalo", "Zalo"
    COPY = "copy", _("Sao chép liên kết")
    EMAIL = "email", _("Thư điện tử")
    PRINT = "print", _("In bài")


class ReferrerCategory(models.TextChoices):
    SEARCH = "search", _("Máy tìm kiếm")
    FACEBOOK = "facebook", "Facebook"
    ZALO = "zalo", "Zalo"
    SOCIAL = "social", _("Mạng xã hội khác")
    INTERNAL = "internal", _("Trong trang")
    DIRECT = "direct", _("Truy cập trực tiếp")
    OTHER = "other", _("Nguồn khác")


class DeviceClass(models.TextChoices):
    MOBILE = "mobile", _("Điện thoại")
    TABLET = "tablet", _("Máy tính bảng")
    DESKTOP = "desktop", _("Máy tính")
    BOT = "bot", _("Máy (bot)")


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
        verbose_name = _("sự kiện")
        verbose_name_plural = _("sự kiện")

    def __str__(self) -> str:
        return f"{self.kind} {self.page_id} {self.created_at:%Y-%m-%d %H:%M}"


class Scope(models.TextChoices):
    SITE = "site", _("Toàn trang")
    PAGE = "page", _("Trang")
    STORY = "story", _("Bài viết")
    EXEMPLAR = "exemplar", _("Gương điển hình")
    COLUMN = "column", _("Chuyên mục")
    OUTLET = "outlet", _("Đơn vị phát hành")
    REFERRER = "referrer", _("Nguồn truy cập")
    REFERRER_HOST = "host", _("Trang giới thiệu")
    DEVICE = "device", _("Thiết bị")
    SEARCH = "search", _("Từ khóa tìm kiếm")


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

    day = models.DateField(_("ngày"))
    scope = models.CharField(_("loại"), max_length=10, choices=Scope.choices)
    key = models.CharField(_("mã"), max_length=200)
    label = models.CharField(_("tên"), max_length=255, blank=True)
    views = models.PositiveIntegerField(_("lượt xem"), default=0)
    visitors = models.PositiveIntegerField(_("người xem"), default=0)
    reads = models.PositiveIntegerField(_("lượt đọc hết"), default=0)
    audio_plays = models.PositiveIntegerField(_("lượt nghe"), default=0)
    share_facebook = models.PositiveIntegerField(default=0)
    share_zalo = models.PositiveIntegerField(default=0)
    share_copy = models.PositiveIntegerField(default=0)
    share_email = models.PositiveIntegerField(default=0)
    share_print = models.PositiveIntegerField(default=0)
    searches = models.PositiveIntegerField(_("lượt tìm"), default=0)
    no_results = models.PositiveIntegerField(_("lượt tìm không thấy"), default=0)
    feed_pulls = models.PositiveIntegerField(_("lượt lấy tin"), default=0)
    outlet_ids = models.JSONField(_("đơn vị lấy tin"), default=list, blank=True)
    bot_views = models.PositiveIntegerField(_("lượt xem của bot"), default=0)
    # Distinct address keys that day (search rows): a forger rotating user agents from one
    # address counts once (engagement.selectors.popular_searches).
    addresses = models.PositiveIntegerField(_("Addresses"), default=0)

    class Meta:
        verbose_name = _("số liệu ngày")
        verbose_name_plural = _("số liệu ngày")
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
