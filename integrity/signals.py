"""Rule changes retire the compiled rules in every process (services.rules_changed); so does a
change of the Wagtail sites, whose hostnames are the site's own (trusted) links."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Site

from .models import IssuingBody, SpamTerm, TrustedDomain
from .services import rules_changed

for _model in (SpamTerm, TrustedDomain, IssuingBody, Site):
    uid = f"integrity:{_model._meta.label}"
    post_save.connect(rules_changed, sender=_model, dispatch_uid=f"{uid}:save")
    post_delete.connect(rules_changed, sender=_model, dispatch_uid=f"{uid}:delete")
