"""Date input formats the newsroom types and the admin shows: day first, then ISO.

Django's own Vietnamese locale leaves ``DATE_INPUT_FORMATS`` and ``DATETIME_INPUT_FORMATS``
commented out, so forms fell back to Django's global defaults, which read ``05/11/2026`` as
11 May and refuse ``25/11/2026``. ``FORMAT_MODULE_PATH`` (settings) points Django at the
``vi`` and ``en`` modules here; both use these lists, so an editor who switches the admin to
English still types day first, as the date picker (``WAGTAIL_DATE_FORMAT``) writes.

The first entry of each list is what the admin's widgets write and what
``WAGTAIL_DATE_FORMAT`` / ``WAGTAIL_DATETIME_FORMAT`` are set to, so a value the form shows
is read back unchanged. No entry reads the month first: ``%m/%d`` must never come back.
Settings import this module: it imports nothing from Django at module level.
"""

from __future__ import annotations

from datetime import date

DATE_INPUT_FORMATS = [
    "%d/%m/%Y",  # 25/11/2026, 5/11/2026: what the date picker writes and people type
    "%d-%m-%Y",  # 25-11-2026
    "%d.%m.%Y",  # 25.11.2026
    "%d/%m/%y",  # 25/11/26
    "%Y-%m-%d",  # ISO 8601: 2026-11-25 (browsers' <input type=date>, feeds, scripts)
]

DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",  # 01/12/2026 14:50: what the date-time picker writes
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y",  # a day alone is its midnight
    "%d-%m-%Y %H:%M",
    "%d.%m.%Y %H:%M",
    "%Y-%m-%d %H:%M",  # ISO 8601, with a space or a "T"
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d",
]

# Vietnamese calendars start the week on Monday (the picker's first column).
FIRST_DAY_OF_WEEK = 1

# What listings print for a date (Django's vi locale says d-m-Y): the same as what is typed.
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"


def read_date(text: str | None) -> date | None:
    """A day typed in one of these formats (a filter in a query string), or None.

    For reader- and admin-facing GET filters that are not Django forms; the active language's
    formats apply, as in any form.
    """
    from django import forms
    from django.core.exceptions import ValidationError

    try:
        return forms.DateField(required=False).clean((text or "")[:32])
    except ValidationError:
        return None
