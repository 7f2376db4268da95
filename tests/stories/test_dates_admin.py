"""Story dates through the real page editor, as the newsroom's roles type them.

The audit: go-live "01/12/2026 14:50" was stored as 12 January and published at once; a story
dated 17/09 could not be saved; correction dates flipped on each save. Each test here failed
before core.formats.
"""

from datetime import datetime, time
from zoneinfo import ZoneInfo

import lxml.html
import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset

from stories.models import StoryPage
from tests.admin_forms import story_form_data
from tests.dates_forms import (
    add_story_url,
    ambiguous_day_ahead,
    edit_url,
    save_story,
    shown_value,
)

pytestmark = pytest.mark.django_db

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def typed(moment: datetime) -> str:
    return f"{moment:%d/%m/%Y %H:%M}"


def draft(story: StoryPage) -> StoryPage:
    return StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()


def test_journalist_schedules_go_live_and_reads_it_back(client, journalist, column, image):
    go_live = datetime.combine(ambiguous_day_ahead(), time(14, 50), tzinfo=HCM)
    client.force_login(journalist)
    response = client.post(
        add_story_url(column), story_form_data(hero_image=image.pk, go_live_at=typed(go_live))
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    story = StoryPage.objects.get()
    assert draft(story).go_live_at == go_live

    # Reopened, the scheduling dialog shows what was typed; saved untouched, it stays.
    for _ in range(3):
        html = client.get(edit_url(story)).content.decode()
        assert shown_value(html, "go_live_at") == typed(go_live)
        response = save_story(client, story, go_live_at=shown_value(html, "go_live_at"))
        assert response.status_code == 302
        assert draft(story).go_live_at == go_live
    assert not StoryPage.objects.get(pk=story.pk).live


def test_editor_in_chief_publishing_with_a_go_live_keeps_the_embargo(
    client, editor_in_chief, column, image
):
    go_live = datetime.combine(ambiguous_day_ahead(), time(14, 50), tzinfo=HCM)
    client.force_login(editor_in_chief)
    response = client.post(
        add_story_url(column),
        story_form_data(hero_image=image.pk, go_live_at=typed(go_live), **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    story = StoryPage.objects.get()
    assert not story.live, "published before its go-live"
    assert story.go_live_at == go_live
    assert story.latest_revision.approved_go_live_at == go_live
    assert client.get(f"/{column.slug}/{story.slug}/").status_code == 404


def test_a_story_dated_17_september_is_saved_and_resaved(client, journalist, column, image):
    client.force_login(journalist)
    data = story_form_data(hero_image=image.pk, publication_date="17/09/2026 08:00")
    assert client.post(add_story_url(column), data).status_code == 302
    story = StoryPage.objects.get()
    expected = datetime(2026, 9, 17, 8, 0, tzinfo=HCM)
    assert draft(story).publication_date == expected
    html = client.get(edit_url(story)).content.decode()
    assert shown_value(html, "publication_date") == "17/09/2026 08:00"
    response = save_story(client, story, publication_date=shown_value(html, "publication_date"))
    assert response.status_code == 302, "a story dated 17/09 could not be saved again"
    assert draft(story).publication_date == expected


def test_correction_dates_do_not_flip_on_each_save(client, editor, make_story):
    story = make_story("Bài cần đính chính")
    note = "Sửa tên xã: Nậm Mơ, không phải Nậm Mờ."
    client.force_login(editor)
    correction = {"corrected_at": "05/11/2026 08:30", "note": note}
    response = save_story(client, story, corrections=inline_formset([correction]))
    assert response.status_code == 302
    expected = datetime(2026, 11, 5, 8, 30, tzinfo=HCM)
    assert [c.corrected_at for c in draft(story).corrections.all()] == [expected]
    for _ in range(3):
        html = client.get(edit_url(story)).content.decode()
        shown = shown_value(html, "corrections-0-corrected_at")
        assert shown == "05/11/2026 08:30"
        response = save_story(
            client,
            story,
            corrections=inline_formset(
                [
                    {
                        "id": shown_value(html, "corrections-0-id"),
                        "corrected_at": shown,
                        "note": note,
                    }
                ],
                initial=1,
            ),
        )
        assert response.status_code == 302
        assert [c.corrected_at for c in draft(story).corrections.all()] == [expected]


def test_after_a_validation_error_the_form_shows_the_date_as_typed(
    client, journalist, column, image
):
    go_live = datetime.combine(ambiguous_day_ahead(), time(9, 5), tzinfo=HCM)
    client.force_login(journalist)
    data = story_form_data(
        title="Gương sáng " * 40,  # too long: the form comes back
        hero_image=image.pk,
        go_live_at=typed(go_live),
        expire_at="31/02/2027 10:00",  # no such day
    )
    response = client.post(add_story_url(column), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert shown_value(html, "go_live_at") == typed(go_live)
    assert shown_value(html, "expire_at") == "31/02/2027 10:00"
    assert "Hãy nhập ngày giờ hợp lệ." in html
    assert not StoryPage.objects.exists()

    # Corrected and sent again with what the form showed: the typed go-live is kept.
    data = story_form_data(
        hero_image=image.pk, go_live_at=shown_value(html, "go_live_at"), expire_at=""
    )
    assert client.post(add_story_url(column), data).status_code == 302
    assert draft(StoryPage.objects.get()).go_live_at == go_live


def test_page_listing_filters_by_the_day_typed(client, journalist, column, make_story):
    """Wagtail's own listing filter ("Date updated") reads 05/11/2026 as 5 November."""
    for title, day in (
        ("Cập nhật ngày 5/11", (2026, 11, 5)),
        ("Cập nhật ngày 11/5", (2026, 5, 11)),
    ):
        story = make_story(title)
        moment = datetime(*day, 10, 0, tzinfo=HCM)
        StoryPage.objects.filter(pk=story.pk).update(latest_revision_created_at=moment)
    client.force_login(journalist)
    response = client.get(
        reverse("wagtailadmin_explore", args=(column.pk,)),
        {
            "latest_revision_created_at_from": "05/11/2026",
            "latest_revision_created_at_to": "05/11/2026",
        },
    )
    assert response.status_code == 200
    listing = lxml.html.fromstring(response.content).xpath("//table[contains(@class, 'listing')]")
    text = " ".join(" ".join(table.text_content().split()) for table in listing)
    assert "Cập nhật ngày 5/11" in text
    assert "Cập nhật ngày 11/5" not in text
