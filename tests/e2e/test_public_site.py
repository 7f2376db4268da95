"""The reader's side in a real browser: layout at phone width, keyboard access, sharing, print.

The pages are found the way a reader finds them (the menu, the home page's lead story, the
document list), so the tests follow the demo content rather than hard-coded addresses.
"""

import re

import pytest
from playwright.sync_api import expect

from .conftest import load_every_image

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
PAGE_KINDS = ["home", "column", "story", "exemplar_directory", "legal_document"]


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_is_clean_on_a_phone(new_tab, public_paths, kind):
    tab = new_tab(**PHONE)
    page = tab.page
    response = page.goto(public_paths[kind])
    assert response is not None and response.status == 200, (kind, response and response.status)
    load_every_image(page)

    # No horizontal scroll at 375px.
    scroll_width, inner_width = page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll_width <= inner_width, (
        f"{public_paths[kind]} scrolls sideways at {inner_width}px: {scroll_width}px wide; "
        "widest elements: "
        + str(
            page.evaluate(
                """[...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className)"""
            )
        )
    )

    # Every image has an alt attribute (empty is fine for decorative ones) and loaded.
    images = page.evaluate(
        """[...document.images].map(img => ({
            src: img.currentSrc || img.src,
            alt: img.getAttribute('alt'),
            loaded: img.complete && img.naturalWidth > 0,
        }))"""
    )
    assert [img["src"] for img in images if img["alt"] is None] == []
    assert [img["src"] for img in images if not img["loaded"]] == []

    # One <h1> per page.
    expect(page.locator("h1")).to_have_count(1)

    # The skip link: hidden above the page until the first Tab, then visible; Enter moves the
    # focus to <main>.
    skip = page.get_by_role("link", name="Bỏ qua để tới nội dung chính")
    box = skip.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 0, f"skip link on screen: {box}"
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0 and box["x"] >= 0, f"skip link off screen: {box}"
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.tagName") == "MAIN"

    assert tab.problems() == [], tab.problems()


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_is_clean_on_a_desktop(new_tab, public_paths, kind):
    tab = new_tab(**DESKTOP)
    page = tab.page
    response = page.goto(public_paths[kind])
    assert response is not None and response.status == 200
    load_every_image(page)
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("header.site-header")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert tab.problems() == [], tab.problems()


def test_story_page(new_tab, public_paths):
    tab = new_tab(**PHONE)
    page = tab.page
    page.goto(public_paths["story"])
    expect(page.locator("h1")).to_have_count(1)
    title = page.locator("h1").inner_text()
    assert title.strip()
    expect(page).to_have_title(re.compile(re.escape(title.strip())))
    expect(page.locator("figure.hero img")).to_have_attribute("alt", re.compile(r"\S"))
    assert tab.problems() == [], tab.problems()


def test_copy_link_shows_a_status_message(new_tab, public_paths, demo_site):
    tab = new_tab(**PHONE, permissions=["clipboard-read", "clipboard-write"])
    page = tab.page
    page.goto(public_paths["story"])
    status = page.locator(".share [role=status]")
    expect(status).to_have_text("")
    page.get_by_role("button", name="Sao chép liên kết").click()
    expect(status).to_have_text("Đã sao chép liên kết.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == demo_site + public_paths["story"]
    assert tab.problems() == [], tab.problems()


def test_copy_link_without_clipboard_offers_the_link_to_copy(new_tab, public_paths, demo_site):
    """Plain http on a newsroom LAN address has no clipboard API: the link is shown instead."""
    tab = new_tab(**PHONE)
    page = tab.page
    page.add_init_script(
        "Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });"
    )
    page.goto(public_paths["story"])
    prompts = []

    def answer(dialog):
        prompts.append((dialog.type, dialog.default_value))
        dialog.accept()

    page.on("dialog", answer)
    with page.expect_event("dialog"):
        page.get_by_role("button", name="Sao chép liên kết").click()
    assert prompts == [("prompt", demo_site + public_paths["story"])]


def test_print_view_hides_header_and_share_bar(new_tab, public_paths):
    tab = new_tab(**DESKTOP)
    page = tab.page
    page.goto(public_paths["story"])
    expect(page.locator(".site-header")).to_be_visible()
    expect(page.locator(".share")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".share")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".story__body")).to_be_visible()


def test_exemplar_directory_filters_by_field(new_tab, public_paths):
    tab = new_tab(**DESKTOP)
    page = tab.page
    page.goto(public_paths["exemplar_directory"])
    cards = page.locator(".exemplar-card")
    total = cards.count()
    assert total > 1
    count_text = page.locator(".result-count")
    expect(count_text).to_have_text(f"{total} gương điển hình")

    field_label = "Giáo dục và đào tạo"
    page.get_by_label("Lĩnh vực").select_option(label=field_label)
    with page.expect_navigation():
        page.get_by_role("button", name="Lọc").click()
    expect(page).to_have_url(re.compile(r"[?&]field=education(&|$)"))
    expect(page.get_by_label("Lĩnh vực")).to_have_value("education")
    filtered = cards.count()
    assert 0 < filtered < total
    expect(count_text).to_have_text(f"{filtered} gương điển hình")
    for meta in page.locator(".exemplar-card__meta").all_inner_texts():
        assert meta.endswith(f"· {field_label}"), meta
    expect(page.get_by_role("link", name="Lò Văn Thắm")).to_be_visible()

    page.get_by_role("link", name="Bỏ lọc").click()
    expect(cards).to_have_count(total)
    assert tab.problems() == [], tab.problems()
