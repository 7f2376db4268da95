"""Screenshots for a human to look at: tests/e2e/screenshots/ (git-ignored).

They assert little beyond "the page rendered something of a plausible size"; their value is the
picture. `make test-e2e` rewrites them on every run.
"""

from PIL import Image

from .conftest import SCREENSHOT_DIR, load_every_image


def _shoot(tab, path: str, name: str) -> None:
    page = tab.page
    response = page.goto(path)
    assert response is not None and response.status == 200
    load_every_image(page)  # lazy ones too, so the full-page picture shows them
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOT_DIR / name
    page.screenshot(path=str(target), full_page=True)
    width, height = Image.open(target).size
    viewport = page.viewport_size
    assert width == viewport["width"], (name, width)
    assert height >= viewport["height"], (name, height)
    assert tab.problems() == [], tab.problems()


def test_home_desktop_screenshot(new_tab):
    _shoot(new_tab(width=1280, height=900), "/", "home-desktop.png")


def test_story_mobile_screenshot(new_tab, public_paths):
    _shoot(new_tab(width=375, height=812), public_paths["story"], "story-mobile.png")


def test_exemplar_directory_mobile_screenshot(new_tab, public_paths):
    _shoot(
        new_tab(width=375, height=812),
        public_paths["exemplar_directory"],
        "exemplar-directory-mobile.png",
    )
