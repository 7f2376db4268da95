from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .documents import note_restriction
from .models import Pronunciation
from .speech import synthesis

hooks.register("before_serve_document", note_restriction)


class PronunciationViewSet(SnippetViewSet):
    """The synthetic voice's dictionary, kept by editors (docs/media-speech.md)."""

    model = Pronunciation
    icon = "radio-full"
    menu_label = _("Pronunciation")
    add_to_settings_menu = False
    list_display = ["term", "spoken", "note"]
    search_fields = ["term", "spoken"]


register_snippet(PronunciationViewSet)


@hooks.register("register_speech")
def speech():
    """Syndication's station bulletins speak through this (syndication.registry.speech)."""
    return synthesis
