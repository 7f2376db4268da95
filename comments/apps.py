from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReaderCommentsConfig(AppConfig):
    # The folder is `comments`; the label is not (django-contrib-comments and others use it).
    name = "comments"
    label = "reader_comments"
    verbose_name = _("Reader comments")
    default_auto_field = "django.db.models.BigAutoField"
