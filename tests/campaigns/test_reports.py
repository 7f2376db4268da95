"""Six-monthly and annual reports: spreadsheet cells, the printable page, the background task."""

import io

import lxml.html
import pytest
from openpyxl import load_workbook

from campaigns.models import CampaignReport

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def report_url(campaign, **query) -> str:
    params = "&".join(f"{k}={v}" for k, v in query.items())
    return f"/admin/snippets/campaigns/campaign/report/{campaign.pk}/?{params}"


def open_book(data: bytes):
    return load_workbook(io.BytesIO(data))


def test_annual_spreadsheet_cells(client, campaign, known, campaign_officer):
    client.force_login(campaign_officer)
    response = client.get(report_url(campaign, year=2024, format="xlsx"))
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert "bao-cao-60-kh-ubnd-2024-ca-nam.xlsx" in response["Content-Disposition"]
    book = open_book(response.content)
    assert book.sheetnames == [
        "Báo cáo",
        "Kết quả",
        "Điển hình theo giai đoạn",
        "Khen thưởng",
        "Tuyên truyền",
    ]
    cover = book["Báo cáo"]
    assert cover["B1"].value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert cover["B2"].value == "Độc lập - Tự do - Hạnh phúc"
    assert cover["A1"].value == "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ"
    assert cover["B3"].value.startswith("Sơn Hà, ngày ")
    assert cover["A5"].value == "BÁO CÁO"
    assert cover["A6"].value.startswith("Tổng kết năm 2024 việc thực hiện kế hoạch phát hiện")
    assert (cover["A9"].value, cover["B9"].value) == ("Tổng chỉ tiêu", 5)
    assert (cover["A10"].value, cover["B10"].value) == ("Tổng đạt", 2)
    results = book["Kết quả"]
    rows = [[c.value for c in row] for row in results.iter_rows()]
    assert rows[0] == [
        "Loại",
        "Chỉ tiêu",
        "Đạt",
        "Tỉ lệ (%)",
        "Phát hiện",
        "Bồi dưỡng",
        "Tổng kết",
        "Nhân rộng",
    ]
    assert ["Cá nhân", 3, 1, 33, 1, 0, 0, 1] in rows
    assert ["Tập thể", 2, 1, 50, 0, 1, 1, 0] in rows
    assert rows[-1] == ["Tổng cộng", 5, 2, 40, 1, 1, 1, 1]
    stages = {row[0].value: row[3].value for row in book["Điển hình theo giai đoạn"].iter_rows(2)}
    assert stages == {
        "Hà Thị Nga": "Phát hiện",
        "Hợp tác xã Chè Shan": "Tổng kết",
        "Lò Văn Pọm": "Nhân rộng",
        "Tổ hợp tác Mây tre": "Bồi dưỡng",
    }
    honours = list(book["Khen thưởng"].iter_rows(min_row=2, values_only=True))
    assert honours[0][:4] == ("Lò Văn Pọm", "Cấp tỉnh", "Bằng khen", "12/QĐ-UBND")
    assert honours[0][5] == 2024
    publicity = list(book["Tuyên truyền"].iter_rows(min_row=2, max_row=3, values_only=True))
    assert [row[:3] for row in publicity] == [
        ("Báo Sơn Hà", 1, "Chè Shan lên núi"),
        ("Đài Phát thanh tỉnh", 1, "Ông Pọm và rừng quế"),
    ]
    rows = list(book["Tuyên truyền"].iter_rows(values_only=True))
    header = next(i for i, row in enumerate(rows) if row[0] == "Điển hình")
    assert rows[header] == (
        "Điển hình",
        "Số bài",
        "Số đơn vị đã nhận bài",
        "Lượt xem",
        "Lượt đọc hết",
        "Người xem (cộng theo ngày)",
        "Độ lan tỏa",
    )
    by_exemplar = {row[0]: row[1:] for row in rows[header + 1 : header + 6]}
    assert by_exemplar["Lò Văn Pọm"] == (1, 1, 0, 0, 0, 1)  # aired by the radio station
    assert "cộng lại" in rows[-1][0]  # the note on visitors summed over days


def test_six_monthly_spreadsheet(client, campaign, known, campaign_officer):
    client.force_login(campaign_officer)
    response = client.get(report_url(campaign, year=2024, half=1, format="xlsx"))
    book = open_book(response.content)
    assert book["Báo cáo"]["A6"].value.startswith("Sơ kết 6 tháng đầu năm 2024 ")
    rows = list(book["Kết quả"].iter_rows(min_row=2, values_only=True))
    assert ("Cá nhân", None, 1, None, 1, 0, 1, 0) in rows
    # No half-year target: the total is as empty as the categories, not 0 …
    assert ("Tổng cộng", None, 1, None, 2, 1, 1, 0) in rows
    # … and the year's target is given with what was achieved since 1 January.
    assert ("Kỳ này chưa giao chỉ tiêu riêng. Chỉ tiêu cả năm 2024", 5, 1, 20) in [
        row[:4] for row in rows
    ]
    assert book["Báo cáo"]["B9"].value is None
    assert list(book["Khen thưởng"].iter_rows(min_row=2, values_only=True)) == []


def test_six_monthly_print_report_total_agrees_with_its_categories(
    client, campaign, known, campaign_officer
):
    client.force_login(campaign_officer)
    html = client.get(report_url(campaign, year=2024, half=1, format="html")).content.decode()
    table = lxml.html.fromstring(html).get_element_by_id("results")
    cells = [[" ".join(c.text_content().split()) for c in row] for row in table.iter("tr")]
    assert cells[0] == ["Loại", "Chỉ tiêu", "Đạt", "Tỉ lệ"]
    assert {row[1] for row in cells[1:-1]} == {"—"}
    assert cells[-1] == ["Tổng cộng", "—", "1", "—"]
    note = " ".join(lxml.html.fromstring(html).find_class("year-target")[0].text_content().split())
    assert "Chỉ tiêu cả năm 2024: 5" in note and "30/06/2024 đạt 1 (20% chỉ tiêu năm)" in note


def test_printable_report_reads_like_an_administrative_report(
    client, campaign, known, campaign_officer
):
    client.force_login(campaign_officer)
    response = client.get(report_url(campaign, year=2024, format="html"))
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Ủy ban nhân dân tỉnh Sơn Hà",
        "Số:       /BC-UBND",
        "Sơn Hà, ngày",
        "I. Kết quả thực hiện chỉ tiêu",
        "II. Điển hình theo giai đoạn",
        "III. Khen thưởng, công nhận",
        "IV. Công tác tuyên truyền",
        "Số 12/QĐ-UBND ngày 10/12/2024",
        "Báo Sơn Hà",
        "2 bài viết về các điển hình; 2 điển hình chưa được tuyên truyền",
    ):
        assert text in html, text
    assert html.index("Độc lập - Tự do - Hạnh phúc") < html.index("I. Kết quả")


def test_large_report_runs_as_a_task_with_progress(
    client, campaign, known, campaign_officer, settings
):
    settings.CAMPAIGN_INLINE_REPORT_LIMIT = 2
    client.force_login(campaign_officer)
    response = client.get(report_url(campaign, year=2024, format="xlsx"))
    report = CampaignReport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/snippets/campaigns/campaign/reports/{report.pk}/"
    assert (report.status, report.progress) == ("done", 100)  # ImmediateBackend ran it
    status = client.get(response["Location"]).content.decode()
    assert "Hoàn thành" in status and "100%" in status
    download = client.get(f"/admin/snippets/campaigns/campaign/reports/{report.pk}/download/")
    book = open_book(b"".join(download.streaming_content))
    assert book["Báo cáo"]["B10"].value == 2


def test_report_status_page_refreshes_while_running(client, campaign, campaign_officer):
    report = CampaignReport.objects.create(campaign=campaign, year=2024, half=0, progress=40)
    client.force_login(campaign_officer)
    html = client.get(f"/admin/snippets/campaigns/campaign/reports/{report.pk}/").content.decode()
    assert 'http-equiv="refresh"' in html and "40%" in html
    assert (
        client.get(f"/admin/snippets/campaigns/campaign/reports/{report.pk}/download/").status_code
        == 404
    )


def test_unknown_format_is_not_found(client, campaign, campaign_officer):
    client.force_login(campaign_officer)
    assert client.get(report_url(campaign, year=2024, format="odt")).status_code == 404


def test_report_title_reads_naturally(campaign, known):
    from campaigns.dashboard import campaign_figures
    from campaigns.reports import report_title

    title = report_title(campaign_figures(campaign, 2024))
    assert title.startswith("Báo cáo tổng kết năm 2024: ")
    assert "năm năm" not in title
