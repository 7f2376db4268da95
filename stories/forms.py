"""The story editor's form: the page form of every Lan Tỏa page, plus the hero image rule."""

from django.utils.translation import gettext as _

from core.forms import LanToaPageForm


class StoryPageForm(LanToaPageForm):
    """Publishing needs a hero image; saving a draft does not (Wagtail defers the check)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "hero_image" in self.fields:
            self.fields["hero_image"].error_messages["required"] = _(
                "A story needs a main image before it is published."
            )
