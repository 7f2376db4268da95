"""The image form every admin upload uses (WAGTAILIMAGES_IMAGE_FORM_BASE): the single upload, the
multiple uploader and the image chooser's upload tab.

Wagtail reads only a photo's header before accepting it, so a truncated JPEG was stored and then
failed when its first rendition was made (a server error on upload), and a photo with more
pixels than the limit (WAGTAILIMAGES_MAX_IMAGE_PIXELS, from IMAGE_MAX_MEGAPIXELS) was refused in
raw pixel counts. Here the whole file is decoded once (a JPEG at an eighth of its size, which still
reads every byte), and the messages say what is wrong in words.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from PIL import Image as PILImage
from PIL import ImageFile
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# What Pillow raises on a file it cannot decode to the end.
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, PILImage.DecompressionBombError)


def damaged_image_error() -> ValidationError:
    return ValidationError(
        gettext(
            "The photo file is damaged or incomplete (the upload may have been cut off). Save it "
            "again from the camera or editing program and upload it again."
        ),
        code="damaged_image",
    )


def too_many_pixels_message() -> str:
    """Wagtail fills in %(num_pixels)s itself; the limit is said in megapixels."""
    limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS // 1_000_000
    return gettext(
        "This photo has too many pixels (%(num_pixels)s); at most %(limit)s megapixels are "
        "accepted. Reduce its size and upload it again."
    ) % {"num_pixels": "%(num_pixels)s", "limit": limit}


def check_decodes(file) -> None:
    """Decode every byte of the upload; raise the Vietnamese error if the file is broken.

    Strict whatever the process has set: WeasyPrint (the PDF reports) turns Pillow's
    LOAD_TRUNCATED_IMAGES on for the whole process when it is imported."""
    file.seek(0)
    lenient, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
    try:
        with PILImage.open(file) as image:
            if image.format == "PNG":
                image.verify()  # every chunk's checksum, without a pixel buffer
            else:
                image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
                image.load()
    except _DECODE_ERRORS as error:
        raise damaged_image_error() from error
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient
        file.seek(0)


class LanToaImageField(WagtailImageField):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.error_messages["file_too_many_pixels"] = too_many_pixels_message()

    def to_python(self, data):
        try:
            uploaded = super().to_python(data)
        except ValidationError as error:
            # Pillow refuses to open beyond twice its own limit: that is size, not damage.
            if isinstance(error.__cause__, PILImage.DecompressionBombError):
                bomb_limit = PILImage.MAX_IMAGE_PIXELS * 2
                raise ValidationError(
                    self.error_messages["file_too_many_pixels"]
                    % {"num_pixels": gettext("more than %(count)s") % {"count": bomb_limit}},
                    code="file_too_many_pixels",
                ) from None
            raise
        except _DECODE_ERRORS as error:
            # Wagtail counts frames by decoding, which is where a truncated file first fails.
            raise damaged_image_error() from error
        if uploaded is not None and uploaded.image.format_name != "svg":
            check_decodes(uploaded)
        return uploaded


class LanToaImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, LanToaImageField):
            self.fields["file"] = LanToaImageField(
                label=field.label,
                required=field.required,
                widget=field.widget,
                help_text=field.help_text,
            )
