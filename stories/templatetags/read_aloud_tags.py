"""`{% read_aloud page as audio %}`: the story page's “Nghe bài” player (stories.read_aloud)."""

from django import template

from ..read_aloud import player

register = template.Library()


@register.simple_tag
def read_aloud(page) -> dict | None:
    """{"url", "synthetic"} for the recorded or the synthetic file, or None."""
    return player(page)
