"""Dates the way Vietnamese readers write and read them, in pure Python.

Shown: "Thứ Năm, 02/12/2021, 23:03" and "02/12/2021"; durations as "2 phút 10 giây". Typed:
day first (25/11/2026, 25-11-2026, 25.11.2026, 25/11/26) or ISO 8601, never month first. The
input lists are what Django's forms read too: `core/formats` hands them to Django
(`FORMAT_MODULE_PATH`), and their first entries are what the admin's date pickers write.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]

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


def _local(value: datetime, tz: tzinfo | None) -> datetime:
    aware = value.tzinfo is not None and value.utcoffset() is not None
    return value.astimezone(tz) if aware and tz is not None else value


def format_datetime(value: datetime | None, tz: tzinfo | None = None) -> str:
    """ "Thứ Năm, 02/12/2021, 23:03": an aware value is shown in `tz` (the reader's zone)."""
    if value is None:
        return ""
    value = _local(value, tz)
    return f"{WEEKDAYS[value.weekday()]}, {value:%d/%m/%Y, %H:%M}"


def format_date(value: date | datetime | None, tz: tzinfo | None = None) -> str:
    """ "02/12/2021": the day of an aware datetime in `tz`."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = _local(value, tz)
    return f"{value:%d/%m/%Y}"


def format_duration(seconds: int) -> str:
    """130 → "2 phút 10 giây" (what the print page and the rundown show)."""
    minutes, rest = divmod(int(seconds), 60)
    if not minutes:
        return f"{rest} giây"
    return f"{minutes} phút {rest} giây" if rest else f"{minutes} phút"


def read_date(text: str | None) -> date | None:
    """A day typed in one of `DATE_INPUT_FORMATS` (a filter in a query string), or None.

    For reader- and admin-facing GET filters that are not forms; it reads what a Django
    `DateField` reads with the project's formats (leading and trailing spaces ignored).
    """
    text = (text or "")[:32].strip()
    if not text:
        return None
    for pattern in DATE_INPUT_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None
