from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = "Bài viết"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the takedown receivers)
