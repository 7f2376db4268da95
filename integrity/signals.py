"""Rule changes retire the compiled rules in every process (services.rules_changed)."""

from django.db.models.signals import post_delete, post_save

from .models import IssuingBody, SpamTerm, TrustedDomain
from .services import rules_changed

for _model in (SpamTerm, TrustedDomain, IssuingBody):
    post_save.connect(rules_changed, sender=_model, dispatch_uid=f"integrity:{_model.__name__}:s")
    post_delete.connect(rules_changed, sender=_model, dispatch_uid=f"integrity:{_model.__name__}:d")
