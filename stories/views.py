from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET

from core import seo
from core.pagecache import public_page
from core.pages import paginate

from .corrections import log_entries, log_keys
from .models import STORIES_PER_PAGE, Author, StoryTag
from .selectors import stories_by_author, stories_tagged, tags_in_use

CORRECTIONS_PER_PAGE = 30


@require_GET
@public_page
def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    tag = get_object_or_404(StoryTag, slug=slug)
    stories = paginate(request, stories_tagged(tag), STORIES_PER_PAGE)
    url = request.build_absolute_uri(reverse("tag_detail", args=[tag.slug]))
    title = _("Tag: %(name)s") % {"name": tag.name}
    trail = [*_tags_trail(), (tag.name, url)]
    if stories.number > 1:  # each page of the listing is its own canonical page
        url += f"?page={stories.number}"
    return render(
        request,
        "stories/tag_detail.html",
        {
            "tag": tag,
            "stories": stories,
            "canonical_url": url,
            "og": {"title": title, "url": url},
            "structured_data": seo.listing_structured_data(request, title, url, trail),
        },
    )


@require_GET
@public_page
def author_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """An author's live public stories; an author without one has no page (404)."""
    author = get_object_or_404(Author, slug=slug)
    stories = paginate(request, stories_by_author(author.pk), STORIES_PER_PAGE)
    if not stories.paginator.count:
        raise Http404
    person = author.structured_data(request)
    url = person["url"]
    trail = [(pgettext("home page", "Home"), "/"), (author.name, url)]
    if stories.number > 1:  # each page of the listing is its own canonical page
        url += f"?page={stories.number}"
    description = _("Stories by %(name)s") % {"name": author.name}
    return render(
        request,
        "stories/author_detail.html",
        {
            "author": author,
            "stories": stories,
            "canonical_url": url,
            "og": {"title": author.name, "url": url, "description": description, "type": "profile"},
            "structured_data": [
                seo.profile_page(request, author.name, url, person),
                seo.breadcrumbs(request, trail),
            ],
        },
    )


def _tags_trail() -> list[tuple[str, str]]:
    return [
        (pgettext("home page", "Home"), "/"),
        (pgettext("public site", "Tags"), reverse("tag_list")),
    ]


@require_GET
@public_page
def tag_list(request: HttpRequest) -> HttpResponse:
    url = request.build_absolute_uri(reverse("tag_list"))
    title = pgettext("public site", "Tags")
    return render(
        request,
        "stories/tag_list.html",
        {
            "tags": tags_in_use(),
            "canonical_url": url,
            "og": {"title": title, "url": url},
            "structured_data": seo.listing_structured_data(request, title, url, _tags_trail()),
        },
    )


@require_GET
def corrections_log(request: HttpRequest) -> HttpResponse:
    """Đính chính và gỡ bài: every dated correction and announced takedown, newest first."""
    keys = paginate(request, log_keys(), CORRECTIONS_PER_PAGE)
    url = request.build_absolute_uri(reverse("corrections_log"))
    title = _("Corrections and takedowns")
    trail = [(pgettext("home page", "Home"), "/"), (title, url)]
    return render(
        request,
        "stories/corrections_log.html",
        {
            "entries": log_entries(keys, request),
            "page_obj": keys,
            "og": {"title": title, "url": url},
            "structured_data": seo.listing_structured_data(request, title, url, trail),
        },
    )
