"""Import of articles exported as plain text from older provincial portals.

Each portal exported its pages differently (date line before or after the title, view counters,
legal-document headers, widgets pasted after the article). Parsing is pure — text in,
ParsedArticle out — so every quirk is testable without a database; import_files() then saves
each parsed article as a draft StoryPage in its own transaction, so editors review before
anything goes live and one bad file never leaves half a story behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from tqdm import tqdm

from core.plaintext import CAPTION, IMAGE, html_blocks, truncate_at_word
from integrity.models import RuleKind
from integrity.services import scan_lines
from vietnamese.text import fold, normalize

from .models import Author, ColumnIndexPage, StoryAuthor, StoryPage

logger = logging.getLogger(__name__)

# Portals print local wall-clock time without an offset; Vietnam has no DST.
LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
TITLE_MAX_LENGTH: int = StoryPage._meta.get_field("title").max_length
SAPO_MAX_LENGTH: int = StoryPage._meta.get_field("sapo").max_length
AUTHOR_NAME_MAX_LENGTH: int = Author._meta.get_field("name").max_length
SOURCE_MAX_LENGTH: int = StoryPage._meta.get_field("source").max_length
CAPTION_MAX_LENGTH = 300  # stories.blocks.ImageBlock.caption
# An exported article is a few kilobytes; anything this big was picked up by mistake.
MAX_FILE_BYTES = 5 * 1024 * 1024
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
# Where an exported page had a photo: the portals print a no-break space in its place (alone on
# a line, or leading the caption's first line); an HTML export's <img>. Parsing turns each into
# a line holding only U+FFFC OBJECT REPLACEMENT CHARACTER, Unicode's "an object was here".
OBJECT = "\ufffc"
# An HTML export says which text is the photo's caption (<figcaption>, or an italic paragraph
# right under the <img>): its photo line is doubled, and the caption is taken as it is.
CAPTIONED_OBJECT = OBJECT * 2
_PHOTO_LINES = (OBJECT, CAPTIONED_OBJECT)
_SIGN_IN = (
    r"(?:sign ?in|sign ?up|sign ?out|log ?in|log ?out|register|my account|dang nhap|dang ky"
    r"|dang xuat|quen mat khau|tai khoan( cua toi)?|thanh vien)"
)


class ImportProblem(Exception):
    """A file that cannot become a story; `message` is shown to the editor as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidDateError(ImportProblem):
    """A line shaped like a portal date line whose date does not exist (31/02, 25:00)."""


# --- Page furniture -------------------------------------------------------------------------


@dataclass(frozen=True)
class ChromeRule:
    """One kind of portal furniture, matched against the whole line once folded.

    Folded means lower case without diacritics ("Ý kiến bạn đọc" → "y kien ban doc"), so one
    pattern covers every capitalisation and both Unicode forms. `ends_article` marks widgets
    after which nothing belongs to the article (comment forms, related-story lists).
    """

    pattern: str
    ends_article: bool = False
    note: str | None = None  # a warning to report when the rule fires


# Extend this table when a new portal's furniture turns up; patterns must match the whole line.
CHROME_RULES: tuple[ChromeRule, ...] = (
    # Widgets that close the article: everything after them is furniture too.
    ChromeRule(r"cac thong tin tien ich", ends_article=True),
    ChromeRule(
        r"y kien ban doc|(viet |gui )?binh luan( cua ban)?|gui y kien( ban doc)?",
        ends_article=True,
    ),
    ChromeRule(
        r"cac tin khac|cac bai khac|tin (lien quan|cung chuyen muc|khac|moi hon|da dua|moi nhat)"
        r"|bai viet lien quan|(cac )?tin bai lien quan",
        ends_article=True,
    ),
    ChromeRule(r"(xem|doc) nhieu nhat|tin (xem|doc) nhieu( nhat)?", ends_article=True),
    # Single lines of furniture around the article.
    ChromeRule(r"tong so diem cua bai viet la:? ?\d+ trong \d+ danh gia\.?"),
    ChromeRule(r"ban da khong su dung site\b.*|.*duy tri trang thai dang nhap.*"),
    ChromeRule(
        r"gui cho ban be|gui bai( viet)?( cho ban be)?|in bai( viet)?|ban in|in trang"
        r"|chia se( bai viet)?|chia se qua \w+|quay lai|tro ve|len dau trang|xem them"
    ),
    ChromeRule(r"(luot xem|so lan xem):? ?\d[\d.,]*|\d[\d.,]* luot xem"),
    # Account links, language switches, breadcrumbs and lone share buttons of the page header.
    ChromeRule(rf"{_SIGN_IN}( ?[|/•·-] ?{_SIGN_IN})*"),
    ChromeRule(r"(tieng viet|english|vietnamese)( ?[|/•·-] ?(tieng viet|english|vietnamese))*"),
    ChromeRule(r"trang chu( ?[>»/|›] ?[^>»/|›]+)*|tim kiem|menu|facebook|zalo|twitter|email"),
    ChromeRule(r"(danh gia|xep hang) bai viet|(tu khoa|tags?) ?:.*"),
    ChromeRule(r"[.…·•]+"),  # lone dots left where an image or share bar was
    ChromeRule(r"[-_=*~]{3,}"),  # separator rules
    ChromeRule(
        r"\[ ?(\.\.\.|…) ?\]",
        note=gettext_lazy(
            "The original article is cut short (it has a “[...]” mark); the missing part must be "
            "added."
        ),
    ),
)
_CHROME = [(re.compile(rule.pattern), rule) for rule in CHROME_RULES]

# --- Dates -----------------------------------------------------------------------------------

_WEEKDAY = r"(?:thu ?(?:hai|ba|tu|nam|sau|bay|[2-7])|chu ?nhat|cn)"
_DATE_LABEL = (
    r"(?:ngay (?:dang|ban hanh|cap nhat|xuat ban)|cap nhat|dang luc|dang ngay|thoi gian dang)"
)
_SEP = r" ?[,\-–|]? ?"
_DAY_MONTH_YEAR = r"(?P<day>\d{1,2}) ?[/.\-] ?(?P<month>\d{1,2}) ?[/.\-] ?(?P<year>\d{4})"
_TIME = (
    r"(?:luc )?(?P<hour>\d{1,2}) ?[:h] ?(?P<minute>\d{2})(?: ?: ?\d{2})?"
    r"(?: ?(?P<meridiem>am|pm|sa|ch)\b)?"
)
_TIME_FIRST = r"(?P<hour_first>\d{1,2}) ?[:h] ?(?P<minute_first>\d{2})"
# "[GMT+7]" and the view/comment counters some portals print after the time ("1.234 0").
_TAIL = (
    r"(?: ?[\[(]? ?(?:gmt|utc) ?[+-] ?\d{1,2}(?::?\d{2})? ?[\])]?)?(?: \d[\d.,]*)*"
    r"(?: ?[|,-] ?(?:luot xem|luot doc|so lan xem|binh luan) ?:? ?\d[\d.,]*)*"
)
_DATE_LINE = re.compile(
    rf"(?:{_WEEKDAY}{_SEP})?(?:{_DATE_LABEL} ?:? ?)?(?:ngay )?(?:{_TIME_FIRST}{_SEP})?"
    rf"{_DAY_MONTH_YEAR}(?:{_SEP}{_TIME})?{_TAIL}"
)
# The place-and-date line of a legal document: "Hà Nội, ngày 01 tháng 6 năm 2024".
_PLACE_DATE = re.compile(
    r"[^,]{2,60}, ngay (?P<day>\d{1,2}) thang (?P<month>\d{1,2}) nam (?P<year>\d{4})\.?"
)

# --- Header and by-line shapes ---------------------------------------------------------------

# Metadata printed above a legal document's text ("Số hiệu 12/KH-UBND", "Người ký …"), the
# national motto and the document number: not body text. Only looked for in the header.
_METADATA = re.compile(
    r"(?:so hieu|ngay co hieu luc|ngay het hieu luc|tinh trang(?: hieu luc)?|loai van ban"
    r"|co quan ban hanh|noi ban hanh|nguoi ky|linh vuc|ngay cong bao|so cong bao) ?:? \S.*"
    r"|cong hoa xa hoi chu nghia viet nam|doc lap ?- ?tu do ?- ?hanh phuc|so ?:? ?\d+[\w./-]*"
)
_AUTHOR_LABEL = re.compile(
    r"(?:tac gia|nguoi viet|but danh|phong vien|bai va anh|bai, anh|bai & anh|bai) ?: ?.+"
)
_AUTHOR_SPLIT = re.compile(r"\s*(?:[,;/&]| - | – | và )\s*")
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?\.?")
_NOT_A_NAME = {"theo", "nguon", "anh", "video", "clip"}  # source credits, captions
_LIST_ITEM = re.compile(r"(?:[-+•*–] |\(?\d{1,2}[.)] |\(?[a-zđ]\) |[IVXLC]+\. )")
_SENTENCE_END = (".", "!", "?", "…", ";", ":")
_CLOSING_QUOTES = "\"'”’»)"
_SPACES = re.compile(r"[\s\u200b\ufeff]+")
# Hyphens and dashes typed in dates ("04‑08‑2023", "04–08–2023") are read as "-".
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d", "-"))
# A photo credit closing or opening a short line: "… (Ảnh: Minh Châu)", "Ảnh: T.K".
_PHOTO_CREDIT = re.compile(
    r"(?:anh|anh minh hoa|nguon anh) ?: ?.+|.*\( ?(?:anh|nguon anh) ?:[^)]*\)\.?"
)


@dataclass
class ParsedArticle:
    """What one exported file says, before anything touches the database."""

    title: str
    published_at: datetime | None
    authors: list[str]
    paragraphs: list[str]
    warnings: list[str] = field(default_factory=list)
    legacy_id: str = ""
    # Photos found with their captions: (how many paragraphs come before it, caption).
    captions: list[tuple[int, str]] = field(default_factory=list)

    def _lead(self) -> tuple[str, int | None]:
        """The sapo and the index of the paragraph it replaces in the body (None: kept).

        The sapo is the first paragraph that reads like a sentence — not a capitalised
        document heading. When it fits whole it leaves the body, so the page does not print it
        twice; when it has to be shortened the body keeps the full text.
        """
        index = next((i for i, text in enumerate(self.paragraphs) if _reads_like_lead(text)), 0)
        lead = self.paragraphs[index]
        sapo = truncate_at_word(lead, SAPO_MAX_LENGTH)
        if sapo != lead or len(self.paragraphs) == 1:
            return sapo, None
        return sapo, index

    def sapo_and_body(self) -> tuple[str, list[str]]:
        """The lead (sapo) and the body paragraphs that remain."""
        sapo, moved = self._lead()
        return sapo, [text for i, text in enumerate(self.paragraphs) if i != moved]

    def body_blocks(self) -> tuple[str, list[tuple[str, object]]]:
        """The sapo and the story body as StreamField data: each photo an image block at its
        place with its caption (the image itself is chosen by the editor), paragraphs as rich
        text. Legacy text is plain text: escaped, never trusted as HTML."""
        sapo, moved = self._lead()
        blocks: list[tuple[str, object]] = []
        captions = sorted(self.captions)
        for index in range(len(self.paragraphs) + 1):
            blocks += [
                ("image", {"image": None, "caption": caption, "credit": ""})
                for position, caption in captions
                if position == index
            ]
            if index < len(self.paragraphs) and index != moved:
                blocks.append(("paragraph", f"<p>{escape(self.paragraphs[index])}</p>"))
        return sapo, blocks


def parse_date_line(line: str) -> datetime | None:
    """The aware datetime a portal's date line names, or None when `line` is not a date line.

    Raises InvalidDateError when the line has the shape of a date line but names no real
    moment, so the caller can warn instead of silently importing a wrong date.
    """
    match = _DATE_LINE.fullmatch(_key(line))
    if not match:
        return None
    parts = match.groupdict()
    hour = int(parts["hour"] or parts["hour_first"] or 0)
    minute = parts["minute"] or parts["minute_first"] or 0
    if parts["meridiem"] and 1 <= hour <= 12:  # 02:00 PM / 02:00 CH (chiều) is 14:00
        hour = hour % 12 + (12 if parts["meridiem"] in ("pm", "ch") else 0)
    return _make_datetime(line, parts["year"], parts["month"], parts["day"], hour, minute)


def _make_datetime(line: str, year, month, day, hour=0, minute=0) -> datetime:
    try:
        value = datetime(int(year), int(month), int(day), int(hour), int(minute), tzinfo=LOCAL_TZ)
    except ValueError as error:
        raise InvalidDateError(
            _(
                "The publication date “%(line)s” is not valid; the article is imported without a "
                "publication date."
            )
            % {"line": line.strip()}
        ) from error
    if not 1900 <= value.year <= 2100:
        raise InvalidDateError(
            _(
                "The year in the publication date “%(line)s” is implausible; the article is "
                "imported without a publication date."
            )
            % {"line": line.strip()}
        )
    return value


def parse_article(text: str) -> ParsedArticle:
    """Title, date, authors and paragraphs of one exported article.

    Raises ImportProblem when the text holds no article (empty, furniture only, no body).
    """
    lines = _split_lines(text)
    if not any(line and line not in _PHOTO_LINES for line in lines):
        raise ImportProblem(_("empty file"))
    warnings: list[str] = []
    dates = _DateCollector(warnings)

    # Before the title: blank lines, furniture and the date line some portals put first.
    position, title, skipped_only_chrome = 0, None, True
    while position < len(lines):
        line = lines[position]
        position += 1
        if not line or line in _PHOTO_LINES or _chrome_rule(line):
            continue
        skipped_only_chrome = False
        if not dates.take(line):
            title = line
            break
    if title is None:
        if skipped_only_chrome:
            raise ImportProblem(
                _("the file holds only the web page's frame (widgets, comments…), no article")
            )
        raise ImportProblem(_("no article title found"))

    position = _skip_header(lines, position, title, dates, warnings)
    blocks, authors = _body_blocks(lines[position:], dates, warnings)
    authors.extend(_trailing_byline(blocks))
    paragraphs: list[str] = []
    captions: list[tuple[int, str]] = []
    for block in blocks:
        caption = " ".join(block.lines)
        if _is_caption(caption, under=block.under):
            captions.append((len(paragraphs), caption))
        else:
            paragraphs.extend(_join_wrapped(block.lines))
    if not paragraphs:
        raise ImportProblem(_("a title but no article text found"))
    if captions:
        warnings.append(
            _(
                "The original article has %(count)d photos: their captions are in “Photo” blocks "
                "in the right places; choose an image for each block before publishing."
            )
            % {"count": len(captions)}
        )

    published_at = dates.value
    if published_at is None and not dates.seen:
        warnings.append(_("No publication date found; the article is imported without one."))
    short_title = truncate_at_word(title, TITLE_MAX_LENGTH)
    if short_title != title:
        warnings.append(
            _("The title is %(length)d characters long and was cut to %(limit)d.")
            % {"length": len(title), "limit": len(short_title)}
        )
    # Unchanged since the first imports, so re-running never duplicates a story.
    whole_text = "\n".join(_clean_line(line) for line in text.splitlines()).strip()
    basis = f"{title}|{published_at.isoformat()}" if published_at else whole_text
    return ParsedArticle(
        title=short_title,
        published_at=published_at,
        authors=_unique_names(authors, warnings),
        paragraphs=paragraphs,
        warnings=list(dict.fromkeys(warnings)),
        legacy_id=hashlib.sha256(basis.encode("utf-8")).hexdigest(),
        captions=captions,
    )


class _DateCollector:
    """Keeps the first date line found; later ones (e.g. "Ngày có hiệu lực") are only eaten."""

    def __init__(self, warnings: list[str]) -> None:
        self.warnings = warnings
        self.value: datetime | None = None
        self.seen = False
        self.fallback: datetime | None = None

    def take(self, line: str) -> bool:
        try:
            value = parse_date_line(line)
        except InvalidDateError as problem:
            if not self.seen:
                self.warnings.append(problem.message)
                self.seen = True
            return True
        if value is None:
            return False
        if not self.seen:
            self.value, self.seen = value, True
        return True

    def take_place_date(self, line: str) -> bool:
        match = _PLACE_DATE.fullmatch(_key(line))
        if not match:
            return False
        # An impossible date here is dropped silently: the line is only a fallback.
        with contextlib.suppress(InvalidDateError):
            if self.value is None:
                self.value = _make_datetime(line, match["year"], match["month"], match["day"])
        return True


def _skip_header(
    lines: list[str], position: int, title: str, dates: _DateCollector, warnings: list[str]
) -> int:
    """Index of the first body line: after the date line, a repeated title and document metadata."""
    title_key, title_repeated = _key(title), False
    while position < len(lines):
        line = lines[position]
        if line in _PHOTO_LINES:
            if position + 1 < len(lines) and lines[position + 1] not in ("", *_PHOTO_LINES):
                break  # a photo, then its caption: the body starts with the photo
            position += 1
            continue
        rule = _chrome_rule(line) if line else None
        if not line or (rule and not rule.ends_article):
            if rule and rule.note:
                warnings.append(str(rule.note))
            position += 1
        elif dates.take(line) or dates.take_place_date(line) or _is_metadata(line):
            position += 1
        elif not title_repeated and _key(line) == title_key:
            title_repeated = True
            position += 1
        else:
            end = position
            while end < len(lines) and lines[end]:
                end += 1
            if not _is_letterhead(lines[position:end]):
                break
            position = end
    return position


@dataclass
class _Block:
    """A run of consecutive body lines; `under` is what is right above it: nothing, a photo
    (OBJECT) or a photo whose caption this is (CAPTIONED_OBJECT)."""

    lines: list[str]
    under: str = ""


def _body_blocks(
    lines: list[str], dates: _DateCollector, warnings: list[str]
) -> tuple[list[_Block], list[str]]:
    """Runs of consecutive body lines, without furniture, plus names from "Tác giả:" lines.

    A date line met before any date (portals that print "Sign In" or a menu above it) is the
    article's date, not a paragraph."""
    blocks: list[_Block] = []
    authors: list[str] = []
    current: _Block | None = None
    under = ""
    for line in lines:
        photo = line in _PHOTO_LINES
        rule = _chrome_rule(line) if line and not photo else None
        if rule and rule.note:
            warnings.append(str(rule.note))
        if rule and rule.ends_article:
            break
        names = _labelled_authors(line) if line and not photo and not rule else None
        if names is not None:
            authors.extend(names)
        is_date = bool(line) and not photo and not rule and not dates.seen and dates.take(line)
        if not line or photo or rule or names is not None or is_date:
            if current:
                blocks.append(current)
                current = None
            under = line if photo else ""
            continue
        if current is None:
            current, under = _Block([], under=under), ""
        current.lines.append(line)
    if current:
        blocks.append(current)
    return blocks, authors


def _trailing_byline(blocks: list[_Block]) -> list[str]:
    """The bare by-line ("T.K", "Hồng Ánh") closing the article, taken out of the body."""
    if not blocks:
        return []
    last = blocks[-1].lines
    candidate = last[-1]
    # Its own paragraph after the text, or a line of its own after a finished sentence.
    stands_alone = _ends_sentence(last[-2]) if len(last) > 1 else len(blocks) > 1
    if not (stands_alone and _looks_like_name(candidate)):
        return []
    last.pop()
    if not last:
        blocks.pop()
    return [candidate]


def _is_caption(text: str, *, under: str) -> bool:
    """A photo caption rather than a paragraph: marked as one by an HTML export; right under
    a photo, short, not a heading and not a finished sentence; or any short line carrying a
    photo credit ("(Ảnh: T.K)")."""
    if len(text) > CAPTION_MAX_LENGTH or text.isupper():
        return False
    if under == CAPTIONED_OBJECT or _PHOTO_CREDIT.fullmatch(_key(text)):
        return True
    return under == OBJECT and not _ends_sentence(text)


def _labelled_authors(line: str) -> list[str] | None:
    """Names on a "Tác giả: …" line; None when the line is something else (an interview's
    "PV: …?" question, say)."""
    if len(line) > 150 or ":" not in line or not _AUTHOR_LABEL.fullmatch(_key(line)):
        return None
    rest = line.split(":", 1)[1].strip(" .")
    names = [name for name in _AUTHOR_SPLIT.split(rest) if name]
    if not names or any(len(name.split()) > 5 or "?" in name or "!" in name for name in names):
        return None
    return names


def _looks_like_name(line: str) -> bool:
    """A short Title-cased or initialled line without final punctuation: a signature."""
    words = line.split()
    if not 1 <= len(words) <= 4 or len(line) > 40 or fold(words[0]) in _NOT_A_NAME:
        return False
    if _INITIALS.fullmatch(line.replace(" ", "")) and line.replace(".", "").isupper():
        return True
    if line.endswith((*_SENTENCE_END, ",")):
        return False
    return all(_is_name_word(word) for word in words)


def _is_name_word(word: str) -> bool:
    if _INITIALS.fullmatch(word):
        return word.replace(".", "").isupper()
    if not word.isalpha() or not word[0].isupper():
        return False
    return len(word) == 1 or word[1:].islower()


def _unique_names(names: Iterable[str], warnings: list[str]) -> list[str]:
    unique: dict[str, str] = {}
    for name in names:
        name = name.strip()
        if len(name) > AUTHOR_NAME_MAX_LENGTH:
            warnings.append(
                _("Skipped an author name that is too long: “%(name)s…”") % {"name": name[:40]}
            )
        elif name:
            unique.setdefault(_key(name), name)
    return list(unique.values())


def _join_wrapped(lines: list[str]) -> list[str]:
    """Paragraphs from one run of lines: a sentence wrapped over several lines becomes one."""
    paragraphs: list[str] = []
    for line in lines:
        if paragraphs and _continues(paragraphs[-1], line):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
    return paragraphs


def _continues(previous: str, line: str) -> bool:
    if _LIST_ITEM.match(line):
        return False
    return line[0].islower() or not _ends_sentence(previous)


def _ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSING_QUOTES).endswith(_SENTENCE_END)


def _reads_like_lead(text: str) -> bool:
    return not text.isupper() and _ends_sentence(text) and len(text.split()) >= 8


def _is_metadata(line: str) -> bool:
    return len(line) <= 150 and not line.endswith(".") and bool(_METADATA.fullmatch(_key(line)))


def _is_letterhead(block: list[str]) -> bool:
    """An issuing body's name over a rule ("ỦY BAN NHÂN DÂN / TỈNH … / -------")."""
    return (
        1 < len(block) <= 5
        and all(len(line) <= 80 for line in block)
        and re.fullmatch(r"[-_=*~]{3,}", block[-1]) is not None
    )


def _chrome_rule(line: str) -> ChromeRule | None:
    key = _key(line).rstrip(" :")
    for pattern, rule in _CHROME:
        if pattern.fullmatch(key):
            return rule
    return None


def _split_lines(text: str) -> list[str]:
    """Clean lines; a photo's place (a no-break space alone on a line or leading one, as the
    portals export it, or an OBJECT from an HTML export) becomes an OBJECT line of its own."""
    lines: list[str] = []
    for raw in text.splitlines():
        start = raw.lstrip(" \t")
        if start.startswith(CAPTIONED_OBJECT):
            lines.append(CAPTIONED_OBJECT)
            start = start[len(CAPTIONED_OBJECT) :]
        elif start.startswith(("\u00a0", OBJECT)):
            lines.append(OBJECT)
            start = start.lstrip("\u00a0" + OBJECT)
        cleaned = _clean_line(start)
        if cleaned or not lines or lines[-1] not in _PHOTO_LINES:
            lines.append(cleaned)
    return lines


def _clean_line(line: str) -> str:
    return normalize(_SPACES.sub(" ", line).strip())


def _key(line: str) -> str:
    return _SPACES.sub(" ", fold(line).translate(_DASHES)).strip()


# --- Files and the database ------------------------------------------------------------------


@dataclass
class ImportReport:
    """What a run did, file by file, for the summary printed to the editor."""

    dry_run: bool = False
    imported: list[tuple[str, str]] = field(default_factory=list)  # (file, title)
    already_imported: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (file, message)
    parsed: list[tuple[str, ParsedArticle]] = field(default_factory=list)  # what would be saved
    # Lines the integrity check flags (gambling spam, unknown links, replaced names):
    # (file, line number in the file, rule label, excerpt). The story is still a draft, and
    # cannot be published until an editor corrects it (integrity.pages).
    suspicious: list[tuple[str, int, str, str]] = field(default_factory=list)

    @property
    def all_failed(self) -> bool:
        return bool(self.failed) and not self.imported and not self.already_imported

    def summary_lines(self) -> list[str]:
        lines = []
        if self.dry_run:
            lines.append(_("Dry run (--dry-run): nothing was saved."))
            for name, article in self.parsed:
                lines.extend(preview_lines(name, article))
            lines.append(_("Articles to import: %(count)d") % {"count": len(self.imported)})
        else:
            lines.append(
                _("Articles imported (as drafts): %(count)d") % {"count": len(self.imported)}
            )
        lines.append(
            _("Already imported (skipped): %(count)d") % {"count": len(self.already_imported)}
        )
        lines.append(_("Errors: %(count)d") % {"count": len(self.failed)})
        lines.extend(f"  {name}: {reason}" for name, reason in self.failed)
        if self.warnings:
            lines.append(_("Warnings:"))
            lines.extend(f"  {name}: {message}" for name, message in self.warnings)
        if self.suspicious:
            lines.append(
                _("Suspicious content (possible defacement), check before publishing: %(count)d")
                % {"count": len(self.suspicious)}
            )
            lines.extend(
                "  "
                + _("%(file)s, line %(line)d: %(rule)s: “%(excerpt)s”")
                % {"file": name, "line": number, "rule": rule, "excerpt": excerpt}
                for name, number, rule, excerpt in self.suspicious
            )
        return lines


PREVIEW_CHARS = 120


def preview_lines(name: str, article: ParsedArticle) -> list[str]:
    """What a dry run shows for one file: enough to check the parse before saving anything."""
    sapo, blocks = article.body_blocks()
    paragraphs = article.sapo_and_body()[1]
    when = _("(none)")
    if article.published_at:
        at_midnight = article.published_at.hour == article.published_at.minute == 0
        when = article.published_at.strftime("%d/%m/%Y" if at_midnight else "%d/%m/%Y %H:%M")
    lines = [
        f"  {name}",
        "    " + _("Title: %(title)s") % {"title": article.title},
        "    " + _("Published: %(date)s") % {"date": when},
        "    " + _("Authors: %(names)s") % {"names": ", ".join(article.authors) or _("(none)")},
        "    "
        + _("Body: %(paragraphs)d paragraphs, %(images)d photos")
        % {"paragraphs": len(paragraphs), "images": sum(kind == "image" for kind, _v in blocks)},
        "    " + _("Standfirst: “%(text)s”") % {"text": truncate_at_word(sapo, PREVIEW_CHARS)},
    ]
    if paragraphs:
        opening = truncate_at_word(paragraphs[0], PREVIEW_CHARS)
        lines.append("    " + _("Opening: “%(text)s”") % {"text": opening})
    for _position, caption in article.captions:
        lines.append("    " + _("Photo caption: “%(text)s”") % {"text": caption})
    lines.extend("    " + _("Warning: %(message)s") % {"message": w} for w in article.warnings)
    return lines


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """The files to import (directories searched for *.txt) and the paths that gave nothing."""
    files: dict[Path, None] = {}
    problems: list[tuple[str, str]] = []

    def unreadable(error: OSError) -> None:
        problems.append((str(error.filename), _("no permission to read the folder")))

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, dirnames, filenames in os.walk(path, onerror=unreadable):
                dirnames.sort()
                found.extend(
                    Path(root, name)
                    for name in sorted(filenames)
                    if name.lower().endswith(ARTICLE_SUFFIXES)
                )
            if not found:
                problems.append((str(path), _("the folder has no .txt or .html file")))
            files.update(dict.fromkeys(found))
        elif path.exists():
            files[path] = None
        else:
            problems.append((str(path), _("no such file or folder")))
    return list(files), problems


def text_from_html(document: str) -> str:
    """An HTML export read as the portals' text exports read: one block per paragraph, list
    item or row (`core.plaintext`), a photo as an OBJECT line, and a caption — a <figcaption>,
    or an italic paragraph right under the <img> — on the line under a CAPTIONED_OBJECT."""
    lines: list[str] = []
    blocks = html_blocks(document)
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.kind == IMAGE:
            if following and (following.kind == CAPTION or following.italic):
                continue  # the caption below writes the photo's line
            lines += ["", OBJECT, ""]
        elif block.kind == CAPTION or (block.italic and index and blocks[index - 1].kind == IMAGE):
            lines += ["", CAPTIONED_OBJECT, block.text]
        else:
            lines += ["", block.text]
    return "\n".join(lines)


def read_article_file(path: Path) -> str:
    """The file's text; raises ImportProblem saying why a file cannot be read as an article.
    An HTML export (.html, .htm) is read as text with its paragraphs and captions kept.

    Only UTF-8 (with or without BOM) is accepted: guessing an old code page (cp1258, TCVN3)
    would store mojibake that nobody notices until readers do.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportProblem(_("file not found")) from None
    except IsADirectoryError:
        raise ImportProblem(_("a folder, not a file")) from None
    except PermissionError:
        raise ImportProblem(_("no permission to read the file")) from None
    except OSError as error:
        raise ImportProblem(
            _("cannot read the file: %(error)s") % {"error": error.strerror or error}
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise ImportProblem(
            _("the file is too large (%(size)d MB) to be an article")
            % {"size": len(data) // (1024 * 1024)}
        )
    if not data.strip():
        raise ImportProblem(_("empty file"))
    if b"\x00" in data:
        raise ImportProblem(_("a binary file, not text"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportProblem(
            _(
                "the file is not UTF-8 (unexpected byte at position %(position)d); save it again "
                "as UTF-8 and import it again"
            )
            % {"position": error.start}
        ) from None
    return text_from_html(text) if path.suffix.lower() in (".html", ".htm") else text


def create_draft(article: ParsedArticle, column: ColumnIndexPage, *, source: str = "") -> StoryPage:
    """Save one article as an unpublished story with a first revision, for editors to review."""
    sapo, body = article.body_blocks()
    story = StoryPage(
        title=article.title,
        sapo=sapo,
        body=body,
        publication_date=article.published_at,
        source=source,
        legacy_id=article.legacy_id,
        live=False,
    )
    story.story_authors = [
        StoryAuthor(author=_author_named(name), sort_order=order)
        for order, name in enumerate(article.authors)
    ]
    column.add_child(instance=story)
    # Like the admin's "Save draft": fields required only for publication (the hero image) may
    # stay empty, everything else is validated before the revision is written.
    story.full_clean(exclude=_empty_required_fields(story))
    story.save_revision(clean=False, log_action=True)
    return story


def _empty_required_fields(page: StoryPage) -> list[str]:
    return [
        model_field.name
        for model_field in type(page)._meta.concrete_fields
        if not model_field.blank and getattr(page, model_field.attname) in (None, "")
    ]


def _author_named(name: str) -> Author:
    # Author.name is not unique: reuse the oldest profile with this name rather than fail.
    return Author.objects.filter(name=name).order_by("pk").first() or Author.objects.create(
        name=name
    )


def import_files(
    paths: Iterable[str | Path],
    column: ColumnIndexPage,
    *,
    dry_run: bool = False,
    source: str = "",
    progress: TextIO | None = None,
) -> ImportReport:
    """Import every article file under `paths` as a draft in `column`; never stops on a bad file.

    Re-running is harmless: a story whose legacy_id already exists is counted, not duplicated.
    `progress` is the stream to draw a progress bar on, or None for no bar.
    """
    files, problems = collect_files(paths)
    report = ImportReport(dry_run=dry_run, failed=problems)
    seen: set[str] = set()
    for path in tqdm(files, file=progress, disable=progress is None, unit=" tệp", leave=False):
        label = str(path)
        try:
            _import_one(path, label, column, report, seen, dry_run=dry_run, source=source)
        except ImportProblem as problem:
            report.failed.append((label, problem.message))
        except Exception as error:  # one unforeseen file must not stop the whole batch
            logger.exception("Importing %s failed", path)
            report.failed.append((label, _("unexpected error: %(error)s") % {"error": repr(error)}))
    return report


def _import_one(
    path: Path,
    label: str,
    column: ColumnIndexPage,
    report: ImportReport,
    seen: set[str],
    *,
    dry_run: bool,
    source: str,
) -> None:
    text = read_article_file(path)
    article = parse_article(text)
    if article.legacy_id in seen or StoryPage.objects.filter(legacy_id=article.legacy_id).exists():
        report.already_imported.append((label, article.title))
        return
    if not dry_run:
        try:
            with transaction.atomic():
                create_draft(article, column, source=source)
        except ValidationError as error:
            raise ImportProblem(
                _("could not save the article: %(error)s") % {"error": "; ".join(error.messages)}
            ) from error
        except DatabaseError as error:
            raise ImportProblem(
                _("could not save the article (database error): %(error)s") % {"error": error}
            ) from error
    seen.add(article.legacy_id)
    report.imported.append((label, article.title))
    labels = dict(RuleKind.choices)
    report.suspicious.extend(
        (label, number, str(labels.get(finding.rule, finding.rule)), finding.excerpt)
        for number, finding in scan_lines(_raw_text(path, text))
    )

    if dry_run:
        report.parsed.append((label, article))  # its warnings are shown with it
    else:
        report.warnings.extend((label, message) for message in article.warnings)


def _raw_text(path: Path, text: str) -> str:
    """What the file says line by line: an HTML export as written (its hidden parts and links
    are what the integrity check looks for), a text export as read."""
    if path.suffix.lower() in (".html", ".htm"):
        return path.read_bytes().decode("utf-8-sig", errors="replace")
    return text
