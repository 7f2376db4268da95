"""The page editor's form of every Lan Tỏa page: slugs derived on the server, clashes explained."""

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets.slug import SlugInput
from wagtail.models import Page, Revision

from vietnamese.slugs import slugify

# Run by the editor's slug field on the title before Wagtail's own clean-up, which drops
# punctuation and so turns "1,5 triệu" into "15-trieu": a decimal comma or point between
# digits becomes a hyphen, as `slugify` does on the server.
SLUG_FORMATTERS = [(r"(\d)[.,](?=\d)", "$1-")]


def ascii_slug(slug: str, title: str) -> str:
    """The slug to store: folded when it has Vietnamese letters, made from the title when blank.

    A non-ASCII slug is the browser's copy of the title (Wagtail keeps the letters and drops
    punctuation); when it is the title's own slug but for the separators it dropped ("15" for
    "1,5"), the title's slug is stored, so numbers keep their meaning.
    """
    if not slug:
        return slugify(title or "")
    if slug.isascii():
        return slug
    folded, from_title = slugify(slug), slugify(title or "")
    return from_title if from_title.replace("-", "") == folded.replace("-", "") else folded


class LanToaPageForm(WagtailAdminPageForm):
    """Leaves the slug optional (a blank one is made from the title) and folds Vietnamese."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            widget = self.fields["slug"].widget
            if isinstance(widget, SlugInput):
                formatters = SlugInput(formatters=SLUG_FORMATTERS).attrs
                widget.attrs["data-w-slug-formatters-value"] = formatters[
                    "data-w-slug-formatters-value"
                ]

    def clean(self):
        self._refuse_stale_save()
        if "slug" in self.fields:
            self.cleaned_data["slug"] = ascii_slug(
                self.cleaned_data.get("slug", ""), self.cleaned_data.get("title", "")
            )
        cleaned_data = super().clean()
        if self.has_error("slug") and self.parent_page is not None:
            slug = cleaned_data.get("slug") or self.data.get("slug", "")
            clash = self.parent_page.get_children().filter(slug=slug).first()
            if clash is not None:
                self.errors["slug"] = self.error_class(
                    [
                        forms.ValidationError(
                            _(
                                "The slug “%(slug)s” is already used by “%(title)s” in the same "
                                "column. Change the slug, for example to “%(suggestion)s”."
                            )
                            % {
                                "slug": slug,
                                "title": clash.title,
                                "suggestion": self._free_slug(slug),
                            }
                        )
                    ]
                )
        return cleaned_data

    def _free_slug(self, slug: str) -> str:
        taken = set(self.parent_page.get_children().values_list("slug", flat=True))
        suffix = 2
        while f"{slug}-{suffix}" in taken:
            suffix += 1
        return f"{slug}-{suffix}"

    def _refuse_stale_save(self) -> None:
        """Someone saved the page after this form was opened: refuse, so neither version is lost.

        Wagtail 8 checks the editor's loaded revision only for autosave; a plain save overwrote
        the newer revision with no word. The check is Wagtail's own (EditView.is_out_of_date).
        The form comes back with the editor's text and the newer revision as its base, so saving
        again is a deliberate choice.
        """
        loaded_id = self.data.get("loaded_revision_id")
        # Only a save: the edit view hands its form the editor's page subscription; the live
        # preview validates the same data without one, and must keep working.
        if not loaded_id or self.instance.pk is None or self.subscription is None:
            return
        latest = (
            Revision.objects.filter(
                pk__in=Page.objects.filter(pk=self.instance.pk).values("latest_revision_id")
            )
            .select_related("user")
            .first()
        )
        if latest is None or not is_stale(self.data, latest):
            return
        who = latest.user.get_full_name() or latest.user.get_username() if latest.user else ""
        when = date_format(timezone.localtime(latest.created_at), "H:i, d/m/Y")
        raise forms.ValidationError(
            gettext(
                "%(user)s saved this page at %(time)s, after you opened it. Your changes have "
                "not been saved, so nothing of theirs is overwritten. Compare the two in the "
                "page's history; saving again here replaces their version with yours."
            )
            % {"user": who or gettext("Someone"), "time": when},
            code="stale_revision",
        )


def is_stale(data, latest: Revision) -> bool:
    """Wagtail's EditView.is_out_of_date, on the posted form data."""
    if overwrite_id := data.get("overwrite_revision_id"):
        return overwrite_id != str(latest.pk)
    if data.get("loaded_revision_id") != str(latest.pk):
        return True
    return data.get("loaded_revision_created_at", "") != latest.created_at.isoformat()
