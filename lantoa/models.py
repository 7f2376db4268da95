"""The site's root: the home page, site-wide settings and the shared place names."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import register_setting
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page

from core.collation import vi_order
from core.sitesettings import CachedSiteSetting
from stories.pages import LanToaPage
from stories.selectors import home_page_sections

# Apps add to the home page's context: hook(request, home) -> dict.
HOME_PAGE_CONTEXT_HOOK = "home_page_context"


class Locality(models.Model):
    """A province, district or commune: shared by stories, exemplars and outlets."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("Tỉnh / thành phố")
        DISTRICT = "district", _("Huyện / thị xã / thành phố thuộc tỉnh")
        COMMUNE = "commune", _("Xã / phường / thị trấn")

    name = models.CharField(_("tên"), max_length=120)
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("trực thuộc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    panels = [FieldPanel("name"), FieldPanel("level"), FieldPanel("parent")]

    class Meta:
        verbose_name = _("địa bàn")
        verbose_name_plural = _("địa bàn")
        ordering = ["level", vi_order("name")]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "level", "parent"], name="unique_locality_per_parent"
            ),
            # NULL parents never clash in the constraint above: provinces need their own.
            models.UniqueConstraint(
                fields=["name", "level"],
                condition=models.Q(parent__isnull=True),
                name="unique_top_level_locality",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.parent}" if self.parent_id else self.name

    def lineage(self) -> list["Locality"]:
        """From the province down to this place, for breadcrumbs and filters."""
        chain, node = [], self
        while node is not None:
            chain.insert(0, node)
            node = node.parent
        return chain

    def descendant_ids(self) -> list[int]:
        """This place and every place inside it (three levels at most)."""
        ids, frontier = [self.pk], [self.pk]
        while frontier:
            frontier = list(
                Locality.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)
            )
            ids.extend(frontier)
        return ids


@register_setting(icon="cog")
class SiteSettings(CachedSiteSetting):
    """What the editor-in-chief changes without a deploy: masthead, footer, share defaults."""

    tagline = models.CharField(
        _("khẩu hiệu"), max_length=200, blank=True, default="Lan tỏa những tấm gương sáng"
    )
    publisher = models.CharField(
        _("cơ quan chủ quản"),
        max_length=200,
        blank=True,
        default="Ban Tuyên giáo và Dân vận Tỉnh ủy",
    )
    footer_text = RichTextField(_("chân trang"), blank=True, features=["bold", "italic", "link"])
    contact_email = models.EmailField(_("thư điện tử liên hệ"), blank=True)
    default_share_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("ảnh chia sẻ mặc định"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("tagline"),
        FieldPanel("publisher"),
        FieldPanel("footer_text"),
        FieldPanel("contact_email"),
        FieldPanel("default_share_image"),
    ]

    class Meta:
        verbose_name = _("cài đặt trang")


class HomePage(LanToaPage):
    """Front page: featured stories, the latest per column, series and the exemplar directory."""

    intro = RichTextField(_("lời giới thiệu"), blank=True, features=["bold", "italic", "link"])
    latest_per_column = models.PositiveSmallIntegerField(_("số bài mới mỗi chuyên mục"), default=4)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [InlinePanel("featured_stories", label=_("bài nổi bật"), max_num=6)],
            heading=_("Bài nổi bật"),
        ),
        FieldPanel("latest_per_column"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "stories.ColumnIndexPage",
        "stories.SeriesIndexPage",
        "campaigns.ExemplarIndexPage",
        "campaigns.LegalDocumentIndexPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("trang chủ")

    def get_context(self, request, *args, **kwargs):
        """Stories' sections, then what each app adds through the `home_page_context` hook
        (the exemplar directory's link, from campaigns): the top asks, no app below is named."""
        context = super().get_context(request, *args, **kwargs)
        context.update(home_page_sections(self))
        for hook in hooks.get_hooks(HOME_PAGE_CONTEXT_HOOK):
            context.update(hook(request, self))
        return context


class HomeFeaturedStory(Orderable):
    home = ParentalKey(HomePage, related_name="featured_stories", on_delete=models.CASCADE)
    story = models.ForeignKey(
        "stories.StoryPage",
        verbose_name=_("bài viết"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("story")]

    class Meta(Orderable.Meta):
        verbose_name = _("bài nổi bật")
        constraints = [
            models.UniqueConstraint(fields=["home", "story"], name="unique_featured_story")
        ]
