"""The image form every admin upload uses (WAGTAILIMAGES_IMAGE_FORM_BASE): the single upload, the
multiple uploader and the image chooser's upload tab.

Wagtail reads only a photo's header before accepting it, so a truncated JPEG was stored and then
failed when its first rendition was made (a server error on upload), and a photo with more
pixels than the limit (WAGTAILIMAGES_MAX_IMAGE_PIXELS, from IMAGE_MAX_MEGAPIXELS) was refused in
raw pixel counts. Here the whole file is decoded once (a JPEG at an eighth of its size, which still
reads every byte), and the messages say what is wrong in words (media_pipeline.images.intake,
which also strips the photo's metadata when the row is saved).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .images.intake import DECODE_ERRORS as _DECODE_ERRORS
from .images.intake import check_decodes, damaged_image_error, too_many_pixels_message


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
