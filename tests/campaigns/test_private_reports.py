"""Campaign reports are staff files: kept in the private storage, read through the report
screens by those who may read reports, and moved there from /media/ by the data migration."""

from __future__ import annotations

import importlib
import io

import lxml.html
import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from openpyxl import Workbook, load_workbook

from campaigns.models import CampaignReport
from tests.admin_login import signed_in

pytestmark = pytest.mark.django_db

BASE = "/admin/snippets/campaigns/campaign"
MESSAGE = "Chỉ cán bộ thi đua – khen thưởng và lãnh đạo biên tập được xem báo cáo phong trào."
migration = importlib.import_module("campaigns.migrations.0010_reports_in_private_storage")


def spreadsheet(text: str) -> bytes:
    book = Workbook()
    book.active["A1"] = text
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def old_report(campaign):
    """A finished report as the task worker wrote it before: in the public media storage."""
    name = storages["default"].save(
        "campaign-reports/bao-cao-60-kh-ubnd-2024-ca-nam.xlsx",
        ContentFile(spreadsheet("Báo cáo tổng kết năm 2024")),
    )
    report = CampaignReport.objects.create(
        campaign=campaign, year=2024, half=0, status="done", progress=100
    )
    CampaignReport.objects.filter(pk=report.pk).update(file=name)
    yield CampaignReport.objects.get(pk=report.pk)
    for alias in ("default", "private"):
        storages[alias].delete(name)


def test_the_migration_moves_old_reports_into_private_storage_and_back(old_report, client):
    name = old_report.file.name
    assert client.get(f"/media/{name}").status_code == 404  # refused even before the move
    migration.to_private(apps, None)
    assert not storages["default"].exists(name)
    assert storages["private"].exists(name)
    old_report.refresh_from_db()
    assert old_report.file.name == name
    assert load_workbook(old_report.file.open("rb")).active["A1"].value == (
        "Báo cáo tổng kết năm 2024"
    )
    migration.to_public(apps, None)  # migrating back puts it where the old code looks
    assert storages["default"].exists(name) and not storages["private"].exists(name)


def test_a_report_built_now_goes_to_private_storage(campaign, known, campaign_officer, settings):
    settings.CAMPAIGN_INLINE_REPORT_LIMIT = 2
    client = signed_in(campaign_officer)
    client.get(f"{BASE}/report/{campaign.pk}/", {"year": 2024, "format": "xlsx"})
    report = CampaignReport.objects.get()
    assert storages["private"].exists(report.file.name)
    assert not storages["default"].exists(report.file.name)
    with pytest.raises(NotImplementedError):
        report.file.url  # noqa: B018  (no URL to leak)


def _download(report) -> str:
    return f"{BASE}/reports/{report.pk}/download/"


def test_anonymous_visitors_are_sent_to_the_login(client, old_report):
    migration.to_private(apps, None)
    response = client.get(_download(old_report))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")


@pytest.mark.parametrize("role", ["journalist", "editor"])
def test_newsroom_staff_without_the_permission_get_a_403_in_vietnamese(
    request, role, old_report, campaign
):
    migration.to_private(apps, None)
    client = signed_in(request.getfixturevalue(role))
    for url in (
        _download(old_report),
        f"{BASE}/reports/{old_report.pk}/",
        f"{BASE}/report/{campaign.pk}/?year=2024&format=xlsx",
        f"{BASE}/report/{campaign.pk}/?year=2024&format=html",
    ):
        response = client.get(url)
        assert response.status_code == 403, url
        alert = lxml.html.fromstring(response.content).find_class("page404__text")[0]
        assert alert.text_content().strip() == MESSAGE
        assert "no-store" in response["Cache-Control"]
    # The dashboard they may read offers no report buttons.
    html = client.get(f"{BASE}/dashboard/{campaign.pk}/").content.decode()
    assert "format=xlsx" not in html


@pytest.mark.parametrize("role", ["campaign_officer", "editor_in_chief", "superuser"])
def test_those_who_may_read_reports_download_the_spreadsheet(request, role, old_report):
    migration.to_private(apps, None)
    client = signed_in(request.getfixturevalue(role))
    response = client.get(_download(old_report))
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"] == (
        'attachment; filename="bao-cao-60-kh-ubnd-2024-ca-nam.xlsx"'
    )
    assert {"private", "no-store"} <= {
        part.strip() for part in response["Cache-Control"].split(",")
    }
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert book.active["A1"].value == "Báo cáo tổng kết năm 2024"


def test_a_report_whose_file_is_missing_is_not_found(old_report, campaign_officer):
    storages["default"].delete(old_report.file.name)  # lost before the migration ran
    migration.to_private(apps, None)
    response = signed_in(campaign_officer).get(_download(old_report))
    assert response.status_code == 404
