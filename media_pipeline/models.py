"""The project's image model (Wagtail's, plus the photo credit newsrooms must print) and the
pronunciation dictionary every speech engine reads.

Every new photo file is checked, turned upright and stripped of its metadata before the row is
saved (`images.intake.prepare`, from `save()`), and every rendition is made without metadata
(`images.renditions.MetadataFreeFilter`): see docs/media.md, "Photos"."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Filter
from wagtail.images.models import Image as WagtailImage
from wagtail.search import index

from core.admin_search import searchable
from vietnamese.text import normalize

from .images import intake
from .images.renditions import metadata_free


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

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_file_name = instance.__dict__.get("file", intake.UNLOADED)
        return instance

    def save(self, *args, **kwargs) -> None:
        """A new file (upload, "replace file", or code) is checked and stripped first; a
        ValidationError leaves nothing saved."""
        update_fields = kwargs.get("update_fields")
        if (
            (update_fields is None or "file" in update_fields)
            and "file" not in self.get_deferred_fields()
            and intake.file_is_new(self)
        ):
            intake.prepare(self)
            if update_fields is not None:
                kwargs["update_fields"] = {
                    *update_fields,
                    *("width", "height", "file_size", "file_hash"),
                }
        super().save(*args, **kwargs)
        self._stored_file_name = self.file.name

    def generate_rendition_file(self, filter: Filter, *, source=None):
        """Every rendition, whatever asks for it, is made without the original's metadata."""
        return super().generate_rendition_file(metadata_free(filter), source=source)

    @property
    def alt_text(self) -> str:
        """Screen readers get the description, falling back to the title."""
        return self.description or self.title


class LanToaRendition(AbstractRendition):
    image = models.ForeignKey(LanToaImage, related_name="renditions", on_delete=models.CASCADE)

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class Pronunciation(index.Indexed, models.Model):
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

    search_fields = searchable("term", "spoken")

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


from .audio.models import Audio, BroadcastStatus  # noqa: E402,F401  (the app's models)
