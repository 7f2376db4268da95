"""Hidden search terms ("Từ khóa không hiển thị"): kept by editors and the editor-in-chief in
the admin, matched without diacritics, gone from "popular searches" on the next request."""

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from search.models import HiddenSearchTerm

from ..admin_login import signed_in

SEARCH = "/tim-kiem/"
ADD = "/admin/snippets/lantoa_search/hiddensearchterm/add/"
RUMOUR = "Tin đồn về lãnh đạo tỉnh"
FESTIVAL = "lễ hội hoa ban"


def popular(client) -> list[str]:
    """The "popular searches" list as a reader's browser shows it."""
    html = BeautifulSoup(client.get(SEARCH).content, "html.parser")
    return [link.get_text(strip=True) for link in html.select("ul.search-popular li a")]


@pytest.fixture
def searched(rf, db):
    """Both queries asked by five readers from five addresses, rolled up: both are popular."""
    from engagement.rollups import rollup_day
    from engagement.services import record_search

    for query in (RUMOUR, FESTIVAL):
        for number in range(5):
            request = rf.get(
                SEARCH,
                HTTP_USER_AGENT=f"Mozilla/5.0 (Android 14) Chrome/{120 + number}.0 Mobile",
                REMOTE_ADDR=f"198.51.100.{number + 1}",
            )
            assert record_search(request, query, 3)
    rollup_day(timezone.localdate())


@pytest.mark.parametrize(
    ("query", "hidden"),
    [
        (RUMOUR, True),
        ("TIN ĐỒN", True),
        ("tin  đồn!", True),
        ("tin don lanh dao", True),
        ("tin đông", False),
        ("đồn biên phòng", False),
        ("bản tin", False),
    ],
)
def test_phrases_match_without_diacritics_word_by_word(db, query, hidden):
    HiddenSearchTerm.objects.create(phrase="tin don")
    assert HiddenSearchTerm.hides(query) is hidden


def test_editor_hides_a_phrase_in_the_admin_and_it_leaves_the_search_page_at_once(
    client, editor, searched
):
    assert popular(client) == [FESTIVAL, RUMOUR]
    admin = signed_in(editor)
    form = BeautifulSoup(admin.get(ADD).content, "html.parser")
    assert form.select_one("label[for=id_phrase]").get_text(strip=True).startswith("Từ hoặc cụm từ")
    response = admin.post(ADD, {"phrase": "tin don", "reason": "Tin bịa đặt về lãnh đạo."})
    assert response.status_code == 302
    assert popular(client) == [FESTIVAL]  # the page cached a moment ago is retired
    # Listed in the admin, found by its folded form too.
    listing = admin.get("/admin/snippets/lantoa_search/hiddensearchterm/", {"q": "tin don"})
    assert "tin don" in BeautifulSoup(listing.content, "html.parser").select_one("table").text


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        ("Tin Đồn", "Cụm từ này đã có trong danh sách không hiển thị"),
        ("  !!! ", "Vui lòng nhập ít nhất một từ."),
    ],
)
def test_duplicates_and_empty_phrases_are_refused_in_vietnamese(editor, db, phrase, message):
    HiddenSearchTerm.objects.create(phrase="tin don")
    response = signed_in(editor).post(ADD, {"phrase": phrase, "reason": ""})
    assert response.status_code == 200
    errors = BeautifulSoup(response.content, "html.parser").select(".error-message")
    assert any(message in error.get_text() for error in errors), [e.get_text() for e in errors]
    assert HiddenSearchTerm.objects.count() == 1


def test_editor_in_chief_removes_a_phrase_and_the_query_comes_back(
    client, editor_in_chief, searched
):
    term = HiddenSearchTerm.objects.create(phrase="tin đồn")
    assert popular(client) == [FESTIVAL]
    admin = signed_in(editor_in_chief)
    delete = f"/admin/snippets/lantoa_search/hiddensearchterm/delete/{term.pk}/"
    assert admin.post(delete).status_code == 302
    assert RUMOUR in popular(client)


@pytest.mark.parametrize("role", ["journalist", "campaign_officer"])
def test_other_roles_cannot_keep_the_list(request, db, role):
    user = request.getfixturevalue(role)
    admin = signed_in(user)
    assert admin.get(ADD).status_code in (302, 403)
    admin.post(ADD, {"phrase": "lễ hội", "reason": ""})
    assert HiddenSearchTerm.objects.count() == 0
