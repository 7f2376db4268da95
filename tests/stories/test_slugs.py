"""Slugs keep numbers readable: "1,5 triệu" is 1-5-trieu, never 15-trieu (fifteen)."""

import json
import re

import pytest
from django.urls import reverse
from lxml import html

from stories.models import StoryPage
from tests.admin_forms import story_form_data
from vietnamese.slugs import slugify

TITLE = "Hỗ trợ 1,5 triệu đồng cho hộ trồng 2.500 cây bưởi"
EXPECTED = "ho-tro-1-5-trieu-dong-cho-ho-trong-2-500-cay-buoi"
# What Wagtail's editor copies from the title into the slug field (WAGTAIL_ALLOW_UNICODE_SLUGS:
# letters kept, punctuation dropped), before our formatter ran.
BROWSER_COPY = "hỗ-trợ-15-triệu-đồng-cho-hộ-trồng-2500-cây-bưởi"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("1,5 triệu", "1-5-trieu"),
        ("Tăng 3,5% so với năm 2024", "tang-3-5-so-voi-nam-2024"),
        ("2.500 hộ thoát nghèo", "2-500-ho-thoat-ngheo"),
        ("Giai đoạn 2021–2025", "giai-doan-2021-2025"),
        ("Đề án 06/CP: dữ liệu dân cư", "de-an-06-cp-du-lieu-dan-cu"),
        (TITLE, EXPECTED),
    ],
)
def test_separators_between_digits_become_hyphens(title, slug):
    assert slugify(title) == slug


def add_story_url(column) -> str:
    return reverse("wagtailadmin_pages:add", args=("stories", "storypage", column.pk))


def test_editor_slug_copied_from_the_title_keeps_the_decimal(client, journalist, column):
    client.force_login(journalist)
    response = client.post(add_story_url(column), story_form_data(title=TITLE, slug=BROWSER_COPY))
    assert response.status_code == 302
    assert StoryPage.objects.get().slug == EXPECTED


def test_a_slug_the_editor_wrote_is_folded_not_replaced(client, journalist, column):
    client.force_login(journalist)
    client.post(add_story_url(column), story_form_data(title=TITLE, slug="bưởi-nà-ngần"))
    assert StoryPage.objects.get().slug == "buoi-na-ngan"


def test_pages_saved_in_code_get_the_same_slug(column, image):
    story = StoryPage(title=TITLE, slug=BROWSER_COPY, sapo="Tóm tắt.", hero_image=image)
    column.add_child(instance=story)
    assert story.slug == EXPECTED


def test_the_editor_formats_numbers_before_copying_the_title(client, journalist, column):
    """The slug field tells Wagtail's slug controller to hyphenate "1,5" before it drops the
    comma; the pattern is applied here as the browser applies it."""
    client.force_login(journalist)
    page = html.fromstring(client.get(add_story_url(column)).content)
    [field] = page.xpath("//input[@name='slug']")
    formatters = json.loads(field.get("data-w-slug-formatters-value"))
    text = TITLE
    for (pattern, _flags), replacement in formatters:
        text = re.sub(pattern, replacement.replace("$", "\\"), text)
    assert text.startswith("Hỗ trợ 1-5 triệu")
    assert "2-500 cây" in text
