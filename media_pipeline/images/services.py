"""What other apps may ask of a photo (syndication's feeds), so the sizes and formats that
outside readers need are decided here, next to the renditions themselves. Every rendition
returned is made without metadata (`renditions.MetadataFreeFilter`)."""

from __future__ import annotations

# Podcast directories (Apple, Spotify) want a square JPEG or PNG cover of 1400 to 3000 px.
PODCAST_MIN_SIDE = 1400
PODCAST_MAX_SIDE = 3000
# A feed item's picture: link previews and news aggregators crop to 1.91:1.
FEED_IMAGE_FILTER = "fill-1200x630|format-jpeg"


def podcast_square(image):
    """The largest square JPEG the photo allows between 1400 and 3000 px (cropped around its
    focal point), or None when its short side is under 1400 px: Wagtail never enlarges, and a
    directory refuses a smaller cover."""
    if image is None:
        return None
    side = min(image.width or 0, image.height or 0)
    if side < PODCAST_MIN_SIDE:
        return None
    side = min(side, PODCAST_MAX_SIDE)
    rendition = image.get_rendition(f"fill-{side}x{side}|format-jpeg")
    if rendition.width != rendition.height or rendition.width < PODCAST_MIN_SIDE:
        return None
    return rendition


def feed_image(image):
    """A feed item's picture: 1200×630 JPEG (or smaller if the photo is), or None."""
    if not image:
        return None
    return image.get_rendition(FEED_IMAGE_FILTER)
