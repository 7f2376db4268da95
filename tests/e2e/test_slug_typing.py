"""A title typed with a decimal number keeps the number in the slug, in the real page editor:
"1,5 triệu" is 1-5-trieu (one and a half), never 15-trieu (fifteen)."""

import re

from playwright.sync_api import expect

COLUMN = "Gương sáng đời thường"
TITLE = "Hỗ trợ 1,5 triệu đồng cho 2.500 hộ trồng bưởi"
SAPO = "Mỗi hộ trồng bưởi ở xã được hỗ trợ một khoản vốn nhỏ để mua cây giống và phân bón."


def test_slug_from_a_title_with_a_decimal_number(new_tab, log_in):
    journalist = new_tab()
    log_in(journalist, "phongvien")
    page = journalist.page
    page.goto("/admin/pages/")
    page.get_by_role("link", name="Xem các trang con của “Lan Tỏa”").click()
    page.get_by_role("link", name=f"Xem các trang con của “{COLUMN}”").click()
    page.get_by_role("link", name="Thêm trang con").first.click()
    if "/add_subpage/" in page.url:
        page.get_by_role("link", name="Bài viết", exact=True).click()
    expect(page).to_have_url(re.compile(r"/admin/pages/add/stories/storypage/\d+/$"))

    title = page.locator("#id_title")
    title.click()
    title.press_sequentially(TITLE, delay=10)
    title.blur()
    slug = page.locator("#id_slug")
    # Wagtail's slug controller, with our formatter, as the journalist sees it.
    expect(slug).to_have_value(re.compile(r"^hỗ-trợ-1-5-triệu-đồng-cho-2-500-hộ"))

    page.locator("#id_sapo").fill(SAPO)
    form = page.locator("form[data-edit-form]")
    if int(form.get_attribute("data-w-autosave-interval-value") or 0) > 0:
        expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    else:
        with page.expect_navigation():
            page.locator("footer nav.actions button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    page.reload()
    expect(page.locator("#id_slug")).to_have_value("ho-tro-1-5-trieu-dong-cho-2-500-ho-trong-buoi")
