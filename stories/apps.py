from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = "Bài viết"

    def ready(self) -> None:
        from core.cache import invalidate_on_change

        from . import signals  # noqa: F401  (connects the takedown receivers)
        from .models import Author, StoryTag

        invalidate_on_change(Author, StoryTag)  # bylines and tag names on every cached page
