"""URL slugs from Vietnamese titles: every letter folded, đ → d (Wagtail's own drops it)."""

import re

from vietnamese.text import fold


def slugify(text: str, max_length: int = 80) -> str:
    """URL slug from a Vietnamese title: "Điển hình tiên tiến" → "dien-hinh-tien-tien"."""
    folded = fold(text)
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug
