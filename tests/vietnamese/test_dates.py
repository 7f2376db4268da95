"""Vietnamese dates shown and typed, in pure Python (no Django, no active time zone)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from vietnamese.dates import format_date, format_datetime, read_date

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
UTC = ZoneInfo("UTC")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime(2021, 12, 2, 23, 3, tzinfo=HCM), "Thứ Năm, 02/12/2021, 23:03"),
        (datetime(2021, 12, 2, 16, 3, tzinfo=UTC), "Thứ Năm, 02/12/2021, 23:03"),
        (datetime(2024, 2, 25, 7, 0, tzinfo=HCM), "Chủ Nhật, 25/02/2024, 07:00"),
        (datetime(2023, 1, 30, 0, 0, tzinfo=HCM), "Thứ Hai, 30/01/2023, 00:00"),
        (None, ""),
    ],
)
def test_vietnamese_date_lines(value, expected):
    assert format_datetime(value, HCM) == expected


def test_vietnamese_short_dates():
    assert format_date(date(2023, 4, 5)) == "05/04/2023"
    assert format_date(datetime(2023, 4, 4, 20, 0, tzinfo=UTC), HCM) == "05/04/2023"
    assert format_date(datetime(2023, 4, 4, 20, 0, tzinfo=UTC), UTC) == "04/04/2023"


def test_naive_values_are_shown_as_they_are():
    assert format_datetime(datetime(2021, 12, 2, 16, 3), HCM) == "Thứ Năm, 02/12/2021, 16:03"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("25/11/2026", date(2026, 11, 25)),
        ("5/11/2026", date(2026, 11, 5)),
        (" 05-11-2026 ", date(2026, 11, 5)),
        ("05.11.2026", date(2026, 11, 5)),
        ("25/11/26", date(2026, 11, 25)),
        ("2026-11-05", date(2026, 11, 5)),
        ("11/25/2026", None),  # month first: never read
        ("31/02/2026", None),
        ("", None),
        (None, None),
        ("9" * 5000, None),
        ("25/11/2026\x00", None),
    ],
)
def test_read_date_reads_days_as_typed(typed, expected):
    assert read_date(typed) == expected
