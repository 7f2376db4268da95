"""Dates the way Vietnamese readers expect: "Thứ Năm, 02/12/2021, 23:03" in Asia/Ho_Chi_Minh."""

from datetime import date, datetime

from django.utils import timezone

WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


def _local(value: datetime) -> datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def format_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    value = _local(value)
    return f"{WEEKDAYS[value.weekday()]}, {value:%d/%m/%Y, %H:%M}"


def format_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = _local(value)
    return f"{value:%d/%m/%Y}"
