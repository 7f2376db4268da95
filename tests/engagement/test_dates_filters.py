"""Date filters of the engagement reports as the editor-in-chief types them (25/11/2026).

Wagtail's date-range filter writes dd/mm/yyyy; before core.formats the server read
05/11/2026 as 11 May and ignored 25/11/2026 as invalid (the report showed every day).
"""

from datetime import date

import lxml.html
import pytest

from engagement import rollups
from engagement.models import Event
from tests.dates_forms import shown_value

pytestmark = pytest.mark.django_db

NOVEMBER_5, MAY_11, NOVEMBER_25 = date(2026, 11, 5), date(2026, 5, 11), date(2026, 11, 25)


@pytest.fixture
def dated_views(send, make_story):
    """One story viewed on each day: 5 November, 11 May, 25 November 2026."""
    stories = {}
    for number, day in enumerate((NOVEMBER_5, MAY_11, NOVEMBER_25), start=1):
        story = make_story(f"Bài xem ngày {day:%d/%m}")
        send({"t": "view", "p": story.pk}, ip=f"203.0.113.{number}")
        Event.objects.filter(page_id=story.pk).update(day=day)
        rollups.rollup_day(day)
        stories[day] = story.title
    return stories


def report_titles(html: str) -> set[str]:
    document = lxml.html.fromstring(html)
    return {
        " ".join(cell.text_content().split())
        for cell in document.xpath("//table[contains(@class, 'listing')]/tbody/tr/td[1]")
    }


@pytest.mark.parametrize(
    ("typed_from", "typed_to", "expected"),
    [
        ("05/11/2026", "05/11/2026", [NOVEMBER_5]),
        ("25/11/2026", "25/11/2026", [NOVEMBER_25]),
        ("01/11/2026", "30/11/2026", [NOVEMBER_5, NOVEMBER_25]),
        ("2026-05-11", "2026-05-11", [MAY_11]),
    ],
)
def test_story_report_filters_by_the_days_typed(
    client, editor_in_chief, dated_views, typed_from, typed_to, expected
):
    client.force_login(editor_in_chief)
    response = client.get("/admin/engagement/story/", {"day_from": typed_from, "day_to": typed_to})
    assert response.status_code == 200
    html = response.content.decode()
    assert report_titles(html) == {dated_views[day] for day in expected}
    assert shown_value(html, "day_from") == typed_from  # the filter shows what was typed


def test_overview_reads_typed_days_too(client, editor_in_chief, dated_views):
    client.force_login(editor_in_chief)
    html = client.get("/admin/engagement/", {"start": "05/11/2026", "end": "05/11/2026"})
    document = lxml.html.fromstring(html.content)
    assert document.xpath("//input[@name='start']/@value") == ["2026-11-05"]
    assert document.xpath("//input[@name='end']/@value") == ["2026-11-05"]
