"""Bulk actions on the participation listing: draft an award decision from the exemplars the
officer ticked, as a decision record whose edit screen offers the Word draft."""

from __future__ import annotations

from django import forms
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.widgets import AdminDateInput
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from .admin_views import forbidden
from .models import AwardDecision, Campaign, Participation

DECISION_PERMISSION = "campaigns.add_awarddecision"


class DecisionDraftForm(forms.ModelForm):
    """The few facts an officer types; issuing body, place and signature come from the
    campaign (`draft_decision`)."""

    class Meta:
        model = AwardDecision
        fields = ["number", "decision_date", "form", "level"]
        widgets = {"decision_date": AdminDateInput}


def draft_decision(
    campaign: Campaign, participations: list[Participation], data: dict
) -> AwardDecision:
    """A decision record for the campaign, honouring exactly these participations' exemplars,
    with the campaign's issuing body, place and signer as defaults."""
    with transaction.atomic():
        decision = AwardDecision.objects.create(
            **data,
            campaign=campaign,
            issuer=campaign.issuing_body,
            parent_body=campaign.report_parent_body,
            place=campaign.report_place,
            signing_authority=campaign.signing_authority,
            signing_for=campaign.signing_for,
            signer_position=campaign.signer_position,
            signer_name=campaign.signer_name,
        )
        decision.exemplars.set([p.exemplar_id for p in participations])
    return decision


class DraftDecisionBulkAction(SnippetBulkAction):
    """Shown only to those who may add award decisions (campaign officers, administrators);
    the selected rows must all belong to one campaign."""

    display_name = gettext_lazy("Draft award decision")
    action_type = "draft_decision"
    aria_label = gettext_lazy("Draft an award decision for the selected exemplars")
    template_name = "campaigns/admin/bulk_draft_decision.html"
    action_priority = 20
    form_class = DecisionDraftForm
    models = [Participation]

    @classmethod
    def is_shown_to(cls, user) -> bool:
        return user.has_perm(DECISION_PERMISSION)

    def dispatch(self, request, *args, **kwargs):
        if not self.is_shown_to(request.user):
            # Wagtail would turn PermissionDenied into a redirect to the dashboard.
            return forbidden(request, _("Only campaign officers may draft award decisions."))
        return super().dispatch(request, *args, **kwargs)

    @classmethod
    def get_queryset(cls, model, object_ids):
        ids = [value for value in object_ids if str(value).isdigit()]  # ?id=abc: nothing
        return list(Participation.objects.filter(pk__in=ids).select_related("exemplar", "campaign"))

    def check_perm(self, participation) -> bool:
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "view", participation
        )

    def campaigns(self) -> set:
        return {p.campaign for p in self.get_actionable_objects()[0]}

    def get_context_data(self, **kwargs) -> dict:
        campaigns = self.campaigns()
        return super().get_context_data(
            one_campaign=next(iter(campaigns)) if len(campaigns) == 1 else None,
            many_campaigns=len(campaigns) > 1,
            **kwargs,
        )

    def form_valid(self, form):
        participations = self.get_actionable_objects()[0]
        campaigns = {p.campaign for p in participations}
        if len(campaigns) != 1:
            form.add_error(
                None,
                _("Select exemplars of one campaign only: one decision belongs to one campaign."),
            )
            return self.form_invalid(form)
        viewset = AwardDecision.snippet_viewset
        decision = draft_decision(campaigns.pop(), participations, form.cleaned_data)
        messages.success(
            self.request,
            _(
                "Draft decision %(decision)s created for %(count)s exemplars; "
                "check it, then download its Word draft."
            )
            % {"decision": decision, "count": len(participations)},
            buttons=[
                messages.button(
                    reverse(viewset.get_url_name("draft"), args=[decision.pk]), _("Word draft")
                )
            ],
        )
        return redirect(reverse(viewset.get_url_name("edit"), args=[decision.pk]))
