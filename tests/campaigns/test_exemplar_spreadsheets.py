"""Exemplars in and out of a campaign as Excel, as the campaign officer uploads them through
the admin: each bad row named in Vietnamese, nothing saved from a file with an error, a
preview before anything is saved."""

import io
from datetime import date

import lxml.html
import pytest
from openpyxl import Workbook, load_workbook

from campaigns.models import ExemplarPage, Participation
from tests.campaigns.conftest import join

pytestmark = pytest.mark.django_db

HEADER = ["Tên điển hình", "Loại", "Lĩnh vực", "Địa bàn", "Ngày phát hiện", "Ghi chú"]


def workbook(*rows, header: list[str] = HEADER) -> io.BytesIO:
    book = Workbook()
    book.active.append(header)
    for row in rows:
        book.active.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    buffer.name = "diem-hinh.xlsx"
    return buffer


def import_url(campaign) -> str:
    return f"/admin/snippets/campaigns/campaign/participations/{campaign.pk}/import/"


def upload(client, campaign, file):
    return lxml.html.fromstring(client.post(import_url(campaign), {"file": file}).content)


def errors(page) -> list[str]:
    box = page.get_element_by_id("import-errors", None)
    return [" ".join(li.text_content().split()) for li in box.iter("li")] if box is not None else []


def test_export_then_import_round_trip(
    client, campaign, make_exemplar, exemplar_index, campaign_officer
):
    join(campaign, make_exemplar("Lò Văn Pọm"), [(1, date(2024, 1, 15), "")])
    client.force_login(campaign_officer)
    response = client.get(
        f"/admin/snippets/campaigns/campaign/participations/{campaign.pk}/export/"
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0][:6]) == HEADER and rows[0][6] == "Giai đoạn hiện tại"
    assert rows[1][:5] == (
        "Lò Văn Pọm",
        "Cá nhân",
        "Phát triển kinh tế, giảm nghèo bền vững",
        "Xã Nậm Mơ",
        sheet["E2"].value,
    )
    assert (
        sheet["E2"].value.date() == date(2024, 1, 15) and sheet["E2"].number_format == "DD/MM/YYYY"
    )
    assert sheet.print_title_rows == "$1:$1" and sheet.column_dimensions["A"].width == 36


def test_a_file_with_one_bad_row_saves_nothing(client, campaign, commune, campaign_officer):
    client.force_login(campaign_officer)
    page = upload(
        client,
        campaign,
        workbook(
            ["Hà Thị Nga", "Cá nhân", "Người tốt, việc tốt", "Xã Nậm Mơ", "05/11/2024", ""],
            ["Tổ hợp tác Mây tre", "tap the", "Sản xuất, kinh doanh", "Xã Nậm Mơ", "1/3/2024", ""],
            ["Bản Hua Tát", "Mô hình", "Xây dựng nông thôn mới", "Xã Ab", "12/03/2024", ""],
            ["Lò Thị Xuân", "Cá nhân đặc biệt", "Y tế", "Xã Nậm Mơ", "31/02/2024", ""],
            ["", "Cá nhân", "Y tế", "Xã Nậm Mơ", "01/01/2024", ""],
            ["Hà Thị Nga", "Cá nhân", "Người tốt, việc tốt", "xa nam mo", "06/11/2024", ""],
        ),
    )
    assert errors(page) == [
        "Dòng 4: địa bàn “Xã Ab” không có trong danh mục.",
        "Dòng 5: loại “Cá nhân đặc biệt” không có trong danh mục (Cá nhân, Tập thể, Hộ gia đình,"
        " Mô hình).",
        "Dòng 5: lĩnh vực “Y tế” không có trong danh mục.",
        "Dòng 5: ngày phát hiện “31/02/2024” không đúng (ghi ngày/tháng/năm, ví dụ 25/11/2026).",
        "Dòng 6: thiếu tên điển hình.",
        "Dòng 6: lĩnh vực “Y tế” không có trong danh mục.",
        "Dòng 7: “Hà Thị Nga” đã có ở dòng 2.",
    ]
    assert "7 lỗi: chưa lưu dòng nào." in page.text_content()
    assert page.get_element_by_id("import-preview", None) is None  # no confirm button
    assert not Participation.objects.exists()
    assert not ExemplarPage.objects.exists()


def test_preview_then_confirm_saves_every_row(
    client, campaign, make_exemplar, exemplar_index, campaign_officer
):
    known = make_exemplar("Lò Văn Pọm")  # already in the directory: joins as it is
    client.force_login(campaign_officer)
    page = upload(
        client,
        campaign,
        workbook(
            [
                "lo van pom",
                "ca nhan",
                "Phát triển kinh tế, giảm nghèo bền vững",
                "Xã Nậm Mơ",
                date(2024, 1, 15),
                "Trồng quế",
            ],
            [
                "Tổ hợp tác Mây tre",
                "Tập thể",
                "Sản xuất, kinh doanh",
                "Xã Nậm Mơ, Huyện Mường Khoa, Tỉnh Sơn Hà",
                "01/03/2024",
                "",
            ],
        ),
    )
    assert errors(page) == []
    preview = page.get_element_by_id("import-preview")
    cells = [[td.text_content() for td in tr.iter("td")] for tr in preview.iter("tr")][1:]
    assert cells == [
        ["2", "lo van pom", "Cá nhân", "Xã Nậm Mơ", "15/01/2024", "đã có trong danh sách"],
        ["3", "Tổ hợp tác Mây tre", "Tập thể", "Xã Nậm Mơ", "01/03/2024", "mới (bản nháp)"],
    ]
    assert not Participation.objects.exists()  # the preview saves nothing
    token = page.xpath("//input[@name='token']")[0].get("value")
    response = client.post(import_url(campaign), {"confirm": "1", "token": token})
    assert response.status_code == 302
    assert (
        response["Location"] == f"/admin/snippets/campaigns/participation/?campaign={campaign.pk}"
    )
    joined = {p.exemplar.title: p for p in Participation.objects.select_related("exemplar")}
    assert set(joined) == {"Lò Văn Pọm", "Tổ hợp tác Mây tre"}
    assert (
        joined["Lò Văn Pọm"].exemplar.pk == known.pk and joined["Lò Văn Pọm"].notes == "Trồng quế"
    )
    new = joined["Tổ hợp tác Mây tre"]
    assert not new.exemplar.live and new.exemplar.kind == "collective"  # a draft to review
    assert new.discovered_on() == date(2024, 3, 1)
    assert new.stage_events.get().recorded_by == campaign_officer
    # Confirming twice adds nothing: the preview is gone.
    again = client.post(import_url(campaign), {"confirm": "1", "token": token})
    assert again.status_code == 302 and Participation.objects.count() == 2


def test_a_file_that_is_not_a_workbook(client, campaign, campaign_officer):
    client.force_login(campaign_officer)
    bad = io.BytesIO(b"Ten,Loai\nLo Van Pom,Ca nhan\n")
    bad.name = "diem-hinh.xlsx"
    assert errors(upload(client, campaign, bad)) == ["Tệp không phải bảng tính Excel (.xlsx)."]
    assert not Participation.objects.exists()


def test_journalist_cannot_import(client, campaign, journalist):
    client.force_login(journalist)
    assert client.get(import_url(campaign)).status_code in (302, 403)
    response = client.post(import_url(campaign), {"file": workbook()})
    assert response.status_code in (302, 403)
    assert not Participation.objects.exists()
