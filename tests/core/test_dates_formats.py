"""Dates typed in forms are read day first (core/formats), the way the admin's pickers write them.

Before core.formats, Django's global defaults read 05/11/2026 as 11 May and refused
25/11/2026 ("Hãy nhập một ngày hợp lệ.").
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

from vietnamese.dates import read_date as vietnamese_read_date

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
LANGUAGES = ["vi", "en"]  # WAGTAILADMIN_PERMITTED_LANGUAGES


@pytest.fixture(params=LANGUAGES)
def language(request):
    with translation.override(request.param):
        yield request.param


def read_date(text: str) -> date | None:
    return forms.DateField(required=False).clean(text)


def read_datetime(text: str) -> datetime | None:
    return forms.DateTimeField(required=False).clean(text)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("25/11/2026", date(2026, 11, 25)),
        ("05/11/2026", date(2026, 11, 5)),  # 5 November, not 11 May
        ("5/11/2026", date(2026, 11, 5)),
        ("31/12/2026", date(2026, 12, 31)),
        ("17/09/2026", date(2026, 9, 17)),
        ("01/12/2026", date(2026, 12, 1)),
        ("25-11-2026", date(2026, 11, 25)),
        ("25.11.2026", date(2026, 11, 25)),
        ("25/11/26", date(2026, 11, 25)),
        (" 25/11/2026 ", date(2026, 11, 25)),
        ("2026-11-25", date(2026, 11, 25)),  # ISO
        ("2026-11-05", date(2026, 11, 5)),
    ],
)
def test_dates_are_read_day_first_or_iso(language, typed, expected):
    assert read_date(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "25/11/2026",
        "5/11/2026",
        " 25-11-2026 ",
        "25.11.2026",
        "25/11/26",
        "2026-11-25",
        "11/25/2026",
        "31/11/2026",
        "2026-13-45",
        "25/11",
        "",
        "hôm qua",
        "25/11/2026 14:50",
    ],
)
def test_filters_read_what_forms_read(language, typed):
    """`vietnamese.dates.read_date` (GET filters, pure Python) and Django's DateField with the
    format modules read every input alike, in every admin language."""
    try:
        expected = read_date(typed)
    except ValidationError:
        expected = None
    assert vietnamese_read_date(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("01/12/2026 14:50", datetime(2026, 12, 1, 14, 50, tzinfo=HCM)),
        ("05/11/2026 08:05", datetime(2026, 11, 5, 8, 5, tzinfo=HCM)),
        ("25/11/2026 23:59:30", datetime(2026, 11, 25, 23, 59, 30, tzinfo=HCM)),
        ("25/11/2026", datetime(2026, 11, 25, 0, 0, tzinfo=HCM)),
        ("2026-12-01T14:50", datetime(2026, 12, 1, 14, 50, tzinfo=HCM)),  # ISO
        ("2026-12-01 14:50", datetime(2026, 12, 1, 14, 50, tzinfo=HCM)),
        ("2026-12-01T14:50:00", datetime(2026, 12, 1, 14, 50, tzinfo=HCM)),
    ],
)
def test_datetimes_are_read_day_first_in_the_newsroom_time_zone(language, typed, expected):
    value = read_datetime(typed)
    assert value == expected
    assert value.utcoffset() == timedelta(hours=7)


@pytest.mark.parametrize("typed", ["11/25/2026", "13/13/2026", "31/02/2026", "25/11", "hôm nay"])
def test_month_first_and_impossible_dates_are_refused_in_vietnamese(typed):
    with pytest.raises(ValidationError) as error:
        read_date(typed)
    assert error.value.messages == ["Hãy nhập một ngày hợp lệ."]


def test_a_month_first_datetime_is_refused():
    with pytest.raises(ValidationError):
        read_datetime("11/25/2026 14:50")


def test_every_day_the_pickers_write_is_read_back_unchanged(language):
    """The admin's widgets (WAGTAIL_DATE_FORMAT / WAGTAIL_DATETIME_FORMAT) and the server agree."""
    date_widget, datetime_widget = AdminDateInput(), AdminDateTimeInput()
    day = date(2026, 1, 1)
    while day.year == 2026:
        shown = date_widget.format_value(day)
        assert read_date(shown) == day, shown
        moment = datetime(day.year, day.month, day.day, 14, 50, tzinfo=HCM)
        shown = datetime_widget.format_value(moment)
        assert read_datetime(shown) == moment, shown
        day += timedelta(days=1)


def test_the_pickers_write_day_first_and_start_the_week_on_monday():
    assert AdminDateInput().format_value(date(2026, 11, 5)) == "05/11/2026"
    assert AdminDateTimeInput().format_value(datetime(2026, 12, 1, 14, 50)) == "01/12/2026 14:50"
    assert AdminDateInput().get_config() == {"dayOfWeekStart": 1, "format": "d/m/Y"}
    assert AdminDateTimeInput().get_config()["format"] == "d/m/Y H:i"


def test_a_plain_django_date_input_shows_what_it_reads():
    """Forms outside Wagtail's widgets (a DateInput) render with the first input format."""

    class Form(forms.Form):
        day = forms.DateField()

    html = str(Form(initial={"day": date(2026, 11, 5)})["day"])
    assert 'value="05/11/2026"' in html
    assert Form(data={"day": "05/11/2026"}).is_valid()
