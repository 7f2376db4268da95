"""Six-monthly and annual campaign reports: a spreadsheet and a printable administrative page.

Both are built from `dashboard.campaign_figures`, so the report says what the dashboard says.
"""

from __future__ import annotations

import io
from datetime import date

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from vietnamese.slugs import slugify

from .choices import Half, Stage
from .dashboard import Figures
from .official import (
    BODY_PT,
    HEADER_PT,
    MARGINS_MM,
    NATIONAL_NAME_PT,
    RECIPIENTS_LABEL_PT,
    RECIPIENTS_PT,
    TABLE_PT,
    OfficialDocument,
    Paragraph,
    Section,
    Table,
    lines,
    place_and_date,
    plan_citation,
)

# The note under the reach table (also templates/campaigns/includes/reach_definitions.html).
REACH_DEFINITIONS = gettext_lazy(
    "Outlets reached: outlets that first received one of the exemplar's stories in the period "
    "— the story was in a feed served to the outlet, the outlet downloaded the radio script, or "
    "it confirmed airing; each outlet counts once. Views, full reads and visitors come from the "
    "daily engagement figures of the exemplar's page and of the stories about the exemplar. "
    "Visitors are counted day by day and then added up, so someone who reads on several days "
    "counts several times: the figure is higher than the number of real people. Reach = "
    "visitors (summed by day) + outlets reached."
)

REACH_NOTE = (
    "Người xem được đếm riêng từng ngày rồi cộng lại: một người đọc nhiều ngày được tính "
    "nhiều lần. Độ lan tỏa = người xem (cộng theo ngày) + số đơn vị đã nhận bài trong kỳ."
)


def report_title(figures: Figures) -> str:
    kind = "tổng kết" if figures.half == Half.WHOLE_YEAR else "sơ kết"
    return f"Báo cáo {kind} {figures.period_label}: {figures.campaign.title}"


def report_symbol(campaign) -> str:
    """BC- and the issuer's symbol of the plan (60/KH-UBND → BC-UBND), unless one is set."""
    if campaign.report_symbol:
        return campaign.report_symbol
    code = campaign.code.split("/")[-1] if "/" in campaign.code else "BC"
    suffix = code.split("-", 1)[-1] if "-" in code else code
    return f"BC-{suffix}"


def report_number(figures: Figures) -> str:
    """The report's number line, left for the clerk to fill unless set: “Số:     /BC-…”."""
    campaign = figures.campaign
    return _("No.: %(number)s/%(symbol)s") % {
        "number": campaign.report_number or "      ",
        "symbol": report_symbol(campaign),
    }


def report_summary(figures: Figures) -> str:
    """The trích yếu: “Tổng kết năm 2024 thực hiện kế hoạch …”."""
    title = figures.campaign.title
    kind = _("Review") if figures.half == Half.WHOLE_YEAR else _("Interim review")
    return _("%(kind)s %(period)s of the implementation of %(title)s") % {
        "kind": kind,
        "period": figures.period_label,
        "title": title[:1].lower() + title[1:],
    }


def _percent(value) -> str:
    return "—" if value is None else f"{value}%"


def report_sections(figures: Figures) -> list[Section]:
    """Sections I–IV, from the dashboard's figures."""
    stages = [str(s.label) for s in Stage]
    results = Section(
        _("I. Results against the targets"),
        [
            Table(
                "results",
                [_("Kind"), _("Target"), _("Achieved"), _("Rate")],
                [
                    [row.label, row.target, row.achieved, _percent(row.percent)]
                    for row in figures.categories
                ],
                total=[
                    _("Total"),
                    figures.total_target,
                    figures.total_achieved,
                    _percent(figures.total_percent),
                ],
                numeric={1, 2, 3},
                total_classes={1: "total-target", 2: "total-achieved"},
            )
        ],
    )
    if figures.year_target:
        note = _(
            "No separate target was set for this period. Target for the whole of %(year)s: "
            "<strong>%(target)s</strong>; achieved from the start of the year to %(end)s: "
            "<strong>%(achieved)s</strong>"
        ) % {
            "year": figures.year,
            "target": figures.year_target,
            "end": figures.end.strftime("%d/%m/%Y"),
            "achieved": figures.achieved_year_to_date,
        }
        if figures.year_percent is not None:
            note += (
                " ("
                + _("%(percent)s%% of the year's target") % {"percent": figures.year_percent}
                + ")"
            )
        results.blocks.append(Paragraph(strip_tags(note) + ".", "year-target"))

    by_stage = Section(
        _("II. Exemplars by stage"),
        [
            Table(
                "stages",
                [_("Kind"), *stages],
                [[row.label, *row.stage_counts] for row in figures.categories],
                numeric=set(range(1, len(stages) + 1)),
            ),
            *(
                Paragraph(
                    f"{number}. {row.exemplar.title}"
                    + (f" ({row.exemplar.locality.name})" if row.exemplar.locality else "")
                    + f": {row.stage_label.lower()}",
                    "exemplar",
                )
                for number, row in enumerate(figures.exemplars, 1)
            ),
        ],
    )

    honours = Section(_("III. Commendations and recognitions"))
    if figures.recognitions:
        honours.blocks.append(
            Table(
                "recognitions",
                [_("Exemplar"), pgettext("recognition", "Form"), _("Level"), _("Decision")],
                [
                    [
                        r.exemplar.title,
                        r.get_form_display(),
                        r.get_level_display(),
                        _("No. %(number)s of %(day)s")
                        % {
                            "number": r.decision_number,
                            "day": r.decision_date.strftime("%d/%m/%Y"),
                        }
                        + (f" ({r.decision.issuer})" if r.decision_id else ""),
                    ]
                    for r in figures.recognitions
                ],
            )
        )
    else:
        honours.blocks.append(Paragraph(_("No commendation decisions in this period.")))

    publicity = Section(
        _("IV. Publicity work"),
        [
            Paragraph(
                _(
                    "In this period, %(stories)s stories about the exemplars; %(missing)s "
                    "exemplars not yet publicised."
                )
                % {"stories": figures.story_total, "missing": len(figures.not_publicised)}
            ),
            Table(
                "publicity",
                [_("Publishing outlet"), _("Stories carried")],
                [[row.outlet.name, len(row.stories)] for row in figures.outlets]
                or [[_("No outlet has carried a story yet."), ""]],
                numeric={1},
            ),
            Table(
                "reach",
                [
                    _("Exemplar"),
                    _("Number of stories"),
                    _("Number of outlets reached"),
                    pgettext("engagement", "Views"),
                    _("Visitors (summed by day)"),
                    _("Reach"),
                ],
                [
                    [
                        row.exemplar.title,
                        row.story_count,
                        row.outlet_count,
                        row.views,
                        row.visitors,
                        row.reach,
                    ]
                    for row in figures.exemplars
                ],
                numeric={1, 2, 3, 4, 5},
                classes={2: "outlet-count", 5: "reach"},
            ),
            Paragraph(str(REACH_DEFINITIONS), "reach-definitions"),
        ],
    )
    return [results, by_stage, honours, publicity]


def report_document(figures: Figures, day: date | None = None) -> OfficialDocument:
    """The report, once: the printable page, the PDF, the Word file and the spreadsheet's
    cover are rendered from it."""
    campaign = figures.campaign
    day = day or timezone.localdate()
    body = campaign.report_body or campaign.issuing_body
    recipients = lines(campaign.report_recipients)
    distribution = lines(campaign.report_distribution) or [
        *([_("As above;")] if recipients else []),
        _("Filed: Records office."),
    ]
    basis = _(
        "%(basis)s, for the reporting period from %(start)s to %(end)s, %(body)s reports the "
        "following results:"
    ) % {
        "basis": _("Pursuant to %(plan)s") % {"plan": plan_citation(campaign)},
        "start": figures.start.strftime("%d/%m/%Y"),
        "end": figures.end.strftime("%d/%m/%Y"),
        "body": body,
    }
    return OfficialDocument(
        parent_body=campaign.report_parent_body,
        issuing_body=body,
        number=report_number(figures),
        place_and_date=place_and_date(campaign.report_place or "Tân Lâm", day),
        kind=pgettext("document type", "REPORT"),
        summary=report_summary(figures),
        recipients=recipients,
        basis=[basis],
        sections=report_sections(figures),
        distribution=distribution,
        signature=campaign.signature_block(body),
        title=report_title(figures),
    )


XLSX_FONT = "Times New Roman"
MM_PER_INCH = 25.4


def _page_setup(sheet, *, landscape: bool = False, title_rows: str | None = None) -> None:
    """A4, the decree's margins, one page wide (as many pages down as needed)."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    for side, mm in MARGINS_MM.items():
        setattr(sheet.page_margins, side, round(mm / MM_PER_INCH, 2))
    sheet.print_options.horizontalCentered = True
    if title_rows:
        sheet.print_title_rows = title_rows


def _font(size: float = BODY_PT - 1, **style) -> Font:
    return Font(name=XLSX_FONT, size=size, **style)


def _fonts(sheet, size: int) -> None:
    """Times New Roman throughout: cells still in the default font get it, keeping their
    weight, slant and underline; cells given a font of ours keep theirs."""
    for row in sheet.iter_rows():
        for cell in row:
            old = cell.font
            if old.name != XLSX_FONT:
                cell.font = _font(size, bold=old.b, italic=old.i, underline=old.u)


def _cover(book, figures: Figures, document: OfficialDocument) -> None:
    """The first sheet: the official header, the totals, then "Nơi nhận" and the signature."""
    cover = book.active
    cover.title = "Báo cáo"
    left = [
        *([(document.parent_body.upper(), False)] if document.parent_body else []),
        (document.issuing_body.upper(), True),
        (document.number, False),
    ]
    right = [
        (document.national_name, _font(bold=True, size=NATIONAL_NAME_PT)),
        (document.national_motto, _font(bold=True, underline="single")),
        (document.place_and_date, _font(italic=True)),
    ]
    centred = Alignment(horizontal="center", vertical="top", wrap_text=True)
    for number in range(3):
        a, b = cover.cell(number + 1, 1), cover.cell(number + 1, 2)
        if number < len(left):
            a.value, a.font = left[number][0], _font(bold=left[number][1], size=HEADER_PT)
        b.value, b.font = right[number]
        a.alignment = b.alignment = centred
    row = 5

    def line(text: str, font: Font | None = None, *, centre: bool = True) -> None:
        """One line across both columns, from row 5 down."""
        nonlocal row
        cover.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        cell = cover.cell(row, 1, text)
        cell.font = font or _font()
        cell.alignment = centred if centre else Alignment(wrap_text=True, vertical="top")
        if not centre:  # a paragraph: room for about three lines
            cover.row_dimensions[row].height = 20 * (1 + len(text) // 90)
        row += 1

    line(document.kind, _font(bold=True))
    line(document.summary, _font(bold=True))
    if document.recipients:
        line(document.recipients_line())
        for recipient in document.recipients if len(document.recipients) > 1 else []:
            line(f"- {recipient}")
    for text in document.basis:
        line(text, centre=False)
    row += 1
    for label, value in (
        ("Tổng chỉ tiêu", figures.total_target),  # empty when the period has no target
        ("Tổng đạt", figures.total_achieved),
        ("Số điển hình trong kỳ", len(figures.exemplars)),
        ("Chưa được tuyên truyền", len(figures.not_publicised)),
        ("Số bài viết", figures.story_total),
        ("Số khen thưởng", len(figures.recognitions)),
    ):
        cover.cell(row, 1, label)
        cover.cell(row, 2, value)
        row += 1
    closing = row + 1
    cover.cell(closing, 1, _("Recipients:")).font = _font(
        bold=True, italic=True, size=RECIPIENTS_LABEL_PT
    )
    for offset, line in enumerate(document.distribution, 1):
        cover.cell(closing + offset, 1, f"- {line}").font = _font(size=RECIPIENTS_PT)
    for offset, line in enumerate(document.signature.lines):
        cell = cover.cell(closing + offset, 2, line)
        cell.font, cell.alignment = _font(bold=True), centred
    name = cover.cell(closing + len(document.signature.lines) + 4, 2, document.signature.name)
    name.font, name.alignment = _font(bold=True), centred
    cover.column_dimensions["A"].width = 45
    cover.column_dimensions["B"].width = 55
    _page_setup(cover)
    _fonts(cover, BODY_PT - 1)


def report_xlsx(figures: Figures, document: OfficialDocument | None = None) -> bytes:
    """The report as a workbook: the official cover and one sheet per section, each ready to
    print (A4, fit to width, the header row repeated on every page)."""
    book = Workbook()
    bold = Font(bold=True)
    _cover(book, figures, document or report_document(figures))

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

    widths = {
        "Kết quả": [22, 11, 9, 10, 12, 12, 12, 12],
        "Điển hình theo giai đoạn": [40, 14, 28, 14, 9, 18],
        "Khen thưởng": [36, 22, 22, 18, 12, 8],
        "Tuyên truyền": [40, 14, 60, 12, 12, 18, 12],
    }
    thin = Side(style="thin")
    for sheet in book.worksheets[1:]:
        for cell in sheet[1]:
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
            cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
        for letter, width in zip("ABCDEFGH", widths[sheet.title], strict=False):
            sheet.column_dimensions[letter].width = width
        sheet.freeze_panes = "A2"
        _page_setup(sheet, landscape=len(widths[sheet.title]) > 6, title_rows="1:1")
        _fonts(sheet, TABLE_PT)

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def report_filename(figures: Figures, extension: str = "xlsx") -> str:
    half = {0: "ca-nam", 1: "6-thang-dau", 2: "6-thang-cuoi"}[figures.half]
    return f"bao-cao-{slugify(figures.campaign.code)}-{figures.year}-{half}.{extension}"
