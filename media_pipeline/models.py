"""The project's image model: Wagtail's, plus the photo credit newsrooms must print."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage


class LanToaImage(AbstractImage):
    credit = models.CharField(
        _("photographer / source"),
        max_length=200,
        blank=True,
        help_text=_("The name only: the page puts “Photo:” in front of it."),
    )

    admin_form_fields = (*WagtailImage.admin_form_fields, "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        permissions = [("choose_lantoaimage", "Can choose image")]

    @property
    def alt_text(self) -> str:
        """Screen readers get the description, falling back to the title."""
        return self.description or self.title


class LanToaRendition(AbstractRendition):
    image = models.ForeignKey(LanToaImage, related_name="renditions", on_delete=models.CASCADE)

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


from .audio.models import Audio, BroadcastStatus  # noqa: E402,F401  (the app's models)
