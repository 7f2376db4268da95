"""An engine that does not answer is a friendly 503 for readers, never a 500; a SEARCH_URL the
site cannot use fails `manage.py check`."""

import json
import logging

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection
from django.test import override_settings
from lxml import html

from search.backends import get_backend

UNREACHABLE = "elasticsearch://127.0.0.1:1/lantoa"  # a real closed port, not a mock


@pytest.fixture
def unreachable_engine(settings):
    settings.SEARCH_URL = UNREACHABLE
    get_backend.cache_clear()
    yield
    get_backend.cache_clear()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [{"q": "dien hinh"}, {"q": '"người tốt"'}, {"q": "bưởi", "page": "3", "sap_xep": "date"}],
)
def test_results_page_is_a_vietnamese_503_with_retry_after(
    client, unreachable_engine, params, caplog
):
    with caplog.at_level(logging.ERROR, logger="search.queries"):
        response = client.get("/tim-kiem/", params)
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert response["Cache-Control"] == "no-store"
    page = html.fromstring(response.content)
    assert page.xpath("string(//h1)").strip() == "Tìm kiếm tạm gián đoạn"
    assert "thử lại sau ít phút" in page.xpath("string(//*[@role='alert'])")
    [box] = page.xpath("//main//input[@name='q']")
    assert box.get("value") == params["q"]  # what the reader typed, ready to try again
    assert any("unavailable" in record.getMessage() for record in caplog.records)


@pytest.mark.django_db
def test_suggestions_answer_json_503(client, unreachable_engine):
    response = client.get("/tim-kiem/goi-y/?q=dien+hinh")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert int(response["Retry-After"]) > 0
    assert response["Access-Control-Allow-Origin"] == "*"
    data = json.loads(response.content)
    assert data["results"] == [] and data["error"] == "unavailable"
    assert data["query"] == "dien hinh"
    assert "thử lại" in data["message"]


@pytest.mark.django_db
def test_an_empty_query_never_touches_the_engine(client, unreachable_engine):
    assert client.get("/tim-kiem/").status_code == 200
    assert json.loads(client.get("/tim-kiem/goi-y/?q=").content)["results"] == []


@pytest.mark.django_db
def test_the_engine_coming_back_answers_again(client, settings, make_story):
    story = make_story("Người gác đèn biển")
    settings.SEARCH_URL = UNREACHABLE
    get_backend.cache_clear()
    assert client.get("/tim-kiem/?q=den+bien").status_code == 503
    settings.SEARCH_URL = "postgres://" if connection.vendor == "postgresql" else "sqlite-fts5://"
    get_backend.cache_clear()
    response = client.get("/tim-kiem/?q=den+bien")
    assert response.status_code == 200
    assert story.url in response.content.decode()


def check_errors(url: str) -> list[str]:
    with override_settings(SEARCH_URL=url):
        try:
            call_command("check")
        except SystemCheckError as error:
            return [line for line in str(error).splitlines() if "lantoa_search." in line]
    return []


@pytest.mark.parametrize(
    ("url", "check_id", "says"),
    [
        ("solr://127.0.0.1:8983/x", "E001", "unknown search engine 'solr'"),
        ("sqlite-fts5", "E002", "not a URL"),
        ("elasticsearch://127.0.0.1:abc/x", "E002", "not a valid URL"),
        ("elasticsearch://[::1/x", "E002", "not a valid URL"),
        ("elasticsearch://127.0.0.1:9200/Lan/Toa", "E002", "not a valid Elasticsearch alias"),
        ("elasticsearch://", "E003", "without a host"),
        ("elasticsearch:///lantoa", "E003", "without a host"),
    ],
)
def test_invalid_search_url_fails_the_check(url, check_id, says):
    [error] = check_errors(url)
    assert f"(lantoa_search.{check_id})" in error
    assert "SEARCH_URL" in error and says in error


@pytest.mark.django_db
def test_an_engine_inside_the_wrong_database_fails_the_check():
    if connection.vendor == "sqlite":
        [error] = check_errors("postgres://")
        assert "(lantoa_search.E004)" in error and "sqlite" in error
    else:
        [error] = check_errors("sqlite-fts5://")
        assert "(lantoa_search.E005)" in error and "postgresql" in error


@pytest.mark.parametrize(
    "url",
    [
        "elasticsearch://127.0.0.1:1/lantoa",
        "elasticsearch+https://search.example:9243/lantoa-2026",
        "elasticsearch://[::1]:9200/",
    ],
)
def test_valid_search_urls_pass_the_check(url):
    assert check_errors(url) == []
