from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .audio.models import Audio
from .documents import note_restriction
from .models import Pronunciation
from .speech import synthesis

hooks.register("before_serve_document", note_restriction)


class PronunciationViewSet(SnippetViewSet):
    """The synthetic voice's dictionary, kept by editors (docs/media.md, "Speech")."""

    model = Pronunciation
    icon = "radio-full"
    menu_label = _("Pronunciation")
    add_to_settings_menu = False
    list_display = ["term", "spoken", "note"]


register_snippet(PronunciationViewSet)


@hooks.register("register_speech")
def speech():
    """Syndication's station bulletins speak through this (syndication.registry.speech)."""
    return synthesis


@hooks.register("construct_media_chooser_queryset")
def audio_anyone_may_choose(media, request):
    """Whoever may add audio may choose any item in the collections she adds to (wagtailmedia
    lists only what she may edit: her own uploads, for a journalist), as with photos."""
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(Audio)
    collections = policy.collections_user_has_any_permission_for(request.user, ["add", "change"])
    return media | Audio.objects.filter(collection__in=collections)
