"""Template tags every app's templates load: Vietnamese dates, JSON-LD, link-preview tags,
absolute URLs, the EMC monitoring snippet."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.html import _json_script_escapes, format_html, format_html_join
from django.utils.safestring import mark_safe

from core import seo
from vietnamese import dates

register = template.Library()


@register.filter
def vn_datetime(value) -> str:
    """{{ page.display_date|vn_datetime }} → "Thứ Năm, 02/12/2021, 23:03" (the reader's zone)."""
    return dates.format_datetime(value, timezone.get_current_timezone())


@register.filter
def vn_date(value) -> str:
    """{{ page.display_date|vn_date }} → "02/12/2021"."""
    return dates.format_date(value, timezone.get_current_timezone())


@register.simple_tag
def json_ld(data: dict | list[dict]) -> str:
    """schema.org blocks (one per dict) that cannot break out of their <script> element."""
    blocks = data if isinstance(data, list) else [data]
    return mark_safe(
        "\n".join(
            '<script type="application/ld+json">'
            + json.dumps(block, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
                _json_script_escapes
            )
            + "</script>"
            for block in blocks
        )
    )


@register.simple_tag(takes_context=True)
def absolute_url(context, url: str) -> str:
    request = context.get("request")
    if not url:
        return ""
    if url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url) if request else url


@register.simple_tag(takes_context=True)
def page_meta(context) -> str:
    """Open Graph and Twitter card tags, then the page's JSON-LD (`structured_data`).

    What a view or page passes as `og` (title, description, url, image, type) wins; otherwise
    the Wagtail page's own title, search description and address, and the site's share image.
    """
    request = context.get("request")
    page = context.get("page")
    given = context.get("og") or {}
    title = given.get("title") or (
        (getattr(page, "seo_title", "") or page.title) if page is not None else ""
    )
    description = given.get("description") or (
        getattr(page, "search_description", "") if page is not None else ""
    )
    url = given.get("url") or (page.get_full_url(request) if page is not None else "")
    image = given.get("image") or seo.share_image(request)
    tags = [
        ("property", "og:type", given.get("type", "website")),
        ("property", "og:site_name", settings.WAGTAIL_SITE_NAME),
        ("property", "og:locale", "vi_VN"),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", url),
    ]
    if image:
        tags += [
            ("property", "og:image", image["url"]),
            ("property", "og:image:width", str(image["width"])),
            ("property", "og:image:height", str(image["height"])),
            ("property", "og:image:alt", image["alt"]),
        ]
    tags += [
        ("name", "twitter:card", "summary_large_image" if image else "summary"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
    ]
    if image:
        tags.append(("name", "twitter:image", image["url"]))
    html = format_html_join(
        "\n  ", '<meta {}="{}" content="{}">', ((a, n, v) for a, n, v in tags if v)
    )
    data = context.get("structured_data")
    return html + json_ld(data) if data else html


@register.simple_tag
def emc_snippet() -> str:
    """The government's EMC monitoring script (TT 22/2023/TT-BTTTT) when EMC_SCRIPT_URL is set;
    public pages only (the admin never loads base.html); core.security allows its origin."""
    url = getattr(settings, "EMC_SCRIPT_URL", "")
    return format_html('<script src="{}" async></script>', url) if url else ""
