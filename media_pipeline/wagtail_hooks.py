from wagtail import hooks

from .audio.models import Audio
from .documents import note_restriction

hooks.register("before_serve_document", note_restriction)


@hooks.register("construct_media_chooser_queryset")
def audio_anyone_may_choose(media, request):
    """Whoever may add audio may choose any item in the collections she adds to (wagtailmedia
    lists only what she may edit: her own uploads, for a journalist), as with photos."""
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(Audio)
    collections = policy.collections_user_has_any_permission_for(request.user, ["add", "change"])
    return media | Audio.objects.filter(collection__in=collections)
