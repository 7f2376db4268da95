"""Template tags every app's templates load: Vietnamese dates, JSON-LD, absolute URLs."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

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
def json_ld(data: dict) -> str:
    """A schema.org block that cannot break out of its <script> element."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _json_script_escapes
    )
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


@register.simple_tag(takes_context=True)
def absolute_url(context, url: str) -> str:
    request = context.get("request")
    if not url:
        return ""
    if url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url) if request else url
