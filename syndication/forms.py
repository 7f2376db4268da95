"""The outlet admin form: regenerate or remove the feed token without seeing a raw field."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class OutletForm(WagtailAdminModelForm):
    token_action = forms.ChoiceField(
        label=_("Secret token"),
        required=False,
        initial="keep",
        choices=[
            ("keep", _("Keep the current token")),
            ("regenerate", _("Make a new token (the old one stops working at once)")),
            ("remove", _("Remove the token: the feed is open to everyone")),
        ],
        widget=forms.RadioSelect,
    )

    def save(self, commit: bool = True):
        outlet = super().save(commit=False)
        action = self.cleaned_data.get("token_action") or "keep"
        if action == "regenerate":
            outlet.regenerate_token()
        elif action == "remove":
            outlet.token = ""
        if commit:
            outlet.save()
            self.save_m2m()
        return outlet
