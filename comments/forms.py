"""The reader's comment form: plain text only, its limits said in Vietnamese."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from vietnamese.text import normalize

from . import guard
from .models import NAME_MAX, TEXT_MAX


def _clean_text(value: str) -> str:
    """NFC, one tone-mark placement, no control characters, at most two blank lines."""
    value = "".join(ch for ch in value if ch in "\n\t" or ch.isprintable())
    lines = [" ".join(line.split()) for line in normalize(value).splitlines()]
    text = "\n".join(lines).strip()
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text


class ReaderTextField(forms.CharField):
    """A CharField whose length error says how long the reader's text is."""

    def __init__(self, *, limit: int, **kwargs) -> None:
        self.limit = limit
        super().__init__(**kwargs)

    def clean(self, value):
        value = _clean_text(value or "")
        if len(value) > self.limit:
            raise forms.ValidationError(
                _("At most %(limit)s characters, please (this one has %(count)s).")
                % {
                    "limit": f"{self.limit:,}".replace(",", "."),
                    "count": f"{len(value):,}".replace(",", "."),
                }
            )
        return super().clean(value)


class CommentForm(forms.Form):
    name = ReaderTextField(
        limit=NAME_MAX,
        label=_("Your name"),
        error_messages={"required": _("Please write your name.")},
    )
    text = ReaderTextField(
        limit=TEXT_MAX,
        label=pgettext_lazy("reader", "Comment"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Please write your comment.")},
    )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        if len(text) < 2:
            raise forms.ValidationError(_("The comment is too short."))
        return text


class ReplyForm(forms.Form):
    reply = ReaderTextField(limit=TEXT_MAX, required=False, label=_("Newsroom reply"))


HONEYPOT = guard.HONEYPOT_FIELD
