"""The reader-facing pages: results, filters, pagination, empty states and hostile input."""

import pytest
from django.urls import reverse
from django.utils import timezone

from search.backends.base import IndexedDocument

SEARCH = "/tim-kiem/"

HOSTILE = [
    "",
    " ",
    "a" * 2000,
    "điển " * 400,
    '"',
    '""',
    '"unterminated phrase',
    "*",
    "bưởi*",
    "NEAR(a b)",
    "NEAR/2",
    "a AND b OR NOT c",
    "AND",
    "-bưởi",
    "title:bưởi",
    "{title body}: x",
    "(((",
    ")",
    "^start",
    "'; DROP TABLE lantoa_search_searchdocument; --",
    "1' OR '1'='1",
    "%_\\",
    "\x00\x01\x02",
    "tab\tnew\nline\r",
    "\u202eRLO \u200b zero width",
    "😀🇻🇳 bưởi 👍",
    "&<>!|:'",
    "<script>alert(1)</script>",
]


@pytest.fixture
def corpus(indexed):
    return indexed(
        IndexedDocument(
            1,
            "story",
            "Đàm Thị Thu Hà làm giàu từ bưởi",
            "/a/",
            body="Chị Hà là một điển hình tiên tiến của huyện.",
            column_id=5,
            column_title="Gương sáng đời thường",
            tags=[("buoi", "Bưởi")],
        ),
        IndexedDocument(
            2,
            "exemplar",
            "Đàm Thị Thu Hà",
            "/b/",
            body="Nông dân sản xuất giỏi",
            exemplar_field="economy",
        ),
        IndexedDocument(3, "document", "Kế hoạch thi đua năm 2025", "/c/", body="Ủy ban nhân dân"),
    )


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_queries_never_fail_the_page(client, corpus, text):
    response = client.get(SEARCH, {"q": text})
    assert response.status_code in (200, 400)
    assert b"<script>alert(1)</script>" not in response.content


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_queries_never_fail_the_suggest_endpoint(client, corpus, text):
    response = client.get(reverse("search_suggest"), {"q": text})
    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)


@pytest.mark.parametrize(
    "raw",
    [
        "q=%ED%A0%80",
        "q=%ff%fe",
        "q=%00",
        "q=a&page=abc",
        "q=a&page=-1",
        "q=a&page=99999999999",
        "q=a&page=0",
        "q=a&tu_ngay=2025-13-45",
        "q=a&chuyen_muc=abc",
        "q=a&dia_ban=99999999999999",
        "q=a&sap_xep=drop",
        "q=a&loai=nothing",
        "q=%22&q=x",
        "q[]=1",
    ],
)
def test_odd_parameters_never_fail(client, corpus, raw):
    assert client.get(f"{SEARCH}?{raw}").status_code == 200
    assert client.get(f"{reverse('search_suggest')}?{raw}").status_code == 200


def test_results_page_highlights_and_counts_facets(client, corpus):
    response = client.get(SEARCH, {"q": "dam thi thu ha"})
    html = response.content.decode()
    assert "<mark>Đàm</mark>" in html or "<mark>Hà</mark>" in html
    assert "2 kết quả" in html
    assert "Gương sáng đời thường" in html  # column facet
    assert "loai=exemplar" in html


def test_filter_by_kind(client, corpus):
    html = client.get(SEARCH, {"q": "dam thi thu ha", "loai": "exemplar"}).content.decode()
    assert 'href="/b/"' in html
    assert 'href="/a/"' not in html


def test_sort_by_date_and_bad_page_shows_last_page(client, indexed):
    indexed(*[(f"Gương sáng {n}", "bưởi da xanh") for n in range(15)])
    response = client.get(SEARCH, {"q": "buoi", "page": "999", "sap_xep": "date"})
    assert response.status_code == 200
    assert "Trang 2 / 2" in response.content.decode()


def _searched(rf, query: str, result_count: int, readers: int = 5) -> None:
    """Readers' searches as engagement records and rolls them up (the beacon's server side):
    one each from `readers` addresses (popular searches need five, ENGAGEMENT_POPULAR_*)."""
    from engagement.rollups import rollup_day
    from engagement.services import record_search

    for number in range(readers):
        request = rf.get(
            SEARCH,
            HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
            REMOTE_ADDR=f"198.51.100.{number + 1}",
        )
        assert record_search(request, query, result_count)
    rollup_day(timezone.localdate())


def test_empty_state_offers_did_you_mean_and_popular_searches(client, rf, corpus):
    _searched(rf, "bưởi", 3)  # a popular search with results
    _searched(rf, "khongcotu", 0)  # found nothing: never offered as popular
    html = client.get(SEARCH, {"q": "bưởi khongcotu"}).content.decode()
    assert "Không tìm thấy kết quả nào" in html
    assert "Có phải bạn muốn tìm" in html
    assert "?q=b%C6%B0%E1%BB%9Fi" in html
    assert "Tìm kiếm phổ biến" in html
    assert "?q=khongcotu" not in html


def test_suggest_returns_titles_and_exemplar_names(client, corpus):
    data = client.get(reverse("search_suggest"), {"q": "dam th"}).json()
    assert data["results"][0] == {
        "title": "Đàm Thị Thu Hà",
        "url": "/b/",
        "kind": "exemplar",
        "kind_label": "Gương điển hình",
    }
    assert len(data["results"]) == 2


def test_english_alias_redirects(client):
    response = client.get("/search/?q=buoi")
    assert response.status_code == 301
    assert response["Location"] == "/tim-kiem/?q=buoi"


def test_header_has_a_search_box(client, home):
    html = client.get("/").content.decode()
    assert 'action="/tim-kiem/"' in html


def test_too_long_query_is_truncated_and_said(client, corpus):
    html = client.get(SEARCH, {"q": "bưởi " * 500}).content.decode()
    assert "chỉ dùng 200 ký tự đầu" in html


def test_did_you_mean_drops_an_unknown_leading_syllable(client, corpus):
    html = client.get(SEARCH, {"q": "xyzxyz nong dan"}).content.decode()
    assert 'Có phải bạn muốn tìm <a href="?q=nong%20dan">nong dan</a>' in html


def test_showing_results_writes_nothing(client, corpus):
    """The results page is a read (and publicly cacheable): counting is engagement's beacon."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Site

    from core.models import SiteSettings

    SiteSettings.for_site(Site.objects.get(is_default_site=True))  # Wagtail makes it on demand
    with CaptureQueriesContext(connection) as queries:
        assert client.get(SEARCH, {"q": "dam thi thu ha"}).status_code == 200
    sql = [query["sql"].lstrip().upper() for query in queries]
    assert [text for text in sql if text.startswith(("INSERT", "UPDATE"))] == []


def test_results_page_tells_the_beacon_how_many_results(client, corpus):
    """engagement's beacon reads data-result-count to flag searches that found nothing."""
    found = client.get(SEARCH, {"q": "dam thi thu ha"}).content.decode()
    assert 'data-result-count="2"' in found
    nothing = client.get(SEARCH, {"q": "khongcotunay"}).content.decode()
    assert 'data-result-count="0"' in nothing


# Long: started first so the workers end together (tests/conftest.py).
pytestmark = pytest.mark.slow
