"""The exemplar directory (every profile, not one campaign's) out and in as Excel, as the
campaign officer uses it through the admin: each profile one row of the export; a bad row
named in Vietnamese and nothing saved; a preview, then draft profiles."""

import io

import lxml.html
import pytest
from openpyxl import load_workbook

from campaigns.models import ExemplarPage
from tests.campaigns.test_exemplar_spreadsheets import errors
from tests.campaigns.test_exemplar_spreadsheets import workbook as spreadsheet

pytestmark = pytest.mark.django_db

HEADER = ["Tên điển hình", "Loại", "Lĩnh vực", "Địa bàn", "Chức vụ", "Đơn vị", "Tóm tắt"]


def workbook(*rows) -> io.BytesIO:
    return spreadsheet(*rows, header=HEADER)


def urls(index) -> tuple[str, str]:
    base = f"/admin/campaigns/exemplars/{index.pk}/"
    return base + "export/", base + "import/"


def test_the_directory_page_offers_its_spreadsheet_and_exports_every_profile(
    client, exemplar_index, make_exemplar, campaign_officer
):
    make_exemplar("Lò Văn Pọm")
    draft = ExemplarPage(title="Tổ hợp tác Mây tre", kind="collective", field="economy", live=False)
    exemplar_index.add_child(instance=draft)
    client.force_login(campaign_officer)
    export_url, import_url = urls(exemplar_index)
    explorer = lxml.html.fromstring(client.get(f"/admin/pages/{exemplar_index.pk}/").content)
    hrefs = [a.get("href") for a in explorer.iter("a")]
    assert export_url in hrefs and import_url in hrefs

    response = client.get(export_url)
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert list(rows[0][:7]) == HEADER
    assert sorted(row[:4] + row[7:] for row in rows[1:]) == [
        (
            "Lò Văn Pọm",
            "Cá nhân",
            "Phát triển kinh tế, giảm nghèo bền vững",
            "Xã Nậm Mơ",
            "đã xuất bản",
        ),
        (
            "Tổ hợp tác Mây tre",
            "Tập thể",
            "Phát triển kinh tế, giảm nghèo bền vững",
            None,
            "bản nháp",
        ),
    ]


def test_a_file_with_one_bad_row_saves_nothing(client, exemplar_index, commune, campaign_officer):
    client.force_login(campaign_officer)
    _export, import_url = urls(exemplar_index)
    response = client.post(
        import_url,
        {
            "file": workbook(
                [
                    "Hà Thị Nga",
                    "Cá nhân",
                    "Người tốt, việc tốt",
                    "Xã Nậm Mơ",
                    "Y sĩ",
                    "Trạm y tế",
                    "",
                ],
                ["Bản Hua Tát", "Mô hình", "Xây dựng nông thôn mới", "Xã Ab", "", "", ""],
            )
        },
    )
    page = lxml.html.fromstring(response.content)
    assert errors(page) == ["Dòng 3: địa bàn “Xã Ab” không có trong danh mục."]
    assert page.get_element_by_id("import-preview", None) is None
    assert not ExemplarPage.objects.exists()


def test_a_clean_file_previews_then_creates_drafts_and_updates_by_name_and_place(
    client, exemplar_index, make_exemplar, campaign_officer
):
    known = make_exemplar("Lò Văn Pọm")
    client.force_login(campaign_officer)
    _export, import_url = urls(exemplar_index)
    page = lxml.html.fromstring(
        client.post(
            import_url,
            {
                "file": workbook(
                    [
                        "lo van pom",
                        "ca nhan",
                        "Phát triển kinh tế, giảm nghèo bền vững",
                        "Xã Nậm Mơ",
                        "Nông dân",
                        "Hợp tác xã Quế",
                        "Trồng quế trên đồi.",
                    ],
                    [
                        "Hà Thị Nga",
                        "Cá nhân",
                        "Người tốt, việc tốt",
                        "xa nam mo",
                        "Y sĩ",
                        "Trạm y tế xã",
                        "Hiến máu nhiều lần.",
                    ],
                )
            },
        ).content
    )
    assert errors(page) == []
    cells = [
        [td.text_content() for td in tr.iter("td")]
        for tr in page.get_element_by_id("import-preview").iter("tr")
    ][1:]
    assert [row[1] for row in cells] == ["lo van pom", "Hà Thị Nga"]
    assert ExemplarPage.objects.count() == 1  # the preview saves nothing
    token = page.xpath("//input[@name='token']")[0].get("value")
    response = client.post(import_url, {"confirm": "1", "token": token})
    assert response.status_code == 302
    new = ExemplarPage.objects.get(title="Hà Thị Nga")
    assert (new.live, new.position, new.organisation, new.get_parent().pk) == (
        False,
        "Y sĩ",
        "Trạm y tế xã",
        exemplar_index.pk,
    )
    known.refresh_from_db()
    assert known.live and known.organisation == ""  # the published version is unchanged
    latest = known.get_latest_revision_as_object()
    assert (latest.organisation, latest.summary) == ("Hợp tác xã Quế", "Trồng quế trên đồi.")
    assert ExemplarPage.objects.count() == 2


def test_journalist_gets_no_directory_spreadsheet(client, exemplar_index, journalist):
    """Journalists may add a profile for review, not load the directory in bulk."""
    client.force_login(journalist)
    export_url, import_url = urls(exemplar_index)
    explorer = lxml.html.fromstring(client.get(f"/admin/pages/{exemplar_index.pk}/").content)
    assert export_url not in [a.get("href") for a in explorer.iter("a")]
    refused = client.get(export_url)
    assert refused.status_code == 403
    assert "Chỉ người được xuất bản hồ sơ điển hình" in refused.content.decode()
    assert client.post(import_url, {"file": workbook()}).status_code == 403


def test_the_directory_export_lists_profiles_in_vietnamese_order(
    client, exemplar_index, make_exemplar, campaign_officer
):
    """Byte order put "Đào" after "Yến"; the spreadsheet follows the directory's collation."""
    for name in ("Yến Nhi", "Đào Văn An", "Ánh Dương", "Dũng Tiến"):
        make_exemplar(name)
    client.force_login(campaign_officer)
    export_url, _import_url = urls(exemplar_index)
    rows = list(
        load_workbook(io.BytesIO(client.get(export_url).content)).active.iter_rows(values_only=True)
    )
    assert [row[0] for row in rows[1:]] == ["Ánh Dương", "Dũng Tiến", "Đào Văn An", "Yến Nhi"]
