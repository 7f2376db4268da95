"""Photos stored before intake stripped them: cleaned where they lie.

Used by the data migration `0005_strip_stored_image_metadata` (with its historical models) and
by `manage.py strip_image_metadata`. The row keeps its id, title, credit, focal point, tags and
collection; only its file, dimensions, size and hash change (a photo turned by its orientation
tag gets its width and height swapped: Wagtail's focal point is already in upright pixels). The
cleaned file is written under a new name before the row points to it and the old file is
deleted last, so a crash halfway loses nothing. The photo's renditions are deleted, files
included: they are made again, clean, when next asked for.
"""

from __future__ import annotations

import io
import logging

from django.core.files.base import ContentFile
from wagtail.utils.file import hash_filelike

from . import metadata

logger = logging.getLogger(__name__)

CLEAN, STRIPPED, MISSING, BROKEN = "clean", "stripped", "missing", "broken"


def strip_stored(image, *, dry_run: bool = False) -> str:
    """Cleans one stored photo; answers CLEAN, STRIPPED (or would be, with dry_run), MISSING
    (no file in storage) or BROKEN (Pillow cannot read it: left as it is)."""
    name = image.file.name
    if not name or name.lower().endswith(".svg"):
        return CLEAN
    storage = image.file.storage
    try:
        with storage.open(name, "rb") as handle:
            data = handle.read()
    except (FileNotFoundError, OSError):
        return MISSING
    try:
        result = metadata.strip(data)
    except (metadata.StripError, OSError, ValueError) as error:
        logger.warning("Photo %s (%s) could not be read: %s", image.pk, name, error)
        return BROKEN
    if not result.changed:
        return CLEAN
    if dry_run:
        return STRIPPED
    new_name = storage.save(name, ContentFile(result.data))
    type(image).objects.filter(pk=image.pk).update(
        file=new_name,
        width=result.width,
        height=result.height,
        file_size=len(result.data),
        file_hash=hash_filelike(io.BytesIO(result.data)),
    )
    if new_name != name:
        storage.delete(name)
    for rendition in image.renditions.all():
        if rendition.file.name:
            rendition.file.storage.delete(rendition.file.name)
        rendition.delete()
    return STRIPPED


def strip_all(images, *, dry_run: bool = False, progress=None) -> dict[str, int]:
    """strip_stored for each photo; counts of each outcome. `progress` wraps the iterable
    (tqdm in the command)."""
    counts = {CLEAN: 0, STRIPPED: 0, MISSING: 0, BROKEN: 0}
    rows = images.order_by("pk").iterator(chunk_size=200)
    for image in progress(rows) if progress else rows:
        counts[strip_stored(image, dry_run=dry_run)] += 1
    return counts
