"""Public pages show photos as `<picture>`: AVIF and WebP sources, a JPEG `<img>`, a width
ladder and `sizes` as site.css draws them; a page with six cards makes as many queries as one
with two (renditions are prefetched)."""

from __future__ import annotations

import lxml.html
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.models import ExemplarPage
from core.models import Locality
from tests.conftest import make_image

pytestmark = pytest.mark.django_db
LEAD = "(min-width: 48rem) 46rem, calc(100vw - 2rem)"


def pictures(client, url: str, container: str) -> list:
    response = client.get(url)
    assert response.status_code == 200
    tree = lxml.html.fromstring(response.content)
    return tree.xpath(f"//*[contains(concat(' ', @class, ' '), ' {container} ')]//picture")


def assert_modern(picture, sizes: str) -> None:
    # libxml2's HTML parser does not know <source> is empty and nests what follows in it.
    sources = picture.xpath(".//source")
    assert [source.get("type") for source in sources] == ["image/avif", "image/webp"]
    (img,) = picture.xpath(".//img")
    assert img.get("src").endswith(".jpg")
    for element in (*sources, img):
        assert element.get("sizes") == sizes
        assert len(element.get("srcset").split(",")) >= 2


def queries(client, url: str) -> int:
    client.get(url)  # renditions made, caches warm
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.fixture
def add_exemplars(exemplar_index):
    commune = Locality.objects.create(name="Xã Nậm Mơ", level="commune")

    def add(count: int) -> None:
        for _ in range(count):
            number = ExemplarPage.objects.count() + 1
            page = ExemplarPage(
                title=f"Điển hình số {number}",
                kind="individual",
                field="economy",
                locality=commune,
                photo=make_image(f"Chân dung {number}", size=(600, 600)),
            )
            exemplar_index.add_child(instance=page)
            page.save_revision().publish()

    return add


def test_exemplar_directory_cards_are_pictures_and_queries_stay_flat(
    client, exemplar_index, add_exemplars
):
    add_exemplars(2)
    few = queries(client, exemplar_index.url)
    add_exemplars(4)
    assert queries(client, exemplar_index.url) == few
    found = pictures(client, exemplar_index.url, "exemplar-grid")
    assert len(found) == 6
    for picture in found:
        assert_modern(picture, "8rem")


def test_exemplar_page_photo_is_a_picture(client, exemplar_index, add_exemplars):
    add_exemplars(1)
    page = ExemplarPage.objects.get()
    (picture,) = pictures(client, page.url, "exemplar")
    assert_modern(picture, "10rem")
    assert "exemplar__photo" in picture.xpath(".//img")[0].get("class")


def test_column_cards_are_pictures_and_queries_stay_flat(client, column, make_story):
    for number in range(2):
        make_story(hero_image=make_image(f"Ảnh {number}", size=(1600, 900)))
    few = queries(client, column.url)
    for number in range(4):
        make_story(hero_image=make_image(f"Ảnh thêm {number}", size=(1600, 900)))
    assert queries(client, column.url) == few
    found = pictures(client, column.url, "story-card__image")
    assert len(found) == 6
    for picture in found:
        sizes = picture.xpath(".//img")[0].get("sizes")
        assert sizes in ("7rem", "(min-width: 48rem) 22rem, calc(100vw - 2rem)", LEAD), sizes
        assert_modern(picture, sizes)
