"""An `official.OfficialDocument` as a Word document (python-docx): A4, the decree's margins,
Times New Roman, the header table, the body, then "Nơi nhận" and the signature side by side."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .official import (
    BODY_PT,
    HEADER_COLUMNS_MM,
    HEADER_PT,
    MARGINS_MM,
    NATIONAL_NAME_PT,
    RECIPIENTS_LABEL_PT,
    RECIPIENTS_PT,
    TABLE_PT,
    OfficialDocument,
    Paragraph,
    Table,
)

FONT = "Times New Roman"
CENTER, RIGHT, JUSTIFY = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.RIGHT,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
)


def _set_font(style_or_run, size: float) -> None:
    """Times New Roman for every script: Word picks the east-Asian slot for some letters."""
    style_or_run.font.name = FONT
    style_or_run.font.size = Pt(size)
    fonts = style_or_run.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)


def _para(
    container,
    text: str = "",
    *,
    size: float = BODY_PT,
    align=None,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    indent: bool = False,
    after: float = 0,
):
    """A paragraph of one run; a table cell's first call fills the paragraph it comes with."""
    if getattr(container, "_fresh", True) and hasattr(container, "vertical_alignment"):
        container._fresh = False
        paragraph = container.paragraphs[0]
    else:
        paragraph = container.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(after)
    paragraph.paragraph_format.space_before = Pt(0)
    if indent:
        paragraph.paragraph_format.first_line_indent = Mm(12.7)
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic, run.underline = bold, italic, underline
        _set_font(run, size)
    return paragraph


def _borderless(table, widths_mm: tuple[float, ...]) -> None:
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def _table(doc, block: Table) -> None:
    table = doc.add_table(rows=1, cols=len(block.header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, block.header, strict=True):
        _para(cell, text, size=TABLE_PT, bold=True, align=CENTER)
    body = [(row, False) for row in block.rows]
    if block.total is not None:
        body.append((block.total, True))
    for values, bold in body:
        cells = table.add_row().cells
        for index, (cell, value) in enumerate(zip(cells, values, strict=True)):
            align = RIGHT if index in block.numeric else None
            _para(cell, Table.cell(value), size=TABLE_PT, bold=bold, align=align)


def render_docx(document: OfficialDocument) -> Document:
    doc = Document()
    normal = doc.styles["Normal"]
    _set_font(normal, BODY_PT)
    for name in ("Table Grid",):
        _set_font(doc.styles[name], TABLE_PT)

    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])

    # The header: issuing body and number on the left, the national name on the right.
    header = doc.add_table(rows=1, cols=2)
    _borderless(header, HEADER_COLUMNS_MM)
    left, right = header.rows[0].cells
    if document.parent_body:
        _para(left, document.parent_body.upper(), size=HEADER_PT, align=CENTER)
    _para(left, document.issuing_body.upper(), size=HEADER_PT, bold=True, align=CENTER)
    _para(left, document.rule, size=HEADER_PT, align=CENTER)
    _para(left, document.number, size=HEADER_PT, align=CENTER)
    _para(right, document.national_name, size=NATIONAL_NAME_PT, bold=True, align=CENTER)
    _para(right, document.national_motto, bold=True, underline=True, align=CENTER, after=6)
    _para(right, document.place_and_date, italic=True, align=CENTER)

    _para(doc, after=6)
    _para(doc, document.kind, bold=True, align=CENTER)
    _para(doc, document.summary, bold=True, align=CENTER, after=12)
    if document.authority:
        _para(doc, document.authority, bold=True, align=CENTER, after=12)
    if document.recipients:
        _para(
            doc,
            document.recipients_line(),
            align=CENTER,
            after=0 if len(document.recipients) > 1 else 12,
        )
        if len(document.recipients) > 1:
            for line in document.recipients:
                _para(doc, f"- {line}", align=CENTER)
            _para(doc, after=6)
    for line in document.basis:
        _para(doc, line, align=JUSTIFY, indent=True, after=6)
    for part in document.sections:
        if part.centred:
            _para(doc, part.heading, bold=True, align=CENTER, after=6)
        else:
            _para(doc, part.heading, bold=True, after=6, indent=True)
        for block in part.blocks:
            if isinstance(block, Paragraph):
                _para(doc, block.text, align=JUSTIFY, indent=True, after=6)
            else:
                _table(doc, block)
                _para(doc, after=6)

    # "Nơi nhận" (small type) bottom left, the signature bottom right.
    closing = doc.add_table(rows=1, cols=2)
    _borderless(closing, (80, 85))
    recipients, signer = closing.rows[0].cells
    _para(recipients, _("Recipients:"), size=RECIPIENTS_LABEL_PT, bold=True, italic=True)
    for line in document.distribution:
        _para(recipients, f"- {line}", size=RECIPIENTS_PT)
    for line in document.signature.lines:
        _para(signer, line, bold=True, align=CENTER)
    for _blank in range(4):  # room for the signature and the seal
        _para(signer, "", align=CENTER)
    _para(signer, document.signature.name, bold=True, align=CENTER)
    return doc


def to_docx(document: OfficialDocument) -> bytes:
    """The document as Word: the officer edits, signs and files it."""
    buffer = io.BytesIO()
    render_docx(document).save(buffer)
    return buffer.getvalue()
