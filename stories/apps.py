from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Stories")

    def ready(self) -> None:
        from core.cache import invalidate_on_change

        from . import read_aloud, signals  # noqa: F401  (connect their receivers)
        from .models import Author, StoryTag

        invalidate_on_change(Author, StoryTag)  # bylines and tag names on every cached page
