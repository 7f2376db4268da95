"""Dates typed into the admin as people type them, in Chromium: saved, reopened, read back, and
checked in the database.

The audit found every admin date field swapping day and month: the picker wrote dd/mm/yyyy,
the server read mm/dd/yyyy. A go-live typed 01/12/2026 14:50 was stored as 12 January and
published at once; the demo campaign (ending 31/12/2026) could not be saved.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def ambiguous_day_ahead() -> date:
    """A day soon that a month-first reading misreads (its swap lies in the past in December)."""
    day = datetime.now(HCM).date() + timedelta(days=2)
    while not (day.day <= 12 and day.day != day.month):
        day += timedelta(days=1)
    return day


def type_into(page, selector: str, text: str) -> None:
    """Clear what the field shows and type, key by key, as a person does; then Tab on until no
    date picker is open (the next field may be a date too)."""
    field = page.locator(selector)
    field.click()
    field.press("Control+A")
    field.press("Backspace")
    field.press_sequentially(text, delay=40)
    expect(field).to_have_value(text)
    field.press("Tab")
    pickers = page.locator(".xdsoft_datetimepicker:visible")
    for _ in range(3):
        if pickers.count() == 0:
            break
        page.keyboard.press("Tab")
    expect(pickers).to_have_count(0)
    expect(field).to_have_value(text)  # the picker kept what was typed


def utc(text: str) -> datetime:
    """A moment as Django stores it in SQLite ("2026-12-03 07:50:00"), or as JSON in a revision."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def latest_revision(database, page_id: int) -> tuple[dict, str | None]:
    content, approved = database(
        "SELECT content, approved_go_live_at FROM wagtailcore_revision "
        "WHERE object_id = ? AND base_content_type_id = "
        "(SELECT id FROM django_content_type WHERE app_label='wagtailcore' AND model='page') "
        "ORDER BY created_at DESC, id DESC LIMIT 1",
        str(page_id),
    )[0]
    return json.loads(content), approved


def a_story(database, public_paths, offset: int) -> tuple[int, str]:
    """A live story that no other e2e test reads: outside the column the takedown and
    cross-worker tests use, and not the home page's lead."""
    column_slug = public_paths["column"].strip("/").split("/")[-1]
    lead_slug = public_paths["story"].strip("/").split("/")[-1]
    return database(
        "SELECT p.id, p.title FROM wagtailcore_page p "
        "JOIN stories_storypage s ON s.page_ptr_id = p.id WHERE p.live "
        "AND p.slug <> ? AND p.path NOT LIKE "
        "(SELECT c.path || '%' FROM wagtailcore_page c WHERE c.slug = ? ORDER BY c.depth LIMIT 1) "
        "ORDER BY p.path LIMIT 1 OFFSET ?",
        lead_slug,
        column_slug,
        offset,
    )[0]


def open_schedule_dialog(page):
    page.locator("[data-side-panel-toggle='status']").click()
    page.locator("button[data-a11y-dialog-show='schedule-publishing-dialog']").first.click()
    dialog = page.locator("#schedule-publishing-dialog")
    expect(dialog.locator("#id_go_live_at")).to_be_visible()
    return dialog


def save_schedule(page, dialog) -> None:
    """ "Lưu lịch" from the keyboard, as a person tabbing through the dialog does: a date picker
    that the field's focus reopens can lie over the button, and a keypress goes past it."""
    with page.expect_navigation():
        dialog.locator("button[type=submit]").press("Enter")


def test_journalist_types_dates_saves_and_reads_them_back(new_tab, log_in, database, public_paths):
    story_id, title = a_story(database, public_paths, 0)
    go_live = datetime.combine(ambiguous_day_ahead(), time(14, 50), tzinfo=HCM)
    typed_go_live = f"{go_live:%d/%m/%Y %H:%M}"
    tab = new_tab()
    log_in(tab, "phongvien")
    page = tab.page
    edit_url = f"/admin/pages/{story_id}/edit/"
    page.goto(edit_url)

    page.get_by_role("tab", name="Quảng bá").click()
    type_into(page, "#id_publication_date", "25/11/2026 08:00")
    dialog = open_schedule_dialog(page)
    type_into(page, "#id_go_live_at", typed_go_live)
    save_schedule(page, dialog)  # saves the draft
    expect(page.locator(".messages")).to_contain_text(title)
    expect(page.locator(".error-message, .help-critical")).to_have_count(0)

    # Reopened: the form shows what was typed.
    page.goto(edit_url)
    page.get_by_role("tab", name="Quảng bá").click()
    expect(page.locator("#id_publication_date")).to_have_value("25/11/2026 08:00")
    expect(page.locator("#id_go_live_at")).to_have_value(typed_go_live)

    content, _approved = latest_revision(database, story_id)
    assert utc(content["publication_date"]) == datetime(2026, 11, 25, 8, 0, tzinfo=HCM)
    assert utc(content["go_live_at"]) == go_live

    # Saved again untouched ("Lưu nháp"): nothing flips.
    with page.expect_navigation():
        page.locator("footer nav.actions button.action-save").first.click()
    content, _approved = latest_revision(database, story_id)
    assert utc(content["publication_date"]) == datetime(2026, 11, 25, 8, 0, tzinfo=HCM)
    assert utc(content["go_live_at"]) == go_live
    assert tab.problems() == []


def test_editor_in_chief_schedules_and_the_embargo_holds(new_tab, log_in, database, public_paths):
    story_id, title = a_story(database, public_paths, 1)
    live_revision = database("SELECT live_revision_id FROM wagtailcore_page WHERE id = ?", story_id)
    go_live = datetime.combine(ambiguous_day_ahead(), time(14, 50), tzinfo=HCM)
    tab = new_tab()
    log_in(tab, "lanhdao")
    page = tab.page
    page.goto(f"/admin/pages/{story_id}/edit/")
    dialog = open_schedule_dialog(page)
    type_into(page, "#id_go_live_at", f"{go_live:%d/%m/%Y %H:%M}")
    save_schedule(page, dialog)

    footer = page.locator("footer nav.actions")
    footer.get_by_role("button", name="Thao tác khác").click()
    with page.expect_navigation():
        footer.locator("button[name=action-publish]").click()  # "Schedule to publish"
    expect(page.locator(".messages")).to_contain_text(title)

    content, approved = latest_revision(database, story_id)
    assert utc(content["go_live_at"]) == go_live
    assert approved is not None and utc(approved) == go_live  # scheduled, not published now
    assert (
        database("SELECT live_revision_id FROM wagtailcore_page WHERE id = ?", story_id)
        == live_revision
    )
    assert tab.problems() == []


def test_campaign_officer_saves_the_demo_campaign_and_types_a_new_end(new_tab, log_in, database):
    ((campaign_id, start, end),) = database(
        "SELECT id, start_date, end_date FROM campaigns_campaign WHERE code = '25/KH-UBND'"
    )
    assert end == "2026-12-31"
    tab = new_tab()
    log_in(tab, "thidua")
    page = tab.page
    edit_url = f"/admin/snippets/campaigns/campaign/edit/{campaign_id}/"
    page.goto(edit_url)
    expect(page.locator("#id_end_date")).to_have_value("31/12/2026")

    # Saved untouched: the audit's "cannot be saved".
    with page.expect_navigation():
        page.locator("footer nav.actions button.action-save").first.click()
    expect(page.locator(".messages li.success")).to_contain_text("25/KH-UBND")
    assert database("SELECT end_date FROM campaigns_campaign WHERE id = ?", campaign_id) == [
        ("2026-12-31",)
    ]

    page.goto(edit_url)
    type_into(page, "#id_end_date", "25/11/2026")
    with page.expect_navigation():
        page.locator("footer nav.actions button.action-save").first.click()
    page.goto(edit_url)
    expect(page.locator("#id_end_date")).to_have_value("25/11/2026")
    expect(page.locator("#id_start_date")).to_have_value(f"{date.fromisoformat(start):%d/%m/%Y}")
    assert database("SELECT end_date FROM campaigns_campaign WHERE id = ?", campaign_id) == [
        ("2026-11-25",)
    ]
    assert tab.problems() == []


def test_campaign_officer_corrects_a_stage_day(new_tab, log_in, database):
    ((event_id, participation_id, happened_on),) = database(
        "SELECT e.id, e.participation_id, e.happened_on FROM campaigns_stageevent e "
        "JOIN campaigns_participation p ON p.id = e.participation_id "
        "JOIN wagtailcore_page pg ON pg.id = p.exemplar_id "
        "WHERE pg.title = 'Gia đình ông Hà Văn Pản'"
    )
    tab = new_tab()
    log_in(tab, "thidua")
    page = tab.page
    page.goto(f"/admin/snippets/campaigns/participation/timeline/{participation_id}/")
    item = page.locator("#timeline li", has_text="Phát hiện")
    expect(item).to_contain_text(f"{date.fromisoformat(happened_on):%d/%m/%Y}")
    with page.expect_navigation():
        item.get_by_role("link", name="Đính chính ngày").click()
    type_into(page, "#id_corrected_on", "25/11/2026")
    page.locator("#id_reason").fill("Nhập nhầm ngày và tháng khi ghi")
    with page.expect_navigation():
        page.get_by_role("button", name="Ghi đính chính").click()

    expect(page.locator(".messages")).to_contain_text("25/11/2026")
    item = page.locator("#timeline li", has_text="Phát hiện")
    expect(item).to_contain_text(re.compile(r"^\s*25/11/2026"))
    expect(item).to_contain_text(f"ghi lần đầu {date.fromisoformat(happened_on):%d/%m/%Y}")
    assert database(
        "SELECT corrected_on, previous_on FROM campaigns_stageeventcorrection WHERE event_id = ?",
        event_id,
    ) == [("2026-11-25", happened_on)]
    assert database("SELECT happened_on FROM campaigns_stageevent WHERE id = ?", event_id) == [
        (happened_on,)
    ]
    assert tab.problems() == []
