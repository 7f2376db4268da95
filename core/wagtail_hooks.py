from django.contrib import messages
from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from .collation import vietnamese_ordering
from .models import Locality
from .pagecache import DEFAULT_PARAMS, mark


@hooks.register("before_serve_page")
def mark_page_for_the_page_cache(page, request, serve_args, serve_kwargs) -> None:
    """Every page is the same for every anonymous reader, unless a view restriction guards it.

    A page type that reads query parameters other than `?page=` lists them in
    `cache_query_params` (the exemplar directory's and the document list's filters).
    """
    params = getattr(page, "cache_query_params", DEFAULT_PARAMS)
    mark(request, params, private=page.get_view_restrictions().exists())


class LocalityViewSet(SnippetViewSet):
    model = Locality
    index_view_class = vietnamese_ordering(IndexView)
    icon = "site"
    menu_label = _("Locality")
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["name", "level", "parent"]
    list_filter = ["level"]


register_snippet(LocalityViewSet)


@hooks.register("register_permissions")
def page_deletion_permission():
    """Shows "delete any page" (core.page_permissions) in the group editor."""
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="wagtailcore", codename="delete_page")


@hooks.register("before_edit_page")
def say_what_the_revision_lost(request, page) -> None:
    """The version being edited named things deleted since (core.references): say what."""
    dangling = getattr(page, "dangling_references", None)
    if not dangling or request.method != "GET":
        return
    kinds = sorted({str(reference.model._meta.verbose_name) for reference in dangling})
    messages.warning(
        request,
        gettext(
            "This version refers to %(kinds)s deleted since it was saved: they have been left "
            "out of the form below. Check it before saving."
        )
        % {"kinds": get_text_list(kinds, gettext("and"))},
    )
