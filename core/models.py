"""What every page shares: the place names (province → district → commune) stories, exemplars
and outlets point to, and the site-wide settings every page's masthead and footer read."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import register_setting
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.search import index

from core.admin_search import searchable
from core.collation import vi_order
from core.comment_modes import SiteCommentModeMixin
from core.sitesettings import CachedSiteSetting


class Locality(index.Indexed, models.Model):
    """A province, district or commune: shared by stories, exemplars and outlets."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("Province / municipality")
        DISTRICT = "district", _("District / town / provincial city")
        COMMUNE = "commune", _("Commune / ward / township")

    name = models.CharField(_("name"), max_length=120)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    panels = [FieldPanel("name"), FieldPanel("level"), FieldPanel("parent")]
    # The admin's list and the chooser (choosing an exemplar's commune) fold (core.admin_search).
    search_fields = searchable("name")

    class Meta:
        db_table = "lantoa_locality"  # moved from lantoa (core/0001): the table keeps its name
        verbose_name = _("locality")
        verbose_name_plural = _("localities")
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
class SiteSettings(SiteCommentModeMixin, CachedSiteSetting):
    """What the editor-in-chief changes without a deploy: masthead, footer, share defaults."""

    tagline = models.CharField(
        _("tagline"), max_length=200, blank=True, default="Lan tỏa những tấm gương sáng"
    )
    publisher = models.CharField(
        _("governing body"),
        max_length=200,
        blank=True,
        default="Ban Tuyên giáo và Dân vận Tỉnh ủy",
    )
    footer_text = RichTextField(_("footer"), blank=True, features=["bold", "italic", "link"])
    contact_email = models.EmailField(_("contact email"), blank=True)
    default_share_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("default share image"),
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
        FieldPanel("comment_mode"),
    ]

    class Meta:
        db_table = "lantoa_sitesettings"  # moved from lantoa (core/0001)
        verbose_name = _("site settings")
