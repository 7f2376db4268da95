"""The admin's own searches fold Vietnamese: an editor typing "vuon uom" finds "Vườn ươm", as
readers' search does (before: 0 pages for "vuon uom", 2 for "Vườn ươm")."""

import lxml.html
import pytest

from stories.models import Author
from tests.admin_login import signed_in
from tests.conftest import make_image


def _titles(client, path: str, q: str, xpath: str) -> list[str]:
    response = client.get(path, {"q": q})
    assert response.status_code == 200
    document = lxml.html.fromstring(response.content.decode())
    texts = {" ".join(node.text_content().split()) for node in document.xpath(xpath)}
    return sorted(texts - {"Sửa"})  # the row's own "edit" action links to the same page


@pytest.fixture
def stories(make_story):
    return [
        make_story("Vườn ươm doanh nghiệp trẻ"),
        make_story("Vườn ươm tài năng âm nhạc", live=False),  # a draft: the admin finds it too
        make_story("Nuôi ong dưới tán rừng"),
    ]


PAGE_TITLES = "//table//td[contains(@class, 'title')]//a[contains(@href, '/edit/')]"


@pytest.mark.parametrize("q", ["vuon uom", "Vườn ươm", "VUON UOM", "vườn ươm"])
def test_the_page_search_finds_the_same_pages_with_or_without_diacritics(editor, stories, q):
    titles = _titles(signed_in(editor), "/admin/pages/search/", q, PAGE_TITLES)
    assert titles == ["Vườn ươm doanh nghiệp trẻ", "Vườn ươm tài năng âm nhạc"]


def test_tones_still_tell_words_apart_in_the_index(editor, stories):
    # "ong" (bee) is in a title; "ông" is not: folded, both match, as in readers' search.
    titles = _titles(signed_in(editor), "/admin/pages/search/", "ong", PAGE_TITLES)
    assert titles == ["Nuôi ong dưới tán rừng"]


def test_the_photo_library_finds_photos_without_diacritics(journalist, db):
    for title in ("Cánh đồng lúa chín vàng", "Lễ hội đền Hùng"):
        photo = make_image(title)
        photo.uploaded_by_user = journalist  # a journalist's library lists their own uploads
        photo.save()
    client = signed_in(journalist)
    response = client.get("/admin/images/", {"q": "canh dong lua"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cánh đồng lúa chín vàng" in html and "Lễ hội đền Hùng" not in html


def test_the_author_snippet_search_folds_too(editor, db):
    Author.objects.create(name="Nguyễn Thị Hường", slug="nguyen-thi-huong")
    Author.objects.create(name="Trần Văn Bảo", slug="tran-van-bao")
    response = signed_in(editor).get("/admin/snippets/stories/author/", {"q": "nguyen thi huong"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nguyễn Thị Hường" in html and "Trần Văn Bảo" not in html


def test_page_models_still_extend_page_search_fields_for_wagtails_check():
    from django.core import checks

    assert not [e for e in checks.run_checks() if e.id == "wagtailsearch.W001"]
