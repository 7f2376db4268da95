"""System checks: a SEARCH_URL the site cannot use fails `manage.py check` (and start-up of
`runserver`/`migrate`), instead of a 503 on the reader's first search."""

from __future__ import annotations

from django.conf import settings
from django.core import checks
from django.db import connections

from .backends import ACCEPTED_FORMS, POSTGRES, SQLITE_FTS5, InvalidSearchURL, parse_search_url

HINT = "SEARCH_URL is read from the environment; see docs/search.md."
# The engines that live inside the site's own database, and the database each one needs.
_DATABASE_FOR_ENGINE = {SQLITE_FTS5: "sqlite", POSTGRES: "postgresql"}


@checks.register("search")
def check_search_url(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    url = getattr(settings, "SEARCH_URL", "")
    try:
        engine = parse_search_url(url)
    except InvalidSearchURL as error:
        return [checks.Error(error.message, hint=HINT, id=f"lantoa_search.{error.code}")]
    needed = _DATABASE_FOR_ENGINE.get(engine.engine)
    vendor = connections["default"].vendor
    if needed and vendor != needed:
        code = "E004" if engine.engine == POSTGRES else "E005"
        return [
            checks.Error(
                f"SEARCH_URL {url!r} searches inside the site's database, which must then be "
                f"{needed}; DATABASE_URL points to {vendor}.",
                hint=f"Use one of: {ACCEPTED_FORMS}.",
                id=f"lantoa_search.{code}",
            )
        ]
    return []
