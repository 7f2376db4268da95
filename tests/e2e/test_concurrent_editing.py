"""Two editors in two browsers on one story: the second save never silently replaces the first."""

from playwright.sync_api import expect

from tests.e2e.test_dates import a_story, latest_revision

SAPO_A = "Biên tập viên sửa đoạn dẫn: chị Đào mở lớp xóa mù chữ từ năm 2019."
SAPO_B = "Lãnh đạo sửa đoạn dẫn cùng lúc: lớp học có hai mươi ba học viên."


def test_second_save_is_refused_and_the_first_is_kept(new_tab, log_in, database, public_paths):
    story_id, _title = a_story(database, public_paths, 4)
    edit_url = f"/admin/pages/{story_id}/edit/"
    editor, chief = new_tab(), new_tab()
    log_in(editor, "bientap")
    log_in(chief, "lanhdao")
    editor.page.goto(edit_url)
    chief.page.goto(edit_url)

    editor.page.locator("#id_sapo").fill(SAPO_A)
    with editor.page.expect_navigation():
        editor.page.locator("footer nav.actions button.action-save").first.click()
    expect(editor.page.locator(".messages")).not_to_contain_text("không thể")
    assert latest_revision(database, story_id)[0]["sapo"] == SAPO_A

    page = chief.page
    page.locator("#id_sapo").fill(SAPO_B)
    page.locator("footer nav.actions button.action-save").first.click()
    # Wagtail's own warning comes first when its ping has already seen the newer version.
    dialog = page.locator("#w-save-confirmation-dialog")
    page.wait_for_timeout(1000)
    if dialog.is_visible():
        dialog.locator("[data-w-dialog-target=confirm]").click()
    expect(page.locator(".messages")).to_contain_text("đã lưu trang này lúc")
    expect(page.locator("#id_sapo")).to_have_value(SAPO_B)
    assert latest_revision(database, story_id)[0]["sapo"] == SAPO_A
    assert editor.problems() == []
    assert chief.problems() == []
