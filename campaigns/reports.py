"""Six-monthly and annual campaign reports: a spreadsheet and a printable administrative page.

Both are built from `dashboard.campaign_figures`, so the report says what the dashboard says.
"""

from __future__ import annotations

import io
from datetime import date

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from vietnamese.slugs import slugify

from .choices import Half, Stage
from .dashboard import Figures

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"
REACH_NOTE = (
    "Người xem được đếm riêng từng ngày rồi cộng lại: một người đọc nhiều ngày được tính "
    "nhiều lần. Độ lan tỏa = người xem (cộng theo ngày) + số đơn vị đã nhận bài trong kỳ."
)


def report_title(figures: Figures) -> str:
    kind = "tổng kết" if figures.half == Half.WHOLE_YEAR else "sơ kết"
    return f"Báo cáo {kind} {figures.period_label}: {figures.campaign.title}"


def report_number(figures: Figures) -> str:
    """The report's number line, left for the clerk to fill: “Số:     /BC-…”."""
    code = figures.campaign.code.split("/")[-1] if "/" in figures.campaign.code else "BC"
    suffix = code.split("-", 1)[-1] if "-" in code else code
    return f"Số:       /BC-{suffix}"


def place_and_date(figures: Figures, day: date | None = None) -> str:
    day = day or timezone.localdate()
    place = figures.campaign.report_place or "Tân Lâm"
    return f"{place}, ngày {day:%d} tháng {day:%m} năm {day:%Y}"


def report_xlsx(figures: Figures) -> bytes:
    """The report as a workbook: a cover sheet and one sheet per section."""
    book = Workbook()
    bold = Font(bold=True)

    cover = book.active
    cover.title = "Báo cáo"
    for row in (
        [figures.campaign.issuing_body.upper(), NATIONAL_NAME],
        [report_number(figures), NATIONAL_MOTTO],
        ["", place_and_date(figures)],
        [],
        [report_title(figures).upper()],
        [f"Thực hiện {figures.campaign.code}: {figures.campaign.title}"],
        [f"Kỳ báo cáo: {figures.start:%d/%m/%Y} – {figures.end:%d/%m/%Y}"],
        [],
        ["Tổng chỉ tiêu", figures.total_target],  # empty when the period has no target
        ["Tổng đạt", figures.total_achieved],
        ["Số điển hình trong kỳ", len(figures.exemplars)],
        ["Chưa được tuyên truyền", len(figures.not_publicised)],
        ["Số bài viết", figures.story_total],
        ["Số khen thưởng", len(figures.recognitions)],
    ):
        cover.append(row)
    for cell in ("A1", "B1", "B2", "A5"):
        cover[cell].font = bold
    cover.column_dimensions["A"].width = 45
    cover.column_dimensions["B"].width = 45

    results = book.create_sheet("Kết quả")
    header = ["Loại", "Chỉ tiêu", "Đạt", "Tỉ lệ (%)", *[str(s.label) for s in Stage]]
    results.append(header)
    for row in figures.categories:
        results.append([row.label, row.target, row.achieved, row.percent, *row.stage_counts])
    results.append(
        [
            "Tổng cộng",
            figures.total_target,
            figures.total_achieved,
            figures.total_percent,
            *figures.stage_totals,
        ]
    )
    if figures.year_target:
        results.append([])
        results.append(
            [
                f"Kỳ này chưa giao chỉ tiêu riêng. Chỉ tiêu cả năm {figures.year}",
                figures.year_target,
                figures.achieved_year_to_date,
                figures.year_percent,
            ]
        )

    stages = book.create_sheet("Điển hình theo giai đoạn")
    stages.append(["Điển hình", "Loại", "Địa bàn", "Giai đoạn", "Số bài", "Đơn vị đã nhận bài"])
    for row in figures.exemplars:
        stages.append(
            [
                row.exemplar.title,
                row.exemplar.get_kind_display(),
                str(row.exemplar.locality or ""),
                row.stage_label,
                row.story_count,
                row.outlet_count,
            ]
        )

    honours = book.create_sheet("Khen thưởng")
    honours.append(["Điển hình", "Cấp", "Hình thức", "Số quyết định", "Ngày", "Năm"])
    for recognition in figures.recognitions:
        honours.append(
            [
                recognition.exemplar.title,
                recognition.get_level_display(),
                recognition.get_form_display(),
                recognition.decision_number,
                recognition.decision_date,
                recognition.year,
            ]
        )
        honours.cell(row=honours.max_row, column=5).number_format = "DD/MM/YYYY"

    publicity = book.create_sheet("Tuyên truyền")
    publicity.append(["Đơn vị phát hành", "Số bài đã đưa", "Bài"])
    for row in figures.outlets:
        publicity.append(
            [row.outlet.name, len(row.stories), "; ".join(s.title for s in row.stories)]
        )
    publicity.append([])
    publicity.append(
        [
            "Điển hình",
            "Số bài",
            "Số đơn vị đã nhận bài",
            "Lượt xem",
            "Lượt đọc hết",
            "Người xem (cộng theo ngày)",
            "Độ lan tỏa",
        ]
    )
    for row in figures.exemplars:
        publicity.append(
            [
                row.exemplar.title,
                row.story_count,
                row.outlet_count,
                row.views,
                row.reads,
                row.visitors,
                row.reach,
            ]
        )
    publicity.append([])
    publicity.append([REACH_NOTE])

    for sheet in book.worksheets[1:]:
        for cell in sheet[1]:
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True)
        sheet.column_dimensions["A"].width = 40

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def report_filename(figures: Figures) -> str:
    half = {0: "ca-nam", 1: "6-thang-dau", 2: "6-thang-cuoi"}[figures.half]
    return f"bao-cao-{slugify(figures.campaign.code)}-{figures.year}-{half}.xlsx"


def report_context(figures: Figures) -> dict:
    """What the printable HTML report shows."""
    return {
        "figures": figures,
        "national_name": NATIONAL_NAME,
        "national_motto": NATIONAL_MOTTO,
        "number": report_number(figures),
        "place_and_date": place_and_date(figures),
        "title": report_title(figures),
        "stages": [str(s.label) for s in Stage],
    }
