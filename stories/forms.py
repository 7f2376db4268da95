"""The page editor's form: slugs are derived on the server too, and clashes explained."""

from django import forms
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from search.analysis import slugify


def ascii_slug(slug: str, title: str) -> str:
    """The slug to store: folded when it has Vietnamese letters, made from the title when blank."""
    if not slug:
        return slugify(title or "")
    return slug if slug.isascii() else slugify(slug)


class LanToaPageForm(WagtailAdminPageForm):
    """Leaves the slug optional (a blank one is made from the title) and folds Vietnamese."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def clean(self):
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
                                "Đường dẫn “%(slug)s” đã được dùng cho bài “%(title)s” trong "
                                "cùng chuyên mục. Hãy sửa đường dẫn, ví dụ “%(suggestion)s”."
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


class StoryPageForm(LanToaPageForm):
    """Publishing needs a hero image; saving a draft does not (Wagtail defers the check)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "hero_image" in self.fields:
            self.fields["hero_image"].error_messages["required"] = _(
                "Bài viết cần có ảnh đại diện trước khi xuất bản."
            )
