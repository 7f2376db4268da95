"""The one way a photo file comes in, whichever door it takes.

The admin's single upload, the multiple uploader, the chooser's upload tab and "replace file" go
through the image form (media_pipeline.forms), which refuses broken and oversized files with a
Vietnamese message before anything is stored. Every door, code (`LanToaImage.objects.create(
file=...)`) included, then reaches `LanToaImage.save()`, which calls `prepare()` whenever the file
is new: the pixel limit is checked again, the photo is turned upright and its metadata removed
(`metadata.strip`), and the dimensions, size and hash are those of the cleaned file. The
original with its GPS position is never kept.

The pixel limit is one setting, WAGTAILIMAGES_MAX_IMAGE_PIXELS (from IMAGE_MAX_MEGAPIXELS, 40 by
default), which Wagtail's own form check reads too.
"""

from __future__ import annotations

import io
import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext
from PIL import Image as PILImage
from PIL import ImageFile
from wagtail.utils.file import hash_filelike

from . import metadata

# `LanToaImage.from_db` when the row was loaded without its file column (`.only(...)`): the file
# read later is the stored one, not new.
UNLOADED = object()

# What Pillow raises on a file it cannot decode to the end.
DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, PILImage.DecompressionBombError)


def max_pixels() -> int:
    """The most pixels a photo may have (WAGTAILIMAGES_MAX_IMAGE_PIXELS)."""
    return int(getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 40_000_000))


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
    limit = max_pixels() // 1_000_000
    return gettext(
        "This photo has too many pixels (%(num_pixels)s); at most %(limit)s megapixels are "
        "accepted. Reduce its size and upload it again."
    ) % {"num_pixels": "%(num_pixels)s", "limit": limit}


def too_many_pixels_error(count: int) -> ValidationError:
    return ValidationError(
        too_many_pixels_message() % {"num_pixels": count}, code="file_too_many_pixels"
    )


def check_decodes(file) -> None:
    """Decode every byte of the upload; raise the Vietnamese error if the file is broken.

    Strict whatever the process has set: WeasyPrint (the PDF reports) turns Pillow's
    LOAD_TRUNCATED_IMAGES on for the whole process when it is imported."""
    file.seek(0)
    lenient, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
    try:
        with PILImage.open(file) as image:
            if image.width * image.height > max_pixels():
                raise too_many_pixels_error(image.width * image.height)
            if image.format == "PNG":
                image.verify()  # every chunk's checksum, without a pixel buffer
            else:
                image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
                image.load()
    except DECODE_ERRORS as error:
        raise damaged_image_error() from error
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient
        file.seek(0)


def is_svg(name: str) -> bool:
    return os.path.splitext(name)[1].lower() == ".svg"


def clean_bytes(data: bytes) -> metadata.Stripped:
    """The photo checked (pixel limit, decodes to the end) and stripped; ValidationError with
    the Vietnamese message otherwise."""
    lenient, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
    try:
        with PILImage.open(io.BytesIO(data)) as image:
            pixels = image.width * image.height
    except DECODE_ERRORS as error:
        raise damaged_image_error() from error
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient
    if pixels > max_pixels():
        raise too_many_pixels_error(pixels)
    try:
        return metadata.strip(data)
    except (metadata.StripError, *DECODE_ERRORS) as error:
        raise damaged_image_error() from error


def file_is_new(image) -> bool:
    """True when `image.file` holds content this row has not been saved with."""
    file = image.file
    if not file:
        return False
    if not getattr(file, "_committed", True):
        return True
    stored = getattr(image, "_stored_file_name", None)
    return stored is not UNLOADED and file.name != stored


def prepare(image) -> bool:
    """Checks and strips `image.file` in place before the row is saved (LanToaImage.save):
    the file becomes the cleaned one and width, height, file_size and file_hash describe it.
    Answers whether anything changed. Raises ValidationError (nothing is saved)."""
    file = image.file
    name = file.name or ""
    if is_svg(name):
        return False
    committed = getattr(file, "_committed", True)
    file.open("rb")
    file.seek(0)
    data = file.read()
    result = clean_bytes(data)
    if result.changed:
        if committed:
            # Already written to storage (the multiple uploader's second step saves the file
            # before the row): the version with metadata must not stay there.
            file.storage.delete(name)
        image.file = ContentFile(result.data, name=os.path.basename(name))
    image.width, image.height = result.width, result.height
    image.file_size = len(result.data)
    image.file_hash = hash_filelike(io.BytesIO(result.data))
    return result.changed
