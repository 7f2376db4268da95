"""Reading admin forms as a browser does (lxml.html), for the date tests: what the form shows
is what a user sees and, untouched, sends back."""

from __future__ import annotations

import io
from contextlib import contextmanager
from datetime import date, timedelta

import lxml.html
from django.conf import global_settings
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from tests.admin_forms import story_form_data

AFTER_EVERYTHING = "01/01/2100 00:00"  # repair --fixed-at: every save in a test is "old"


def _form(html: str, field: str):
    document = lxml.html.fromstring(html)
    for form in document.forms:
        if form.xpath(".//*[@name=$name]", name=field):
            return form
    raise AssertionError(f"no form with a field named {field!r}")


def shown_value(html: str, field: str) -> str:
    """The value a text input shows (what the user reads and, untouched, submits)."""
    form = _form(html, field)
    (element,) = form.xpath(".//input[@name=$name]", name=field)
    return element.get("value", "")


def submitted_values(html: str, field: str) -> list[tuple[str, str]]:
    """Every (name, value) the form holding `field` submits, as the browser would."""
    return list(_form(html, field).form_values())


def as_post(pairs: list[tuple[str, str]], **overrides: str) -> dict[str, list[str] | str]:
    data: dict[str, list[str]] = {}
    for name, value in pairs:
        data.setdefault(name, []).append(value)
    data.update(overrides)
    return {
        name: value[0] if isinstance(value, list) and len(value) == 1 else value
        for name, value in data.items()
    }


def swapped(day: date) -> date:
    return day.replace(month=day.day, day=day.month)


def ambiguous_day_ahead(today: date | None = None) -> date:
    """The first day from the day after tomorrow that a month-first reading would misread
    (day up to 12, day and month differ); from December, its swap lies in the past, so the old
    parser published a story "scheduled" for it at once."""
    day = (today or timezone.localdate()) + timedelta(days=2)
    while not (day.day <= 12 and day.day != day.month):
        day += timedelta(days=1)
    return day


@contextmanager
def month_first_forms():
    """The site before core.formats: Django's global input formats, no project module."""
    with override_settings(
        FORMAT_MODULE_PATH=None,
        DATE_INPUT_FORMATS=global_settings.DATE_INPUT_FORMATS,
        DATETIME_INPUT_FORMATS=global_settings.DATETIME_INPUT_FORMATS,
    ):
        yield


def repair(*args: str) -> str:
    out = io.StringIO()
    call_command("repair_swapped_dates", "--no-progress", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def listed_keys(output: str) -> list[str]:
    return [line.split("] ", 1)[1] for line in output.splitlines() if line.startswith("[")]


def add_story_url(column) -> str:
    return reverse("wagtailadmin_pages:add", args=("stories", "storypage", column.pk))


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def save_story(client, story, **fields):
    """Posts the story's editor with its title, slug and hero image, plus `fields`."""
    hero = story.hero_image_id or ""
    data = story_form_data(title=story.title, slug=story.slug, hero_image=hero, **fields)
    return client.post(edit_url(story), data)
