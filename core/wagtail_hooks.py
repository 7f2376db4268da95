from wagtail import hooks

from .pagecache import DEFAULT_PARAMS, mark


@hooks.register("before_serve_page")
def mark_page_for_the_page_cache(page, request, serve_args, serve_kwargs) -> None:
    """Every page is the same for every anonymous reader, unless a view restriction guards it.

    A page type that reads query parameters other than `?page=` lists them in
    `cache_query_params` (the exemplar directory's and the document list's filters).
    """
    params = getattr(page, "cache_query_params", DEFAULT_PARAMS)
    mark(request, params, private=page.get_view_restrictions().exists())
