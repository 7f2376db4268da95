"""`manage.py repair_swapped_dates`: swapped values made the way the old site made them (real
admin posts with Django's month-first input formats), then found and repaired.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError
from django.db.models import F
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision
from wagtail.test.utils.form_data import inline_formset

from stories.models import StoryPage
from tests.admin_forms import story_form_data
from tests.dates_forms import (
    AFTER_EVERYTHING,
    add_story_url,
    ambiguous_day_ahead,
    edit_url,
    listed_keys,
    month_first_forms,
    repair,
    save_story,
    shown_value,
    swapped,
)

pytestmark = pytest.mark.django_db

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def test_a_go_live_published_at_once_is_found_and_repaired(client, editor_in_chief, column, image):
    meant = datetime.combine(ambiguous_day_ahead(), time(14, 50), tzinfo=HCM)
    client.force_login(editor_in_chief)
    with month_first_forms():
        client.post(
            add_story_url(column),
            story_form_data(
                hero_image=image.pk,
                go_live_at=f"{meant:%d/%m/%Y %H:%M}",
                **{"action-publish": "1"},
            ),
        )
    story = StoryPage.objects.get()
    assert story.go_live_at == swapped(meant)  # what the old site stored

    output = repair("--fixed-at", AFTER_EVERYTHING)
    key = f"page:{story.pk}:go_live_at"
    assert listed_keys(output) == [key]
    assert "[chắc chắn]" in output
    assert f"đề xuất: {meant:%d/%m/%Y %H:%M}" in output
    assert "trước giờ lên trang đúng" in output  # it went live at once: the officer is told
    assert "Chưa sửa gì" in output
    revisions = story.revisions.count()
    assert StoryPage.objects.get().go_live_at == swapped(meant)  # the dry run changed nothing

    output = repair("--fixed-at", AFTER_EVERYTHING, "--apply", key)
    assert f"Đã sửa {key}" in output
    story = StoryPage.objects.get()
    assert story.go_live_at == meant
    assert story.latest_revision.as_object().go_live_at == meant
    assert story.revisions.count() == revisions + 1  # the old revisions are kept
    assert not story.has_unpublished_changes  # the repaired revision is the live one
    entry = PageLogEntry.objects.get(page=story, action="lantoa.date_repaired")
    assert datetime.fromisoformat(entry.data["old"]) == swapped(meant)
    assert datetime.fromisoformat(entry.data["new"]) == meant
    assert listed_keys(repair("--fixed-at", AFTER_EVERYTHING)) == []


def test_correction_dates_flipped_by_resaves_are_replayed(client, editor, make_story):
    story = make_story("Bài cần đính chính")
    note = "Sửa tên xã: Nậm Mơ, không phải Nậm Mờ."
    client.force_login(editor)

    def save(corrected_at: str) -> None:
        correction = {"corrected_at": corrected_at, "note": note}
        assert (
            save_story(client, story, corrections=inline_formset([correction])).status_code == 302
        )

    def stored() -> datetime:
        revision = StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()
        return revision.corrections.get().corrected_at

    with month_first_forms():
        save("05/11/2026 08:30")  # typed: meant 5 November
        assert stored() == datetime(2026, 5, 11, 8, 30, tzinfo=HCM)
        for _ in range(2):  # saved untouched twice: flips to 5 Nov, then back to 11 May
            shown = shown_value(
                client.get(edit_url(story)).content.decode(), "corrections-0-corrected_at"
            )
            save(shown)
    assert stored() == datetime(2026, 5, 11, 8, 30, tzinfo=HCM)

    key = f"page:{story.pk}:corrections.0.corrected_at"
    output = repair("--fixed-at", AFTER_EVERYTHING)
    assert listed_keys(output) == [key]
    assert "Sau đó có 2 lần lưu" in output
    repair("--fixed-at", AFTER_EVERYTHING, "--apply-certain")
    assert stored() == datetime(2026, 11, 5, 8, 30, tzinfo=HCM)


def test_an_even_number_of_flips_is_left_alone(client, editor, make_story):
    """Typed, then re-saved once untouched: the old site stored the right value by chance."""
    story = make_story("Bài đính chính đúng")
    client.force_login(editor)
    with month_first_forms():
        save_story(client, story, publication_date="05/11/2026 08:30")
        shown = shown_value(client.get(edit_url(story)).content.decode(), "publication_date")
        save_story(client, story, publication_date=shown)
    revision = StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()
    assert revision.publication_date == datetime(2026, 11, 5, 8, 30, tzinfo=HCM)
    assert listed_keys(repair("--fixed-at", AFTER_EVERYTHING)) == []


def test_saves_after_the_fix_and_values_set_by_code_are_trusted(
    client, journalist, column, image, make_story
):
    # Set by code (the demo loader, the importer): never through a form.
    make_story("Bài nhập từ cổng cũ", go_live_at=datetime(2026, 5, 11, 8, 0, tzinfo=HCM))
    client.force_login(journalist)
    with month_first_forms():
        client.post(
            add_story_url(column),
            story_form_data(hero_image=image.pk, go_live_at="05/11/2027 08:00"),
        )
    story = StoryPage.objects.get(title="Cô giáo cắm bản ở xã Nậm Mơ")
    # Those saves were an hour ago; the fix was deployed half an hour ago.
    Revision.objects.update(created_at=F("created_at") - timedelta(hours=1))
    fixed_at = f"{timezone.localtime() - timedelta(minutes=30):%d/%m/%Y %H:%M}"
    assert listed_keys(repair("--fixed-at", fixed_at)) == [f"page:{story.pk}:go_live_at"]

    # After the fix the journalist retypes the value: it is read as shown and trusted.
    save_story(client, story, go_live_at="05/11/2027 08:00")
    assert StoryPage.objects.get(
        pk=story.pk
    ).get_latest_revision_as_object().go_live_at == datetime(2027, 11, 5, 8, 0, tzinfo=HCM)
    assert listed_keys(repair("--fixed-at", fixed_at)) == []


def test_unknown_keys_and_bad_cut_offs_are_refused_and_change_nothing(make_story):
    with pytest.raises(CommandError, match="Không có trong danh sách"):
        repair("--apply", "page:999:go_live_at")
    with pytest.raises(CommandError, match="--fixed-at"):
        repair("--fixed-at", "12/25/2026 10:00")


def test_nothing_is_listed_on_a_site_without_admin_saves(make_story):
    make_story("Bài có giờ lên trang", go_live_at=datetime(2026, 5, 11, 8, 0, tzinfo=HCM))
    output = repair("--fixed-at", AFTER_EVERYTHING)
    assert "Không tìm thấy ngày nào" in output


def test_a_schedule_at_the_swapped_time_moves_to_the_meant_one(
    client, editor_in_chief, column, image
):
    """Scheduled for 05/11 next year, the old site would have published it on 11 May."""
    year = timezone.localdate().year + 1
    meant = datetime(year, 11, 5, 14, 50, tzinfo=HCM)
    client.force_login(editor_in_chief)
    with month_first_forms():
        data = story_form_data(
            hero_image=image.pk, go_live_at=f"05/11/{year} 14:50", **{"action-publish": "1"}
        )
        client.post(add_story_url(column), data)
    story = StoryPage.objects.get()
    assert not story.live
    assert story.latest_revision.approved_go_live_at == swapped(meant)

    repair("--fixed-at", AFTER_EVERYTHING, "--apply", f"page:{story.pk}:go_live_at")
    story = StoryPage.objects.get()
    scheduled = Revision.page_revisions.filter(approved_go_live_at__isnull=False)
    assert [(r.pk, r.approved_go_live_at) for r in scheduled] == [(story.latest_revision_id, meant)]
    assert story.go_live_at == meant and not story.live
