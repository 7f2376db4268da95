"""Reports in the official form (Nghị định 30/2020/NĐ-CP), opened as their readers open them:
the Word file with python-docx, the PDF's text with pypdf (laid out as on the page), the
spreadsheet with openpyxl and the printable page with lxml — as the campaign officer."""

import io
import re
from datetime import date

import lxml.html
import pytest
from docx import Document
from docx.shared import Pt
from openpyxl import load_workbook
from pypdf import PdfReader

from campaigns.official import place_and_date, signature

pytestmark = pytest.mark.django_db

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@pytest.fixture
def official(campaign):
    """The campaign as an officer fills in the report's official form."""
    campaign.plan_date = date(2024, 1, 15)
    campaign.report_parent_body = "Ủy ban nhân dân tỉnh Sơn Hà"
    campaign.report_body = "Sở Nội vụ"
    campaign.report_symbol = "BC-SNV"
    campaign.report_recipients = "Ủy ban nhân dân tỉnh Sơn Hà"
    campaign.report_distribution = "Như trên;\nBan Thi đua - Khen thưởng tỉnh;\nLưu: VT, TĐKT."
    campaign.signing_authority = "kt"
    campaign.signing_for = "Giám đốc"
    campaign.signer_position = "Phó Giám đốc"
    campaign.signer_name = "Nguyễn Thị Hoa"
    campaign.save()
    return campaign


def fetch(client, campaign, output: str, **query):
    query = {"year": 2024, "format": output, **query}
    return client.get(f"/admin/snippets/campaigns/campaign/report/{campaign.pk}/", query)


def texts(paragraphs) -> list[str]:
    return [p.text for p in paragraphs]


def test_word_report_has_the_decree_layout(client, official, known, campaign_officer):
    client.force_login(campaign_officer)
    response = fetch(client, official, "docx")
    assert response.status_code == 200
    assert response["Content-Type"].endswith("wordprocessingml.document")
    assert "bao-cao-60-kh-ubnd-2024-ca-nam.docx" in response["Content-Disposition"]
    doc = Document(io.BytesIO(response.content))

    section = doc.sections[0]
    sizes = [section.page_width, section.page_height, section.top_margin, section.bottom_margin]
    sizes += [section.left_margin, section.right_margin]
    assert [round(length.mm) for length in sizes] == [210, 297, 20, 20, 30, 15]
    normal = doc.styles["Normal"].font
    assert (normal.name, normal.size) == ("Times New Roman", Pt(14))

    header = doc.tables[0]
    left, right = header.rows[0].cells
    assert texts(left.paragraphs) == [
        "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ",
        "SỞ NỘI VỤ",
        "――――――",
        "Số:       /BC-SNV",
    ]
    assert not left.paragraphs[0].runs[0].bold and left.paragraphs[1].runs[0].bold
    assert texts(right.paragraphs)[:2] == [NATIONAL_NAME, MOTTO]
    name, motto, dated = right.paragraphs
    assert name.runs[0].bold and motto.runs[0].bold and motto.runs[0].underline
    assert re.fullmatch(r"Sơn Hà, ngày \d\d tháng \d{1,2} năm \d{4}", dated.text)
    assert dated.runs[0].italic
    # The right column is wide enough for the national name in 12 pt on one line.
    assert right.width.mm >= 100 and name.runs[0].font.size == Pt(12)
    fonts = {run.font.name for p in doc.paragraphs for run in p.runs}
    assert fonts == {"Times New Roman"}

    body = [p.text for p in doc.paragraphs if p.text]
    assert body[0] == "BÁO CÁO"
    assert body[1] == (
        "Tổng kết năm 2024 việc thực hiện kế hoạch phát hiện, bồi dưỡng, nhân rộng điển hình "
        "tiên tiến"
    )
    assert body[2] == "Kính gửi: Ủy ban nhân dân tỉnh Sơn Hà"
    assert body[3].startswith(
        "Thực hiện Kế hoạch số 60/KH-UBND ngày 15/01/2024 của Ủy ban nhân dân tỉnh Sơn Hà về "
        "phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến, kỳ báo cáo từ 01/01/2024 đến "
        "31/12/2024, Sở Nội vụ báo cáo kết quả như sau:"
    )
    headings = [text for text in body if re.match(r"(I|II|III|IV)\. ", text)]
    assert headings == [
        "I. Kết quả thực hiện chỉ tiêu",
        "II. Điển hình theo giai đoạn",
        "III. Khen thưởng, công nhận",
        "IV. Công tác tuyên truyền",
    ]
    results = doc.tables[1]
    assert [c.text for c in results.rows[0].cells] == ["Loại", "Chỉ tiêu", "Đạt", "Tỉ lệ"]
    assert [c.text for c in results.rows[-1].cells] == ["Tổng cộng", "5", "2", "40%"]

    distribution, signer = doc.tables[-1].rows[0].cells
    label = distribution.paragraphs[0]
    assert label.text == "Nơi nhận:"
    assert label.runs[0].bold and label.runs[0].italic and label.runs[0].font.size == Pt(12)
    assert texts(distribution.paragraphs[1:]) == [
        "- Như trên;",
        "- Ban Thi đua - Khen thưởng tỉnh;",
        "- Lưu: VT, TĐKT.",
    ]
    assert {p.runs[0].font.size for p in distribution.paragraphs[1:]} == {Pt(11)}
    lines = [p.text for p in signer.paragraphs]
    assert lines[:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    assert lines[-1] == "Nguyễn Thị Hoa" and signer.paragraphs[-1].runs[0].bold
    assert lines[2:-1] == ["", "", "", ""]  # room for the signature


def pdf_lines(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text(extraction_mode="layout") for page in reader.pages)
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def test_pdf_report_keeps_the_national_name_on_one_line(client, official, known, campaign_officer):
    client.force_login(campaign_officer)
    response = fetch(client, official, "pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert all(re.search(r"Liberation-?Serif|DejaVu-?Serif", name) for name in fonts), fonts

    lines = pdf_lines(response.content)
    first = next(line for line in lines if "CỘNG HÒA" in line)
    # Laid out as on the page: the issuing body's line, then the whole national name.
    assert first.endswith(NATIONAL_NAME), first
    assert next(line for line in lines if "Độc lập" in line).endswith(MOTTO)
    assert any(re.search(r"Sơn Hà, ngày \d\d tháng \d{1,2} năm 2\d{3}$", line) for line in lines)
    joined = " ".join(lines)
    for text in (
        "BÁO CÁO",
        "Kính gửi: Ủy ban nhân dân tỉnh Sơn Hà",
        "Thực hiện Kế hoạch số 60/KH-UBND ngày 15/01/2024",
        "IV. Công tác tuyên truyền",
        "Nơi nhận:",
        "- Lưu: VT, TĐKT.",
        "PHÓ GIÁM ĐỐC",
        "Nguyễn Thị Hoa",
        "Hợp tác xã Chè Shan",  # a Vietnamese letter each PDF font must have: ợ, ã, è
    ):
        assert text in joined, text


def test_spreadsheet_is_ready_to_print(client, official, known, campaign_officer):
    client.force_login(campaign_officer)
    book = load_workbook(io.BytesIO(fetch(client, official, "xlsx").content))
    for sheet in book.worksheets:
        assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4), sheet.title
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert round(sheet.page_margins.left * 25.4) == 30
        assert sheet["A1"].font.name == "Times New Roman"
    assert book["Báo cáo"].page_setup.orientation == "portrait"
    assert book["Kết quả"].page_setup.orientation == "landscape"
    for name in ("Kết quả", "Điển hình theo giai đoạn", "Khen thưởng", "Tuyên truyền"):
        sheet = book[name]
        assert sheet.print_title_rows == "$1:$1", name  # the header row on every page
        assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"
        assert sheet.column_dimensions["A"].width >= 22
    assert book["Tuyên truyền"].column_dimensions["C"].width == 60

    cover = book["Báo cáo"]
    assert [cover["A1"].value, cover["A2"].value, cover["A3"].value] == [
        "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ",
        "SỞ NỘI VỤ",
        "Số:       /BC-SNV",
    ]
    assert cover["A2"].font.bold and not cover["A1"].font.bold
    assert cover["B2"].font.underline == "single" and cover["B3"].font.italic
    values = [[c.value for c in row] for row in cover.iter_rows()]
    assert ["Kính gửi: Ủy ban nhân dân tỉnh Sơn Hà", None] in values
    label_row = next(i for i, row in enumerate(values, 1) if row[0] == "Nơi nhận:")
    assert cover.cell(label_row, 1).font.italic and cover.cell(label_row, 1).font.sz == 12
    assert cover.cell(label_row, 2).value == "KT. GIÁM ĐỐC"
    assert cover.cell(label_row + 1, 2).value == "PHÓ GIÁM ĐỐC"
    assert cover.cell(label_row + 3, 1).value == "- Lưu: VT, TĐKT."
    assert cover.cell(label_row + 3, 1).font.sz == 11
    assert cover.cell(label_row + 6, 2).value == "Nguyễn Thị Hoa"


def test_printable_page_has_the_header_table_and_signature(
    client, official, known, campaign_officer
):
    client.force_login(campaign_officer)
    page = lxml.html.fromstring(fetch(client, official, "html").content)
    header = page.get_element_by_id("header")
    issuer, nation = header.xpath(".//td")
    assert [p.text_content() for p in issuer.xpath("./p")] == [
        "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ",
        "SỞ NỘI VỤ",
        "――――――",
        "Số:       /BC-SNV",
    ]
    assert nation.find_class("national-name")[0].text_content() == NATIONAL_NAME
    assert nation.find_class("national-motto")[0].text_content() == MOTTO
    assert page.find_class("kind")[0].text_content() == "BÁO CÁO"
    assert page.get_element_by_id("recipients").text_content() == (
        "Kính gửi: Ủy ban nhân dân tỉnh Sơn Hà"
    )
    closing = page.get_element_by_id("closing")
    assert [p.text_content() for p in closing.find_class("authority")] == [
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
    ]
    assert closing.find_class("signer")[0].text_content() == "Nguyễn Thị Hoa"
    links = {a.text_content(): a.get("href") for a in page.xpath("//p[@class='no-print']/a")}
    assert links["Báo cáo (Word)"] == "?year=2024&half=0&format=docx"
    assert links["Báo cáo (PDF)"] == "?year=2024&half=0&format=pdf"


def test_defaults_without_the_official_fields(client, campaign, known, campaign_officer):
    """A campaign with nothing filled in still prints a complete report: the plan's issuer
    issues it, no "Kính gửi", "Lưu: VT." and the head's position to sign."""
    client.force_login(campaign_officer)
    doc = Document(io.BytesIO(fetch(client, campaign, "docx").content))
    left, _right = doc.tables[0].rows[0].cells
    assert texts(left.paragraphs) == ["ỦY BAN NHÂN DÂN TỈNH SƠN HÀ", "――――――", "Số:       /BC-UBND"]
    assert not any(p.text.startswith("Kính gửi") for p in doc.paragraphs)
    distribution, signer = doc.tables[-1].rows[0].cells
    assert texts(distribution.paragraphs) == ["Nơi nhận:", "- Lưu: VT."]
    assert signer.paragraphs[0].text == "THỦ TRƯỞNG CƠ QUAN"


def test_dashboard_offers_every_format(client, campaign, known, campaign_officer):
    client.force_login(campaign_officer)
    page = lxml.html.fromstring(
        client.get(f"/admin/snippets/campaigns/campaign/dashboard/{campaign.pk}/?year=2024").content
    )
    hrefs = {a.text_content(): a.get("href") for a in page.find_class("button-secondary")}
    assert hrefs["Báo cáo (Word)"].endswith("?year=2024&half=0&format=docx")
    assert hrefs["Báo cáo (PDF)"].endswith("?year=2024&half=0&format=pdf")


def test_files_need_a_login(client, campaign):
    for output in ("docx", "pdf"):
        response = fetch(client, campaign, output)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.parametrize(
    ("authority", "signing_for", "position", "expected"),
    [
        ("tm", "Ủy ban nhân dân", "Chủ tịch", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
        ("kt", "Chủ tịch", "Phó Chủ tịch", ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]),
        ("q", "Giám đốc", "", ["Q. GIÁM ĐỐC"]),
        ("", "", "Giám đốc", ["GIÁM ĐỐC"]),
    ],
)
def test_signing_authority(authority, signing_for, position, expected):
    assert signature(authority, signing_for, position, "Lò Văn Pọm").lines == expected


def test_place_and_date_pads_days_and_the_first_two_months():
    from django.utils import translation

    with translation.override("vi"):
        assert place_and_date("Sơn Hà", date(2026, 2, 5)) == "Sơn Hà, ngày 05 tháng 02 năm 2026"
        assert place_and_date("Sơn Hà", date(2026, 11, 25)) == "Sơn Hà, ngày 25 tháng 11 năm 2026"
        assert place_and_date("Sơn Hà", date(2026, 3, 1)) == "Sơn Hà, ngày 01 tháng 3 năm 2026"


def test_officer_fills_in_the_official_form_in_the_admin(client, campaign_officer):
    from campaigns.models import Campaign
    from tests.campaigns.test_admin import CAMPAIGNS, campaign_data

    client.force_login(campaign_officer)
    form = client.get(f"{CAMPAIGNS}add/").content.decode()
    for label in ("Thể thức báo cáo", "Thẩm quyền ký", "Kính gửi", "Nơi nhận", "Cơ quan chủ quản"):
        assert label in form, label
    response = client.post(
        f"{CAMPAIGNS}add/",
        campaign_data(
            plan_date="15/01/2024",
            report_parent_body="",
            report_body="",
            report_number="",
            report_symbol="",
            report_recipients="Ban Thường vụ Tỉnh ủy\r\nỦy ban nhân dân tỉnh",
            report_distribution="",
            signing_authority="tm",
            signing_for="Ban Dân vận",
            signer_position="Trưởng ban",
            signer_name="Hà Văn Khoa",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    campaign = Campaign.objects.get(code="15/KH-BDV")
    assert campaign.plan_date == date(2024, 1, 15)
    doc = Document(io.BytesIO(fetch(client, campaign, "docx").content))
    body = [p.text for p in doc.paragraphs if p.text]
    assert body[2:5] == ["Kính gửi:", "- Ban Thường vụ Tỉnh ủy", "- Ủy ban nhân dân tỉnh"]
    assert body[5].startswith("Thực hiện Kế hoạch số 15/KH-BDV ngày 15/01/2024 của Ban Dân vận")
    distribution, signer = doc.tables[-1].rows[0].cells
    assert texts(distribution.paragraphs) == ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]
    assert [p.text for p in signer.paragraphs if p.text] == [
        "TM. BAN DÂN VẬN",
        "TRƯỞNG BAN",
        "Hà Văn Khoa",
    ]
