"""Admin forms: the exemplar duplicate guard and the participation's stage change."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from core.forms import LanToaPageForm

from .choices import Stage

STAGE_CHOICES = [("", _("— unchanged —")), *Stage.choices]


class ParentAwareFormMixin:
    """Gives each inline child its (unsaved) parent before validation, so rules that need
    the parent — targets inside the period, recognitions after discovery — run in the form.

    modelcluster sets the parent only when saving; the child's `clean()` would see none.
    """

    def is_valid(self) -> bool:
        for formset in self.formsets.values():
            for form in formset.forms:
                setattr(form.instance, formset.fk.name, self.instance)
        return super().is_valid()


class CampaignForm(ParentAwareFormMixin, WagtailAdminModelForm):
    """Two target rows for the same year, half and category would clash in the database."""

    def is_valid(self) -> bool:
        valid = super().is_valid()
        seen = set()
        for form in self.formsets["targets"].forms:
            # The instance, not cleaned_data: the formset's own unique check has already
            # removed the clashing values there, and shows its error nowhere on the panel.
            target = form.instance
            if target.year is None or self.formsets["targets"]._should_delete_form(form):
                continue
            key = (target.year, target.half, target.category)
            if key in seen:
                form.add_error(
                    "category",
                    _("There is already a target for this kind in the same year and period."),
                )
                valid = False
            seen.add(key)
        return valid


class ExemplarPageForm(LanToaPageForm):
    """Asks before adding a second exemplar with the same name in the same place."""

    confirm_duplicate = forms.BooleanField(
        label=_("I have checked: this is a different exemplar, create it anyway"),
        required=False,
        help_text=_(
            "Only needed when you are told an exemplar of the same name exists in the same "
            "locality."
        ),
    )

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None and not cleaned_data.get("confirm_duplicate"):
            locality = cleaned_data.get("locality")
            twins = self.instance.possible_duplicates(
                cleaned_data.get("title", ""), locality.pk if locality else None
            )
            if twins:
                self.add_error(
                    "confirm_duplicate",
                    _(
                        "There is already an exemplar “%(title)s” in %(place)s. If this really is "
                        "a different person or collective, tick the confirmation box and save "
                        "again; otherwise, edit the existing profile."
                    )
                    % {
                        "title": twins[0].title,
                        "place": locality or _("(no locality given)"),
                    },
                )
        return cleaned_data


class ParticipationForm(ParentAwareFormMixin, WagtailAdminModelForm):
    """The stage is changed through an event (who, when, why), never by editing a field."""

    new_stage = forms.TypedChoiceField(
        label=_("Move to stage"),
        choices=STAGE_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )
    stage_date = forms.DateField(label=_("Date of the move"), required=False, widget=AdminDateInput)
    stage_reason = forms.CharField(
        label=_("Reason, grounds"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            # Its history and assessments belong to this exemplar in this campaign.
            for name in ("campaign", "exemplar"):
                if name in self.fields:
                    self.fields[name].disabled = True
        else:
            self.fields["new_stage"].initial = Stage.DISCOVERED
            self.fields["stage_date"].initial = timezone.localdate()
            self.fields["stage_date"].required = True

    def clean(self):
        cleaned_data = super().clean()
        stage = cleaned_data.get("new_stage")
        day = cleaned_data.get("stage_date")
        if self.instance.pk is None and stage is None:
            self.add_error("new_stage", _("Choose the stage the exemplar joins at."))
        if stage is not None and day is None and not self.has_error("stage_date"):
            self.add_error("stage_date", _("Enter the date of the stage change."))
        if stage is not None and day is not None:
            try:
                self.instance.check_move(stage, day, cleaned_data.get("stage_reason", ""))
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    for message in messages:
                        self.add_error(field, message)
            if self.instance.pk is None:
                self.instance.pending_discovery = day
        return cleaned_data

    def save(self, commit: bool = True):
        participation = super().save(commit=commit)
        stage = self.cleaned_data.get("new_stage")
        if commit and stage is not None:
            participation.move_to(
                stage,
                self.cleaned_data["stage_date"],
                by=getattr(self, "for_user", None),
                reason=self.cleaned_data.get("stage_reason", ""),
            )
        return participation


class StageEventCorrectionForm(forms.Form):
    """The right day for a stage event typed wrong, and why; checked against the history."""

    corrected_on = forms.DateField(
        label=_("Correct date"),
        widget=AdminDateInput,
        error_messages={"required": _("Enter the correct date.")},
    )
    reason = forms.CharField(
        label=_("Reason for the correction"),
        max_length=2000,
        error_messages={
            "required": _(
                "Enter the reason for the correction (for example: day and month typed the wrong "
                "way round)."
            )
        },
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For example: day and month typed the wrong way round; according to the minutes of …"
        ),
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event

    def clean(self):
        cleaned_data = super().clean()
        if self.errors:
            return cleaned_data
        try:
            self.event.check_correction(cleaned_data["corrected_on"], cleaned_data["reason"])
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(field, message)
        return cleaned_data
