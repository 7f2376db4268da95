"""Renditions that carry no metadata.

Wagtail's filter hands the decoded original to Willow, and Willow saves JPEG and PNG
renditions with the original's EXIF (`exif=` from the image's info: GPS position, camera,
serial), Pillow keeps a JPEG's comment, and every resized copy inherits the original's info. A
photo stripped on intake has none left, but a file stored before intake did, or one put in
storage by hand, would still leak through every public rendition URL. `MetadataFreeFilter`
clears the decoded image's info after Wagtail has turned it upright, keeping only the ICC
profile, the transparency and an animation's timing; `LanToaImage.generate_rendition_file`
uses it for every rendition (`get_rendition`, `get_renditions`, `{% image %}`, `{% picture %}`).
"""

from __future__ import annotations

from wagtail.images.image_operations import FilterOperation
from wagtail.images.models import Filter

# What a rendition may keep of the decoded original's info.
KEPT_INFO = ("icc_profile", "transparency", "duration", "loop", "background")


class StripMetadataOperation(FilterOperation):
    """Runs after crop and resize, before the save: the Willow image keeps only KEPT_INFO."""

    def construct(self) -> None:
        pass

    def run(self, willow, image, env):
        pillow = getattr(willow, "image", None)
        info = getattr(pillow, "info", None)
        if isinstance(info, dict):
            pillow.info = {key: info[key] for key in KEPT_INFO if key in info}
        return willow


class MetadataFreeFilter(Filter):
    """Wagtail's filter with the metadata left out of every output format."""

    @property
    def filter_operations(self):
        return [StripMetadataOperation("strip-metadata"), *super().filter_operations]


def metadata_free(filter: Filter | str) -> MetadataFreeFilter:
    """The same spec, as a filter that leaves metadata out."""
    if isinstance(filter, MetadataFreeFilter):
        return filter
    return MetadataFreeFilter(spec=filter if isinstance(filter, str) else filter.spec)
