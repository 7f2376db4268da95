"""In Chromium: the Zalo share hint stays, a withdrawn story's notice, the corrections log.

Uses the session's demo site (tests/e2e/conftest.py); the takedown is made by the demo's
editor-in-chief in the admin's own unpublish screen, then read as an anonymous reader.
"""

from playwright.sync_api import expect

PHONE = {"width": 375, "height": 812}
ZALO_HINT = "Đã sao chép liên kết, hãy dán vào Zalo để chia sẻ."
NO_SHARE_SHEET = "Object.defineProperty(Navigator.prototype, 'share', { get: () => undefined });"


def fits_the_phone(page) -> bool:
    """No sideways scrolling at 375 px."""
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    return width <= inner


def test_zalo_without_a_share_sheet_copies_the_link_and_keeps_the_hint(
    new_tab, public_paths, demo_site
):
    tab = new_tab(**PHONE, permissions=["clipboard-read", "clipboard-write"])
    page = tab.page
    page.add_init_script(NO_SHARE_SHEET)
    page.goto(public_paths["story"])
    status = page.locator(".share [role=status]")
    page.get_by_role("button", name="Zalo").click()
    expect(status).to_have_text(ZALO_HINT)
    # The copy resolves after the click: the hint must still be there once it has.
    page.wait_for_function("async () => (await navigator.clipboard.readText()).length > 0")
    page.wait_for_timeout(300)
    expect(status).to_have_text(ZALO_HINT)
    assert page.evaluate("navigator.clipboard.readText()") == demo_site + public_paths["story"]
    assert tab.problems() == [], tab.problems()


def test_editor_in_chief_takes_a_story_down_and_readers_see_the_notice(
    new_tab, log_in, public_paths, demo_site
):
    reader = new_tab(**PHONE)
    # A story other than the home page's lead (other tests read that one).
    reader.page.goto(public_paths["column"])
    story_path = reader.page.locator(".story-card__title a").last.get_attribute("href")
    title = reader.page.locator(".story-card__title a").last.inner_text().strip()

    reader.page.goto(story_path)
    page_id = reader.page.locator("script[data-page]").get_attribute("data-page")

    chief = new_tab()
    log_in(chief, "lanhdao")
    page = chief.page
    page.goto(f"/admin/pages/{page_id}/unpublish/")
    reason = "Bài viết cần xác minh lại số liệu khen thưởng."
    page.get_by_label("Lý do gỡ bài (hiện cho độc giả)").fill(reason)
    with page.expect_navigation():
        page.locator("form[action$='/unpublish/'] button[type=submit]").click()

    response = reader.page.goto(story_path)
    assert response is not None and response.status == 410
    expect(reader.page.locator("h1")).to_have_text(title)
    expect(reader.page.locator("main")).to_contain_text(reason)
    robots = reader.page.locator("meta[name=robots]")
    expect(robots).to_have_attribute("content", "noindex")
    assert fits_the_phone(reader.page)
    reader.page.get_by_role("link", name="Đính chính và gỡ bài").first.click()
    expect(reader.page.locator("h1")).to_have_text("Đính chính và gỡ bài")
    expect(reader.page.locator("ol.corrections-log li").first).to_contain_text(title)
    assert fits_the_phone(reader.page)
    # Chromium logs every non-2xx page load; the 410 itself is the point here.
    problems = [p for p in reader.problems() if "status of 410 (Gone)" not in p]
    assert problems == [], problems

    # Published again from the editor (other tests read this column): the story is back.
    page.goto(f"/admin/pages/{page_id}/edit/")
    with page.expect_navigation():
        page.locator("button[name='action-publish']").dispatch_event("click")
    assert reader.page.goto(story_path).status == 200
