"""Administrative documents in the form of Nghị định 30/2020/NĐ-CP (thể thức văn bản).

One `OfficialDocument` holds what a report or a decision says, once; the printable page and the
PDF (`templates/campaigns/official_document.html`), the Word file (`official_docx.to_docx`) and the
spreadsheet's cover (`reports.report_xlsx`) are all rendered from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .choices import LegalDocumentType, SigningAuthority

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"
RULE = "――――――"  # the short line under the issuing body

# Sizes in points (Nghị định 30/2020, Appendix I): the body 13–14, the header 12–13, the
# distribution list 11 under its 12-point label.
BODY_PT = 14
HEADER_PT = 13
NATIONAL_NAME_PT = 12
TABLE_PT = 12
RECIPIENTS_LABEL_PT = 12
RECIPIENTS_PT = 11
# A4 margins in millimetres: top 20–25, bottom 20–25, left 30–35, right 15–20.
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
# The header table's columns (mm): the right one holds the national name on one line.
HEADER_COLUMNS_MM = (62, 103)

# The document-type symbol in a number such as 60/KH-UBND, and the type it stands for.
SYMBOL_TYPES = {
    "KH": LegalDocumentType.PLAN,
    "QĐ": LegalDocumentType.DECISION,
    "CT": LegalDocumentType.DIRECTIVE,
    "NQ": LegalDocumentType.RESOLUTION,
    "HD": LegalDocumentType.GUIDANCE,
    "TB": LegalDocumentType.NOTICE,
    "BC": LegalDocumentType.REPORT,
}


@dataclass
class Table:
    """A bordered table: the header row, the body rows, an optional bold total row."""

    id: str
    header: list[str]
    rows: list[list]
    total: list | None = None
    numeric: set[int] = field(default_factory=set)  # columns aligned right
    classes: dict[int, str] = field(default_factory=dict)  # body cells' class, by column
    widths: list[float] | None = None  # the spreadsheet's column widths

    total_classes: dict[int, str] = field(default_factory=dict)

    @staticmethod
    def cell(value) -> str:
        return "—" if value is None else str(value)

    def _cells(self, values: list, classes: dict[int, str]) -> list[tuple[str, str]]:
        return [
            (
                self.cell(value),
                " ".join(filter(None, ["n" if i in self.numeric else "", classes.get(i, "")])),
            )
            for i, value in enumerate(values)
        ]

    def body_cells(self) -> list[list[tuple[str, str]]]:
        """Each body row as (text, class) pairs, for the HTML page."""
        return [self._cells(row, self.classes) for row in self.rows]

    def total_cells(self) -> list[tuple[str, str]]:
        return self._cells(self.total, self.total_classes) if self.total is not None else []


@dataclass
class Paragraph:
    text: str
    css: str = ""  # a class the HTML page (and the tests) find it by


@dataclass
class Section:
    heading: str
    blocks: list[Paragraph | Table] = field(default_factory=list)
    centred: bool = False  # a decision's "QUYẾT ĐỊNH:" stands in the middle


@dataclass
class Signature:
    """The signature block: authority and position (bold, upper case), then the name."""

    lines: list[str]
    name: str


@dataclass
class OfficialDocument:
    parent_body: str
    issuing_body: str
    number: str
    place_and_date: str
    kind: str  # BÁO CÁO, QUYẾT ĐỊNH
    summary: str  # trích yếu
    recipients: list[str]
    basis: list[str]
    sections: list[Section]
    distribution: list[str]
    signature: Signature
    title: str  # the page's <title> and the file's name
    authority: str = ""  # a decision's issuing authority under the subject (CHỦ TỊCH …)

    @property
    def national_name(self) -> str:
        return NATIONAL_NAME

    @property
    def national_motto(self) -> str:
        return NATIONAL_MOTTO

    @property
    def rule(self) -> str:
        return RULE

    def recipients_line(self) -> str:
        """“Kính gửi: A.” for one recipient; the list goes on its own lines for more."""
        return _("To:") + " " + self.recipients[0] if len(self.recipients) == 1 else _("To:")


def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def place_and_date(place: str, day: date) -> str:
    """“Sơn Hà, ngày 05 tháng 11 năm 2026”: days 1–9 and months 1–2 take a leading zero."""
    return _("%(place)s, day %(day)s month %(month)s year %(year)s") % {
        "place": place,
        "day": f"{day:%d}",
        "month": f"{day:%m}" if day.month < 3 else str(day.month),
        "year": day.year,
    }


def signature(authority: str, signing_for: str, position: str, name: str) -> Signature:
    """TM. + the collective, then the position; KT. + the head's position, then the deputy's;
    Q. + the position held; no prefix: the position."""
    prefix = SigningAuthority(authority or "").prefix
    position = position or _("Head of the agency")
    if authority == SigningAuthority.ACTING:
        found = [f"{prefix} {signing_for or position}"]
    elif prefix and signing_for:
        found = [f"{prefix} {signing_for}", position]
    else:
        found = [position]
    return Signature(lines=[line.upper() for line in found], name=name)


def plan_reference(campaign) -> tuple[str, date | None]:
    """The plan's document type (from its symbol, else its legal basis page) and its date."""
    document = next(
        (doc for doc in campaign.legal_basis.all() if doc.number == campaign.code), None
    )
    symbol = campaign.code.split("/", 1)[-1].split("-", 1)[0].upper()
    if symbol in SYMBOL_TYPES:
        kind = SYMBOL_TYPES[symbol].label
    elif document is not None:
        kind = document.get_document_type_display()
    else:
        kind = LegalDocumentType.PLAN.label
    day = campaign.plan_date or (document.issue_date if document is not None else None)
    return str(kind), day


def plan_citation(campaign) -> str:
    """“Kế hoạch số 60/KH-UBND ngày 15/01/2024 của Ủy ban nhân dân tỉnh … về …”: reports
    begin “Thực hiện …”, decisions cite it “Căn cứ …”."""
    kind, day = plan_reference(campaign)
    dated = (_(" of %(day)s") % {"day": day.strftime("%d/%m/%Y")}) if day else ""
    title = campaign.title
    if title.lower().startswith(kind.lower() + " "):
        title = title[len(kind) + 1 :]
    return _("%(kind)s No. %(number)s%(dated)s of %(body)s on %(title)s") % {
        "kind": kind,
        "number": campaign.code,
        "dated": dated,
        "body": campaign.issuing_body,
        "title": title[:1].lower() + title[1:],
    }


def to_html_context(document: OfficialDocument, *, for_pdf: bool = False) -> dict:
    """What `templates/campaigns/official_document.html` needs (the page and the PDF)."""
    return {"doc": document, "for_pdf": for_pdf, "margins": MARGINS_MM}


def to_pdf(document: OfficialDocument) -> bytes:
    """The page as PDF through WeasyPrint (needs Debian's pango; fonts in docs/campaigns.md)."""
    from PIL import ImageFile

    lenient = ImageFile.LOAD_TRUNCATED_IMAGES
    from weasyprint import HTML  # imported here: loading pango takes a moment

    # WeasyPrint's import turns Pillow's LOAD_TRUNCATED_IMAGES on for the whole process, which
    # would let a cut-off photo upload through in this worker (media_pipeline.forms).
    ImageFile.LOAD_TRUNCATED_IMAGES = lenient

    html = render_to_string(
        "campaigns/official_document.html", to_html_context(document, for_pdf=True)
    )
    return HTML(string=html).write_pdf()
