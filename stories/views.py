from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from core.pagecache import public_page
from core.pages import paginate

from .corrections import log_entries, log_keys
from .models import STORIES_PER_PAGE, StoryTag
from .selectors import stories_tagged, tags_in_use

CORRECTIONS_PER_PAGE = 30


@require_GET
@public_page
def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    tag = get_object_or_404(StoryTag, slug=slug)
    stories = paginate(request, stories_tagged(tag), STORIES_PER_PAGE)
    return render(request, "stories/tag_detail.html", {"tag": tag, "stories": stories})


@require_GET
@public_page
def tag_list(request: HttpRequest) -> HttpResponse:
    return render(request, "stories/tag_list.html", {"tags": tags_in_use()})


@require_GET
def corrections_log(request: HttpRequest) -> HttpResponse:
    """Đính chính và gỡ bài: every dated correction and announced takedown, newest first."""
    keys = paginate(request, log_keys(), CORRECTIONS_PER_PAGE)
    return render(
        request,
        "stories/corrections_log.html",
        {"entries": log_entries(keys, request), "page_obj": keys},
    )
