"""The project's image model (Wagtail's, plus the photo credit newsrooms must print) and the
pronunciation dictionary every speech engine reads."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage

from vietnamese.text import normalize


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


class Pronunciation(models.Model):
    """How the synthetic voice says a term (an abbreviation, a name, a local word): one list
    for every speech engine, applied before `vietnamese.speech`'s own normalisation."""

    term = models.CharField(
        _("term"),
        max_length=100,
        unique=True,
        help_text=_("As written in stories, for example UBND or a person's name."),
    )
    spoken = models.CharField(
        _("spoken as"),
        max_length=300,
        help_text=_("What the voice reads instead, in full words as they are said."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("pronunciation")
        verbose_name_plural = _("pronunciation dictionary")
        ordering = ["term"]

    def __str__(self) -> str:
        return f"{self.term} → {self.spoken}"

    def save(self, *args, **kwargs) -> None:
        self.term = normalize(self.term.strip())
        self.spoken = normalize(self.spoken.strip())
        super().save(*args, **kwargs)
