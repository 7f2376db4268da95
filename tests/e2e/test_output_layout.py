"""Layout as Chromium draws it (issue 17): the presenter's script page fits a 390 px phone (its
airing link is one long word), and card images are fetched at about the size they are drawn."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import REPO_ROOT, load_every_image

PHONE = {"width": 390, "height": 844}

# A radio story of the demo and a station that takes it, read from the stack's database.
FIND_SCRIPT = """
import json
from stories.models import StoryPage
from syndication.models import Outlet
outlet = next(o for o in Outlet.objects.order_by("pk") if o.is_radio)
story = StoryPage.objects.live().filter(channels__code__in=outlet.channel_codes).first()
print(json.dumps({"outlet": outlet.pk, "token": outlet.token, "story": story.pk}))
"""


@pytest.fixture
def presenter_path(stack) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", FIND_SCRIPT],
        cwd=REPO_ROOT,
        env=stack.env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    found = json.loads(result.stdout.strip().splitlines()[-1])
    path = f"/radio/outlet/{found['outlet']}/script/{found['story']}/"
    return path + (f"?token={found['token']}" if found["token"] else "")


def test_presenter_page_fits_a_phone(new_tab, presenter_path):
    tab = new_tab(**PHONE)
    page = tab.page
    response = page.goto(presenter_path)
    assert response is not None and response.status == 200
    link = page.locator(".radio-script__qr a")
    assert len(link.inner_text()) > 60  # the long, unbroken airing link is there
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= PHONE["width"], (
        f"the presenter page is {scroll_width}px wide on a {PHONE['width']}px phone"
    )
    assert tab.problems() == [], tab.problems()


@pytest.mark.parametrize("width", [390, 1280])
def test_card_images_are_fetched_about_the_size_drawn(new_tab, public_paths, width):
    tab = new_tab(width=width, height=900)
    page = tab.page
    for kind in ("home", "column", "story"):
        page.goto(public_paths[kind])
        load_every_image(page)
        cards = page.evaluate(
            """() => [...document.querySelectorAll('.story-card__image img')].map(img => ({
                src: img.currentSrc, natural: img.naturalWidth, drawn: img.clientWidth,
                srcset: img.getAttribute('srcset'), sizes: img.getAttribute('sizes'),
            }))"""
        )
        assert cards, kind
        ratio = page.evaluate("window.devicePixelRatio")
        for card in cards:
            assert card["srcset"] and card["sizes"], (kind, card)
            # Never more than twice the pixels it takes on screen (plus the smallest
            # rendition's slack); before srcset, a 112 px thumbnail fetched 640 px.
            assert card["natural"] <= max(2 * card["drawn"] * ratio, 160), (kind, width, card)
    assert tab.problems() == [], tab.problems()
