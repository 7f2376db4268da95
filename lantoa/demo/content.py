"""The demo newsroom's content, read from the TOML files in `data/` and checked on the way in.

Everything in those files is invented (the province of Tân Lâm does not exist) and written for
the demo; `lantoa.demo.builder` turns it into rows and pages. Cross-references use `key`s (and
place names) so that the files read top to bottom without database ids. A broken file stops the
demo with a `DemoDataError` that names the file and the key, before anything is written.
"""

from __future__ import annotations

import dataclasses
import tomllib
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from campaigns.choices import (
    ExemplarField,
    ExemplarKind,
    LegalDocumentType,
    RecognitionForm,
    RecognitionLevel,
    Stage,
)
from core import roles
from core.models import Locality
from syndication.models import OutletKind

from .media import MOTIFS

DATA_DIR = Path(__file__).resolve().with_name("data")

# The data files, in the order they are read; each holds the keys listed.
FILES = (
    "site.toml",
    "pictures.toml",
    "exemplars.toml",
    "stories.toml",
    "documents.toml",
    "campaign.toml",
)


class DemoDataError(ValueError):
    """A demo data file that cannot be used: which file, which key, what is wrong."""

    def __init__(self, file: str, key: str, message: str) -> None:
        self.file, self.key, self.message = file, key, message
        super().__init__(f"{file}: {key}: {message}")


# --- The shapes of the data ------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    name: str
    level: str  # lantoa.models.Locality.Level
    parent: str | None = None  # the parent's name, declared earlier in `places`


@dataclass(frozen=True)
class OutletSpec:
    name: str
    kind: str  # syndication.models.OutletKind
    locality: str
    contact: str
    private: bool = False  # private outlets get a feed token


@dataclass(frozen=True)
class Picture:
    key: str
    title: str
    label: str  # the short text drawn on the picture
    colours: tuple[str, str]  # top and bottom of the gradient
    motif: str
    alt: str  # filled from the motif's description: the pictures are drawings, and say so
    credit: str = "Báo Lan Tỏa (minh họa)"
    size: tuple[int, int] = (1200, 675)


@dataclass(frozen=True)
class Person:
    """An Author snippet (the byline)."""

    key: str
    name: str
    role: str
    organisation: str


@dataclass(frozen=True)
class Login:
    """A demo account: one per newsroom group, linked to its byline where it has one."""

    username: str
    group: str  # a key of ROLE_GROUPS
    first_name: str
    last_name: str
    role_label: str
    author: str | None = None
    superuser: bool = False


@dataclass(frozen=True)
class Section:
    """An index page under the home page: a column, the series list, a directory."""

    key: str
    title: str
    intro: str


@dataclass(frozen=True)
class SeriesSpec:
    title: str
    intro: str
    hero: str


@dataclass(frozen=True)
class ExemplarSpec:
    key: str
    title: str
    kind: str
    field: str
    locality: str
    summary: str
    achievements: tuple[str, ...]
    photo: str
    position: str = ""
    organisation: str = ""


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Quote:
    text: str
    attribution: str


@dataclass(frozen=True)
class Facts:
    title: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Figure:
    picture: str
    caption: str


Block = Para | Quote | Facts | Figure

# A body block's `type` in the data file: the StreamField block it becomes.
BLOCK_TYPES: dict[str, type] = {
    "paragraph": Para,
    "quote": Quote,
    "fact_box": Facts,
    "image": Figure,
}


@dataclass(frozen=True)
class StorySpec:
    key: str
    title: str
    column: str  # a Section key from `columns`
    sapo: str
    hero: str  # a Picture key
    hero_caption: str
    body: tuple[Block, ...]
    authors: tuple[str, ...]
    locality: str
    days_ago: int  # publication date, counted back from the day the demo is loaded
    hour: int
    tags: tuple[str, ...] = ()
    channels: tuple[str, ...] = ("newspaper", "portal")
    exemplars: tuple[str, ...] = ()
    related: tuple[str, ...] = ()  # keys of stories declared earlier
    part_number: int | None = None  # a part of the series when set
    radio_script: str = ""
    correction: str = ""


@dataclass(frozen=True)
class DocumentSpec:
    title: str  # the trích yếu
    number: str
    document_type: str
    issuing_body: str
    signer: str
    signer_title: str
    issue_date: date
    effective_date: date | None
    field: str
    summary: tuple[str, ...]
    file_title: str


@dataclass(frozen=True)
class SiteSettingsSpec:
    tagline: str
    publisher: str
    footer_text: str
    contact_email: str
    share_picture: str


@dataclass(frozen=True)
class StageMove:
    stage: int  # campaigns Stage, 1–4
    day: date
    reason: str = ""


@dataclass(frozen=True)
class RecognitionSpec:
    level: str
    form: str
    number: str
    day: date


@dataclass(frozen=True)
class TargetSpec:
    year: int
    kind: str  # an exemplar kind
    number: int


@dataclass(frozen=True)
class ParticipationSpec:
    exemplar: str  # ExemplarSpec.key
    moves: tuple[StageMove, ...]
    featured: bool = False
    recognitions: tuple[RecognitionSpec, ...] = ()
    met: tuple[int, ...] = ()  # indexes of the criteria met
    evidence: str = ""


@dataclass(frozen=True)
class CampaignSpec:
    title: str
    code: str
    issuing_body: str
    legal_basis: tuple[str, ...]  # DocumentSpec.number
    start_date: date
    end_date: date
    goal: str
    description: tuple[str, ...]
    targets: tuple[TargetSpec, ...]
    criteria: tuple[str, ...]
    participations: tuple[ParticipationSpec, ...]
    aired_story: str  # StorySpec.key confirmed on air by the radio outlet


@dataclass(frozen=True)
class DemoContent:
    """The whole demo, as the builder reads it."""

    province: str
    place_name: str  # the province as dates and report headings write it ("Tân Lâm")
    places: tuple[Place, ...]
    outlets: tuple[OutletSpec, ...]
    authors: tuple[Person, ...]
    users: tuple[Login, ...]
    columns: tuple[Section, ...]
    series_index: Section
    series: SeriesSpec
    exemplar_index: Section
    document_index: Section
    home_intro: str
    featured_stories: tuple[str, ...]  # home page picks, in order
    site_settings: SiteSettingsSpec
    alt_text: str  # the pictures' alt text, from {motif} and {label}
    motifs: dict[str, str]  # what each motif looks like, for the alt text
    pictures: tuple[Picture, ...]
    exemplars: tuple[ExemplarSpec, ...]
    stories: tuple[StorySpec, ...]
    documents: tuple[DocumentSpec, ...]
    campaign: CampaignSpec
    # Which file each top-level key came from, for error messages.
    sources: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def iter_text(self) -> Iterator[str]:
        """Every string of the demo content, for the test that checks nothing is copied."""
        for item in dataclasses.fields(self):
            if item.name != "sources":
                yield from _strings(getattr(self, item.name))


def role_groups() -> dict[str, str]:
    """The demo accounts' groups (core.roles), by the name the data file uses."""
    return {
        "administrator": roles.ADMINISTRATOR,
        "journalist": roles.JOURNALIST,
        "editor": roles.EDITOR,
        "editor_in_chief": roles.EDITOR_IN_CHIEF,
        "campaign_officer": roles.CAMPAIGN_OFFICER,
    }


# --- Reading -----------------------------------------------------------------------------------


@cache
def load(directory: Path = DATA_DIR) -> DemoContent:
    """Read and check every data file; the result is cached (the files ship with the code)."""
    raw: dict[str, object] = {}
    sources: dict[str, str] = {}
    for name in FILES:
        path = directory / name
        try:
            with path.open("rb") as handle:
                data = tomllib.load(handle)
        except FileNotFoundError:
            raise DemoDataError(name, "(file)", f"missing: {path}") from None
        except tomllib.TOMLDecodeError as error:
            raise DemoDataError(name, "(syntax)", str(error)) from None
        for key, value in data.items():
            if key in sources:
                raise DemoDataError(name, key, f"already given in {sources[key]}")
            raw[key], sources[key] = value, name
    _fill_alt_text(raw, sources)
    content = _convert(DemoContent, {**raw, "sources": {}}, _Where(sources, ""))
    content = dataclasses.replace(content, sources=sources)
    _check(content)
    return content


def _fill_alt_text(raw: dict, sources: dict[str, str]) -> None:
    """Each picture's alt text describes the drawing as it is, not a photo it pretends to be."""
    pictures, motifs, template = raw.get("pictures"), raw.get("motifs"), raw.get("alt_text")
    if not (isinstance(pictures, list) and isinstance(motifs, dict) and isinstance(template, str)):
        return  # the conversion reports what is missing or mistyped
    for index, item in enumerate(pictures):
        if isinstance(item, dict) and "alt" not in item:
            motif = item.get("motif")
            if motif not in motifs:
                key = f"pictures[{index}].motif"
                raise DemoDataError(sources["pictures"], key, f"unknown motif {motif!r}")
            item["alt"] = template.format(motif=motifs[motif], label=item.get("label"))


@dataclass(frozen=True)
class _Where:
    """The file and dotted key of the value being converted."""

    sources: dict[str, str]
    key: str

    def at(self, part: str | int) -> _Where:
        if isinstance(part, int):
            return _Where(self.sources, f"{self.key}[{part}]")
        return _Where(self.sources, f"{self.key}.{part}" if self.key else part)

    def fail(self, message: str) -> DemoDataError:
        top = self.key.split(".")[0].split("[")[0]
        return DemoDataError(self.sources.get(top, ", ".join(FILES)), self.key, message)


_KIND_NAMES = {str: "text", int: "a whole number", bool: "true or false", date: "a date"}


def _convert(kind, value, where: _Where):
    """`value` as an instance of the annotation `kind`, or a DemoDataError saying where."""
    origin = typing.get_origin(kind)
    if kind is typing.Any:
        return value
    if origin in (types.UnionType, typing.Union):
        options = typing.get_args(kind)
        if value is None and type(None) in options:
            return None
        if set(options) == set(BLOCK_TYPES.values()):
            return _convert_block(value, where)
        (only,) = (option for option in options if option is not type(None))
        return _convert(only, value, where)
    if origin is tuple:
        args = typing.get_args(kind)
        if not isinstance(value, list):
            raise where.fail(f"expected a list, got {_describe(value)}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], item, where.at(i)) for i, item in enumerate(value))
        if len(value) != len(args):
            raise where.fail(f"expected a list of {len(args)} values, got {len(value)}")
        return tuple(
            _convert(arg, item, where.at(i))
            for i, (arg, item) in enumerate(zip(args, value, strict=True))
        )
    if origin is dict:
        key_kind, value_kind = typing.get_args(kind)
        if not isinstance(value, dict):
            raise where.fail(f"expected a table, got {_describe(value)}")
        return {
            _convert(key_kind, k, where.at(k)): _convert(value_kind, v, where.at(k))
            for k, v in value.items()
        }
    if dataclasses.is_dataclass(kind):
        return _convert_dataclass(kind, value, where)
    # bool is an int in Python, and a datetime is a date: neither may stand in for the other.
    if type(value) is kind or (kind is date and type(value) is date):
        return value
    raise where.fail(f"expected {_KIND_NAMES.get(kind, kind)}, got {_describe(value)}")


def _convert_dataclass(kind, value, where: _Where):
    if not isinstance(value, dict):
        raise where.fail(f"expected a table, got {_describe(value)}")
    hints = typing.get_type_hints(kind)
    fields = {f.name: f for f in dataclasses.fields(kind)}
    unknown = sorted(set(value) - set(fields))
    if unknown:
        raise where.at(unknown[0]).fail(f"unknown key (expected one of: {', '.join(fields)})")
    values = {}
    for name, spec in fields.items():
        if name in value:
            values[name] = _convert(hints[name], value[name], where.at(name))
        elif spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING:
            raise where.at(name).fail("missing")
    return kind(**values)


def _convert_block(value, where: _Where) -> Block:
    if not isinstance(value, dict):
        raise where.fail(f"expected a table, got {_describe(value)}")
    block_type = value.get("type")
    if block_type not in BLOCK_TYPES:
        raise where.at("type").fail(f"expected one of {', '.join(BLOCK_TYPES)}, got {block_type!r}")
    rest = {key: item for key, item in value.items() if key != "type"}
    return _convert_dataclass(BLOCK_TYPES[block_type], rest, where)


def _describe(value) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}"


# --- Cross-references and choices ---------------------------------------------------------------


def _check(content: DemoContent) -> None:
    """Every key names something declared, every code is a choice the models accept."""
    where = _Where(content.sources, "")

    def one_of(at: _Where, value, allowed, what: str) -> None:
        if value not in allowed:
            shown = ", ".join(sorted(str(a) for a in allowed))
            raise at.fail(f"unknown {what} {value!r} (expected one of: {shown})")

    def unique(items, name: str, attribute: str) -> set:
        seen: set = set()
        for index, item in enumerate(items):
            value = getattr(item, attribute)
            if value in seen:
                raise where.at(name).at(index).at(attribute).fail(f"{value!r} is declared twice")
            seen.add(value)
        return seen

    places: set[str] = set()
    for index, place in enumerate(content.places):
        at = where.at("places").at(index)
        one_of(at.at("level"), place.level, Locality.Level.values, "level")
        if place.parent is not None:
            one_of(at.at("parent"), place.parent, places, "place (declare it earlier)")
        places.add(place.name)
    one_of(where.at("province"), content.province, places, "place")
    for index, outlet in enumerate(content.outlets):
        at = where.at("outlets").at(index)
        one_of(at.at("kind"), outlet.kind, OutletKind.values, "outlet kind")
        one_of(at.at("locality"), outlet.locality, places, "place")

    authors = unique(content.authors, "authors", "key")
    for index, login in enumerate(content.users):
        at = where.at("users").at(index)
        one_of(at.at("group"), login.group, role_groups(), "group")
        if login.author is not None:
            one_of(at.at("author"), login.author, authors, "author")

    motifs = set(content.motifs)
    for index, picture in enumerate(content.pictures):
        one_of(where.at("pictures").at(index).at("motif"), picture.motif, motifs & MOTIFS, "motif")
    pictures = unique(content.pictures, "pictures", "key")
    unique(content.pictures, "pictures", "title")  # the builder finds pictures by title
    one_of(where.at("series").at("hero"), content.series.hero, pictures, "picture")
    share = where.at("site_settings").at("share_picture")
    one_of(share, content.site_settings.share_picture, pictures, "picture")

    columns = unique(content.columns, "columns", "key")
    exemplars = unique(content.exemplars, "exemplars", "key")
    for index, exemplar in enumerate(content.exemplars):
        at = where.at("exemplars").at(index)
        one_of(at.at("kind"), exemplar.kind, ExemplarKind.values, "exemplar kind")
        one_of(at.at("field"), exemplar.field, ExemplarField.values, "field")
        one_of(at.at("locality"), exemplar.locality, places, "place")
        one_of(at.at("photo"), exemplar.photo, pictures, "picture")

    stories: set[str] = set()
    for index, story in enumerate(content.stories):
        at = where.at("stories").at(index)
        if story.key in stories:
            raise at.at("key").fail(f"{story.key!r} is declared twice")
        one_of(at.at("column"), story.column, columns, "column")
        one_of(at.at("hero"), story.hero, pictures, "picture")
        one_of(at.at("locality"), story.locality, places, "place")
        if not 0 <= story.hour <= 23:
            raise at.at("hour").fail(f"expected an hour from 0 to 23, got {story.hour}")
        if not story.authors:
            raise at.at("authors").fail("a story needs at least one author")
        for key_name, keys, allowed, what in (
            ("authors", story.authors, authors, "author"),
            ("exemplars", story.exemplars, exemplars, "exemplar"),
            ("related", story.related, stories, "story (declare it earlier)"),
        ):
            for position, key in enumerate(keys):
                one_of(at.at(key_name).at(position), key, allowed, what)
        for position, block in enumerate(story.body):
            if isinstance(block, Figure):
                one_of(at.at("body").at(position).at("picture"), block.picture, pictures, "picture")
        stories.add(story.key)
    for index, key in enumerate(content.featured_stories):
        one_of(where.at("featured_stories").at(index), key, stories, "story")

    numbers = unique(content.documents, "documents", "number")
    for index, document in enumerate(content.documents):
        at = where.at("documents").at(index).at("document_type")
        one_of(at, document.document_type, LegalDocumentType.values, "document type")

    campaign = content.campaign
    at = where.at("campaign")
    for index, number in enumerate(campaign.legal_basis):
        one_of(at.at("legal_basis").at(index), number, numbers, "document number")
    one_of(at.at("aired_story"), campaign.aired_story, stories, "story")
    for index, target in enumerate(campaign.targets):
        one_of(at.at("targets").at(index).at("kind"), target.kind, ExemplarKind.values, "kind")
    for index, item in enumerate(campaign.participations):
        there = at.at("participations").at(index)
        one_of(there.at("exemplar"), item.exemplar, exemplars, "exemplar")
        for position, move in enumerate(item.moves):
            one_of(there.at("moves").at(position).at("stage"), move.stage, Stage.values, "stage")
        for position, recognition in enumerate(item.recognitions):
            here = there.at("recognitions").at(position)
            one_of(here.at("level"), recognition.level, RecognitionLevel.values, "level")
            one_of(here.at("form"), recognition.form, RecognitionForm.values, "form")
        for position, criterion in enumerate(item.met):
            allowed = range(len(campaign.criteria))
            one_of(there.at("met").at(position), criterion, allowed, "criterion index")


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value):
        for item in dataclasses.fields(value):
            yield from _strings(getattr(value, item.name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)
