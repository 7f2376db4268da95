"""Editors keep the abbreviations readers type ("Từ viết tắt khi tìm kiếm") in the admin; other
roles cannot; bad entries are refused in Vietnamese and change nothing."""

import lxml.html
import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from search.backends.base import IndexedDocument
from search.models import SearchSynonym

from ..admin_login import signed_in

LISTING = "/admin/snippets/lantoa_search/searchsynonym/"
ADD = LISTING + "add/"
SEARCH = "/tim-kiem/"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def found(client, q: str) -> list[str]:
    """The results' titles as a reader's browser shows them."""
    page = lxml.html.fromstring(client.get(SEARCH, {"q": q}).content.decode())
    return [
        a.text_content().strip() for a in page.xpath("//*[contains(@class, 'search-hit')]//h2/a")
    ]


def errors(response) -> list[str]:
    html = BeautifulSoup(response.content, "html.parser")
    return [error.get_text(" ", strip=True) for error in html.select(".error-message")]


@pytest.fixture
def food_story(indexed):
    return indexed(
        IndexedDocument(
            1, "story", "Bếp ăn bán trú đạt chuẩn", "/a/", body="Bảo đảm an toàn thực phẩm."
        )
    )


def test_editor_adds_an_abbreviation_and_readers_find_the_words_in_full(client, editor, food_story):
    assert found(client, "attp") == []
    admin = signed_in(editor)
    form = BeautifulSoup(admin.get(ADD).content, "html.parser")
    assert (
        form.select_one("label[for=id_abbreviation]").get_text(strip=True).startswith("Từ viết tắt")
    )
    assert form.select_one("label[for=id_meaning]").get_text(strip=True).startswith("Nghĩa")
    response = admin.post(ADD, {"abbreviation": "ATTP", "meaning": "an toàn  thực phẩm"})
    assert response.status_code == 302
    entry = SearchSynonym.objects.get(folded_abbreviation="attp")
    assert (entry.meaning, entry.folded_meaning) == ("an toàn thực phẩm", "an toan thuc pham")
    assert found(client, "attp") == ["Bếp ăn bán trú đạt chuẩn"]
    listing = BeautifulSoup(admin.get(LISTING, {"q": "attp"}).content, "html.parser")
    assert "an toàn thực phẩm" in listing.select_one("table").get_text()


def test_editor_in_chief_changes_and_removes_a_seeded_entry(editor_in_chief, db):
    admin = signed_in(editor_in_chief)
    entry = SearchSynonym.objects.get(folded_abbreviation="tp")
    edit = f"{LISTING}edit/{entry.pk}/"
    response = admin.post(edit, {"abbreviation": "TP", "meaning": "thành phố trực thuộc tỉnh"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.folded_meaning == "thanh pho truc thuoc tinh"
    assert admin.post(f"{LISTING}delete/{entry.pk}/").status_code == 302
    assert not SearchSynonym.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize("role", ["journalist", "campaign_officer"])
def test_other_roles_cannot_keep_the_list(request, db, role):
    admin = signed_in(request.getfixturevalue(role))
    before = SearchSynonym.objects.count()
    assert admin.get(ADD).status_code in (302, 403)
    admin.post(ADD, {"abbreviation": "ATTP", "meaning": "an toàn thực phẩm"})
    entry = SearchSynonym.objects.get(folded_abbreviation="htx")
    admin.post(f"{LISTING}delete/{entry.pk}/")
    assert SearchSynonym.objects.count() == before


@pytest.mark.parametrize(
    ("abbreviation", "meaning", "message"),
    [
        ("htx", "hợp tác xã", "Từ viết tắt này đã có trong danh sách"),  # seeded as "HTX"
        ("Đtn", "đoàn thanh niên", "Từ viết tắt này đã có trong danh sách"),
        ("  !!! ", "an toàn thực phẩm", "Vui lòng nhập từ viết tắt"),
        ("ATTP", " -- ", "Vui lòng nhập nghĩa đầy đủ"),
        ("ATTP", "attp", "Nghĩa đầy đủ phải khác từ viết tắt"),
        ("UB ND T H", "ủy ban nhân dân tỉnh", "Từ viết tắt quá dài: tối đa 3 từ"),
        ("ATTP", "an toàn vệ sinh thực phẩm nơi bếp ăn tập thể", "Quá dài: tối đa 8 từ"),
        ("A" * 31, "an toàn thực phẩm", "tối đa 30"),
    ],
)
def test_bad_entries_are_refused_in_vietnamese_and_change_nothing(
    editor, db, abbreviation, meaning, message
):
    before = SearchSynonym.objects.count()
    response = signed_in(editor).post(ADD, {"abbreviation": abbreviation, "meaning": meaning})
    assert response.status_code == 200
    assert any(message in error for error in errors(response)), errors(response)
    assert SearchSynonym.objects.count() == before


@override_settings(TASKS=DATABASE_TASKS)
def test_a_change_queues_the_engine_update_once_committed(
    editor, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        signed_in(editor).post(ADD, {"abbreviation": "ATTP", "meaning": "an toàn thực phẩm"})
    # (the admin's own index of snippets queues its update too: modelsearch's task)
    queued = DBTaskResult.objects.filter(task_path__startswith="search.")
    assert list(queued.values_list("task_path", flat=True)) == ["search.tasks.sync_synonyms"]
