"""A campaign's exemplars as a spreadsheet, out and in.

Export: one row per participation (the exemplar's name, kind, field, locality, the day it was
discovered, the notes, its current stage). Import: the same first six columns; every row is
checked first and the Vietnamese message names the row ("Dòng 7: địa bàn …"); a file with any
error saves nothing, and a clean file is saved in one transaction after the officer confirms
the preview.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from core.collation import vi_order
from core.models import Locality
from vietnamese.dates import read_date
from vietnamese.text import fold

from .choices import ExemplarField, ExemplarKind, Stage
from .models import Campaign, ExemplarIndexPage, ExemplarPage, Participation

MAX_ROWS = 2000


def columns() -> list[str]:
    return [
        _("Exemplar's name"),
        _("Kind"),
        pgettext("exemplar field", "Field"),
        _("Locality"),
        _("Discovered on"),
        _("Notes"),
        _("Current stage"),
    ]


def _workbook(
    header: list[str], rows, widths: tuple[int, ...], dates: tuple[int, ...] = ()
) -> bytes:
    """One sheet of rows under a bold, frozen, printed-on-every-page header, on A4 landscape;
    the columns numbered in `dates` (from 1) shown as 25/11/2026."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Exemplars")[:31]
    sheet.append(header)
    for row in rows:
        sheet.append(row)
        for column in dates:
            sheet.cell(sheet.max_row, column).number_format = "DD/MM/YYYY"
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def export_participations(campaign: Campaign) -> bytes:
    """The campaign's exemplars, in the columns the import reads (and their stage)."""
    participations = (
        Participation.objects.filter(campaign=campaign)
        .select_related("exemplar__locality")
        .prefetch_related("stage_events")
    )
    rows = []
    for participation in participations:
        exemplar = participation.exemplar
        first = next(iter(participation.stage_events.all()), None)
        rows.append(
            [
                exemplar.title,
                exemplar.get_kind_display(),
                exemplar.get_field_display(),
                exemplar.locality.name if exemplar.locality else "",
                first.effective_on if first else None,
                participation.notes,
                participation.get_stage_display(),
            ]
        )
    return _workbook(columns(), rows, (36, 14, 36, 28, 16, 40, 14), dates=(5,))


@dataclass
class ImportRow:
    line: int
    title: str
    kind: str
    field: str
    locality: Locality | None
    discovered_on: date
    notes: str
    exemplar: ExemplarPage | None  # an exemplar already in the directory, else a new one

    @property
    def kind_label(self) -> str:
        return str(ExemplarKind(self.kind).label)


@dataclass
class ImportResult:
    rows: list = field(default_factory=list)  # ImportRow or DirectoryRow
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _choice(text: str, choices) -> str | None:
    wanted = fold(text)
    for value, label in choices:
        if wanted in (fold(str(label)), fold(value)):
            return value
    return None


class _Localities:
    """Localities by folded name ("xa nam mo"), or by the full "Xã …, Huyện …" when two share
    a name."""

    def __init__(self) -> None:
        self.by_name: dict[str, list[Locality]] = {}
        self.by_path: dict[str, Locality] = {}
        for place in Locality.objects.select_related("parent__parent"):
            self.by_name.setdefault(fold(place.name), []).append(place)
            self.by_path[fold(str(place))] = place

    def find(self, text: str) -> tuple[Locality | None, bool]:
        """(the place, whether the name is ambiguous)."""
        if fold(text) in self.by_path:
            return self.by_path[fold(text)], False
        found = self.by_name.get(fold(text), [])
        return (found[0], False) if len(found) == 1 else (None, len(found) > 1)


def _row_errors(line: int) -> tuple[list[str], Callable[..., None]]:
    """The row's messages and the function that adds one, prefixed "Row 7: "."""
    errors: list[str] = []

    def error(message: str, **values) -> None:
        errors.append(_("Row %(line)s: ") % {"line": line} + message % values)

    return errors, error


def _check_profile(cells: list, context: dict, error) -> tuple:
    """The four columns every exemplar sheet opens with: name, kind, field and locality
    (name, kind value, field value, place), each wrong one reported through `error`."""
    title, kind_text, field_text, place_text = (_text(value) for value in cells[:4])
    if not title:
        error(_("the exemplar's name is missing."))
    kind = _choice(kind_text, ExemplarKind.choices)
    if kind is None:
        error(
            _("kind “%(value)s” is not in the list (%(choices)s)."),
            value=kind_text,
            choices=", ".join(str(label) for _v, label in ExemplarKind.choices),
        )
    field_value = _choice(field_text, ExemplarField.choices)
    if field_value is None:
        error(_("field “%(value)s” is not in the list."), value=field_text)
    locality, ambiguous = context["places"].find(place_text) if place_text else (None, False)
    if place_text and locality is None:
        if ambiguous:
            error(
                _("several places are called “%(value)s”: write it with its district."),
                value=place_text,
            )
        else:
            error(_("locality “%(value)s” is not in the list of places."), value=place_text)
    key = (fold(title), locality.pk if locality else None)
    seen = context["seen"]
    if title and key in seen:
        error(_("“%(title)s” is already on row %(other)s."), title=title, other=seen[key])
    seen.setdefault(key, context["line"])
    return title, kind, field_value, locality


def _check_row(line: int, cells: list, context: dict) -> tuple[ImportRow | None, list[str]]:
    """One row: the row to save, or the Vietnamese messages naming what is wrong in it."""
    errors, error = _row_errors(line)
    title, kind, field_value, locality = _check_profile(cells, context, error)
    day_value, notes = cells[4], _text(cells[5])
    if isinstance(day_value, datetime):
        day = day_value.date()
    elif isinstance(day_value, date):
        day = day_value
    else:
        day = read_date(_text(day_value))
        if day is None:
            error(
                _("the day of discovery “%(value)s” is not a date (write 25/11/2026)."),
                value=_text(day_value),
            )
    existing = None
    if title and locality is not None:
        matches = ExemplarPage.possible_duplicates(title, locality.pk)
        existing = matches[0] if matches else None
        if existing is not None and existing.pk in context["joined"]:
            error(_("“%(title)s” already takes part in this campaign."), title=title)
    if errors:
        return None, errors
    return ImportRow(line, title, kind, field_value, locality, day, notes, existing), []


def _read_sheet(data: bytes, width: int, check, **context) -> ImportResult:
    """Every row of the workbook's first sheet under its header, through `check(line,
    cells, context)`; blank rows skipped, at most MAX_ROWS. Nothing is saved here."""
    result = ImportResult()
    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, IndexError):
        result.errors.append(_("The file is not an Excel workbook (.xlsx)."))
        return result
    context.update(places=_Localities(), seen={})
    for line, values in enumerate(sheet.iter_rows(min_row=2, max_col=width, values_only=True), 2):
        cells = [*values, *[None] * (width - len(values))]
        if all(value is None or _text(value) == "" for value in cells):
            continue
        if line - 1 > MAX_ROWS:
            result.errors.append(_("The file has more than %(max)s rows.") % {"max": MAX_ROWS})
            break
        context["line"] = line
        row, errors = check(line, cells, context)
        result.errors.extend(errors)
        if row is not None:
            result.rows.append(row)
    if not result.rows and not result.errors:
        result.errors.append(_("The file has no rows under its header."))
    return result


def read_participations(campaign: Campaign, data: bytes) -> ImportResult:
    """Check every row of an uploaded workbook; nothing is saved here."""
    joined = set(campaign.participations.values_list("exemplar_id", flat=True))
    return _read_sheet(data, 6, _check_row, joined=joined)


def save_participations(campaign: Campaign, data: bytes, *, by=None) -> ImportResult:
    """Check the file again and save every row, or nothing: one transaction."""
    result = read_participations(campaign, data)
    if not result.ok:
        return result
    index = ExemplarIndexPage.objects.first()
    if index is None:
        result.errors.append(_("There is no exemplar directory page to add exemplars under."))
        return result
    with transaction.atomic():
        for row in result.rows:
            exemplar = row.exemplar
            if exemplar is None:
                # New profiles are drafts: an editor checks and publishes them.
                exemplar = ExemplarPage(
                    title=row.title,
                    kind=row.kind,
                    field=row.field,
                    locality=row.locality,
                    live=False,
                    owner=by,
                )
                index.add_child(instance=exemplar)
                exemplar.save_revision(user=by)
            participation = Participation.objects.create(
                campaign=campaign, exemplar=exemplar, notes=row.notes
            )
            participation.move_to(Stage.DISCOVERED, row.discovered_on, by=by)
    return result


# The exemplar directory: every profile, whether or not it takes part in a campaign.


def directory_columns() -> list[str]:
    return [
        _("Exemplar's name"),
        _("Kind"),
        pgettext("exemplar field", "Field"),
        _("Locality"),
        _("Position, occupation"),
        _("Organisation or unit"),
        _("Summary"),
        pgettext("directory export", "Status"),
    ]


def export_directory() -> bytes:
    """Every exemplar profile in the columns the directory import reads, and whether it is
    published (the last column, not read back)."""
    pages = ExemplarPage.objects.select_related("locality").order_by(vi_order("title"), "pk")
    rows = [
        [
            page.title,
            page.get_kind_display(),
            page.get_field_display(),
            page.locality.name if page.locality else "",
            page.position,
            page.organisation,
            page.summary,
            (
                pgettext("directory export", "published")
                if page.live
                else pgettext("directory export", "draft")
            ),
        ]
        for page in pages
    ]
    return _workbook(directory_columns(), rows, (36, 14, 36, 28, 28, 32, 60, 12))


@dataclass
class DirectoryRow:
    line: int
    title: str
    kind: str
    field: str
    locality: Locality | None
    position: str
    organisation: str
    summary: str
    exemplar: ExemplarPage | None  # the profile of the same name and place, updated

    @property
    def kind_label(self) -> str:
        return str(ExemplarKind(self.kind).label)


SUMMARY_LENGTH = ExemplarPage._meta.get_field("summary").max_length


def _check_directory_row(
    line: int, cells: list, context: dict
) -> tuple[DirectoryRow | None, list[str]]:
    errors, error = _row_errors(line)
    title, kind, field_value, locality = _check_profile(cells, context, error)
    position, organisation, summary = (_text(value) for value in cells[4:7])
    if len(summary) > SUMMARY_LENGTH:
        error(
            _("the summary has %(length)s characters; at most %(max)s."),
            length=len(summary),
            max=SUMMARY_LENGTH,
        )
    if errors:
        return None, errors
    matches = ExemplarPage.possible_duplicates(title, locality.pk if locality else None)
    row = DirectoryRow(
        line, title, kind, field_value, locality, position, organisation, summary, None
    )
    row.exemplar = matches[0] if matches else None
    return row, []


def read_directory(data: bytes) -> ImportResult:
    """Check every row of an uploaded directory workbook; nothing is saved here."""
    return _read_sheet(data, 7, _check_directory_row)


def save_directory(index: ExemplarIndexPage, data: bytes, *, by=None) -> ImportResult:
    """Check the file again, then in one transaction add each new profile as a draft under
    the index and give each existing one a new draft revision (its live version stays as
    it is until an editor publishes)."""
    result = read_directory(data)
    if not result.ok:
        return result
    with transaction.atomic():
        for row in result.rows:
            values = {
                "title": row.title,
                "kind": row.kind,
                "field": row.field,
                "locality": row.locality,
                "position": row.position,
                "organisation": row.organisation,
                "summary": row.summary,
            }
            if row.exemplar is None:
                page = ExemplarPage(**values, live=False, owner=by)
                index.add_child(instance=page)
            else:
                page = row.exemplar.specific.get_latest_revision_as_object()
                for name, value in values.items():
                    setattr(page, name, value)
            page.save_revision(user=by)
    return result
