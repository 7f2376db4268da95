"""Readers nominate exemplars (“Giới thiệu gương điển hình”, /gioi-thieu-guong-dien-hinh/), and
campaign officers work through what came in (/admin/gioi-thieu/).

The public form is guarded like reader comments (comments.guard: signed token, Origin, honeypot,
flood limit, the integrity rules): it is served from the page cache, with no cookie.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt

from comments import guard
from comments.forms import ReaderTextField
from core.collation import vi_order
from core.models import Locality
from core.pagecache import mark

from .choices import ExemplarField
from .models.nominations import (
    CONTACT_MAX,
    NAME_MAX,
    OPEN_STATUSES,
    READER_KINDS,
    STORY_MAX,
    Nomination,
    NominationStatus,
)
from .models.pipeline import Campaign

PURPOSE = "nomination"
PERMISSION = "campaigns.change_nomination"
FORM_TEMPLATE = "campaigns/nomination_form.html"


class NominationForm(forms.Form):
    name = ReaderTextField(
        limit=NAME_MAX,
        label=gettext_lazy("Name of the person, collective or household"),
        error_messages={"required": gettext_lazy("Please write who you are nominating.")},
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        choices=READER_KINDS,
        error_messages={
            "required": gettext_lazy("Please choose a kind."),
            "invalid_choice": gettext_lazy("Please choose a kind from the list."),
        },
    )
    locality = forms.ModelChoiceField(
        label=gettext_lazy("Locality"),
        queryset=Locality.objects.order_by(vi_order("name")),
        required=False,
        empty_label=gettext_lazy("(choose a locality)"),
        error_messages={"invalid_choice": gettext_lazy("Please choose a locality from the list.")},
    )
    field = forms.ChoiceField(
        label=gettext_lazy("Field"),
        choices=[("", gettext_lazy("(choose a field)")), *ExemplarField.choices],
        error_messages={
            "required": gettext_lazy("Please choose a field."),
            "invalid_choice": gettext_lazy("Please choose a field from the list."),
        },
    )
    story = ReaderTextField(
        limit=STORY_MAX,
        label=gettext_lazy("What they did"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": gettext_lazy("Please tell us what they did.")},
    )
    contact = ReaderTextField(
        limit=CONTACT_MAX,
        label=gettext_lazy("Your phone number or e-mail (kept private)"),
        error_messages={"required": gettext_lazy("Please leave a phone number or an e-mail.")},
    )

    def clean_story(self) -> str:
        story = self.cleaned_data["story"]
        if len(story) < 20:
            raise forms.ValidationError(_("Please tell us a little more (at least 20 characters)."))
        return story


def _answer(request, form, *, status: int, message: str = "", sent: bool = False):
    response = render(
        request,
        FORM_TEMPLATE,
        {
            "form": form,
            "token": guard.make_token(PURPOSE),
            "honeypot": guard.HONEYPOT_FIELD,
            "message": message,
            "sent": sent,
        },
        status=status,
    )
    if request.method == "POST":
        response["Cache-Control"] = "private, no-store"
    return response


@csrf_exempt
def nominate(request: HttpRequest) -> HttpResponse:
    """GET: the form (cached for every reader). POST: checked, stored, thanked."""
    if request.method != "POST":
        mark(request, params=())
        return _answer(request, NominationForm(), status=200)
    form = NominationForm(request.POST)
    try:
        guard.check_request(request, "nomination", PURPOSE)
    except guard.Refused as refused:
        form.is_valid()
        return _answer(request, form, status=refused.status, message=refused.message)
    if guard.honeypot_filled(request.POST):
        return _answer(request, NominationForm(), status=200, sent=True)
    if not form.is_valid():
        return _answer(request, form, status=400, message=_("Please correct the marked fields."))
    data = form.cleaned_data
    reasons = guard.hold_reasons("\n".join([data["name"], data["story"]]))
    Nomination.objects.create(
        name=data["name"],
        kind=data["kind"],
        locality=data["locality"],
        field=data["field"],
        story=data["story"],
        contact=data["contact"],
        status=NominationStatus.HELD if reasons else NominationStatus.NEW,
        hold_reason="\n".join(reasons),
    )
    return _answer(request, NominationForm(), status=200, sent=True)


# --- The campaign officers' queue ------------------------------------------------------------

TABS = [
    ("open", gettext_lazy("To review")),
    (NominationStatus.ACCEPTED, NominationStatus.ACCEPTED.label),
    (NominationStatus.REJECTED, NominationStatus.REJECTED.label),
    (NominationStatus.ARCHIVED, NominationStatus.ARCHIVED.label),
]


def _check(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def queue(request: HttpRequest) -> HttpResponse:
    _check(request)
    tab = request.GET.get("status", "open")
    if tab not in dict(TABS):
        tab = "open"
    nominations = Nomination.objects.select_related("locality", "exemplar", "participation")
    if tab == "open":
        nominations = nominations.filter(status__in=OPEN_STATUSES).order_by("created_at", "pk")
    else:
        nominations = nominations.filter(status=tab)
    page = Paginator(nominations, 30).get_page(request.GET.get("p"))
    campaigns = list(Campaign.objects.order_by("-start_date", "pk").only("title", "code"))
    return render(
        request,
        "campaigns/admin/nominations.html",
        {
            "page_title": _("Reader nominations"),
            "tabs": [(key, str(label)) for key, label in TABS],
            "tab": tab,
            "nominations": page,
            "campaigns": campaigns,
            "open_statuses": [str(status) for status in OPEN_STATUSES],
        },
    )


def act(request: HttpRequest, nomination_id: int) -> HttpResponse:
    """make (with a campaign) / reject / archive one nomination."""
    _check(request)
    if request.method != "POST":
        return redirect("campaigns_nominations")
    with transaction.atomic():
        nomination = get_object_or_404(Nomination.objects.select_for_update(), pk=nomination_id)
        action = request.POST.get("action")
        if nomination.status not in OPEN_STATUSES:
            messages.error(request, _("This nomination has already been dealt with."))
        elif action == "make":
            campaign = Campaign.objects.filter(pk=request.POST.get("campaign") or None).first()
            if campaign is None:
                messages.error(request, _("Choose the campaign the exemplar takes part in."))
            else:
                try:
                    page = nomination.make_exemplar(campaign, request.user)
                except LookupError:
                    messages.error(request, _("There is no exemplar directory page yet."))
                else:
                    messages.success(
                        request,
                        _(
                            "“%(name)s” is now a draft exemplar in %(campaign)s, at the "
                            "Discovered stage."
                        )
                        % {"name": page.title, "campaign": campaign.code},
                    )
        elif action in ("reject", "archive"):
            status = NominationStatus.REJECTED if action == "reject" else NominationStatus.ARCHIVED
            nomination.close(status, request.user)
            messages.success(request, _("The nomination is closed."))
        else:
            messages.error(request, _("Unknown action."))
    return redirect("campaigns_nominations")
