"""Plain text from rich text and StreamField values, with the boundaries a reader sees.

The one place that turns markup into text for search documents and snippets, radio scripts
(their .txt and the presenter page), read time, feed descriptions and the importer. Django's
`strip_tags` glues "<p>năm 2024</p><p>Nhiều…" into "năm 2024Nhiều", which no reader ever saw
and no search can find; here every paragraph, heading, list item, table row and block ends
where it ended on the page, while inline elements (links, bold, italic) never split a word.

Output shape: paragraphs, headings and blocks are separated by a blank line; consecutive list
items and table rows each sit on their own line; cells of a row are separated by a tab; `<br>`
is a line break; runs of spaces collapse as a browser collapses them; text is NFC.

It lives in `core` (the layer under the feature apps) rather than in the pure `vietnamese/`
package because `block_text` knows Wagtail's block types; the HTML part needs only the
standard library's `html.parser` (the input is our own sanitised rich text or a legacy
export, small enough that lxml would buy nothing), and Wagtail is imported only when a
StreamField value is converted.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

PARAGRAPH = "paragraph"
HEADING = "heading"
ITEM = "item"
ROW = "row"
CAPTION = "caption"
PREFORMATTED = "preformatted"
IMAGE = "image"

# Kinds whose consecutive blocks are lines of one group (a list, a table), not paragraphs.
LINE_KINDS = frozenset({ITEM, ROW})

# fmt: off
# Elements that end the text before them and start a new block.
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hgroup", "li", "main", "menu", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
})
# Whose text is never shown as body text.
_SKIP_TAGS = frozenset({
    "script", "style", "template", "noscript", "head", "title", "iframe", "object", "svg",
    "math", "select", "textarea", "button", "audio", "video",
})
_VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})
# fmt: on
_CELL_TAGS = frozenset({"td", "th"})
_ITALIC_TAGS = frozenset({"em", "i"})
# The innermost of these decides a block's kind; others (p, div, blockquote…) are neutral.
_KIND_OF_TAG = {
    **dict.fromkeys(("li", "dt", "dd"), ITEM),
    **dict.fromkeys(("tr", "td", "th"), ROW),
    **dict.fromkeys(("figcaption", "caption"), CAPTION),
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), HEADING),
    "pre": PREFORMATTED,
}


@dataclass(frozen=True)
class TextBlock:
    """One block of a page as text. `italic`: all of its text was in <em>/<i> (how many
    portals dress a photo caption); an IMAGE block carries the image's alt text, if any."""

    kind: str
    text: str
    italic: bool = False


class _BlockParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[TextBlock] = []
        self._open: list[str] = []  # open block-level and cell elements, outermost first
        self._parts: list[str] = []
        self._space = False  # whitespace seen since the last word
        self._cell = False  # a cell ended since the last word
        self._skip = 0
        self._italic = 0
        self._chars = 0
        self._italic_chars = 0

    # --- tags ---------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        if self._skip:
            return
        if tag in _ITALIC_TAGS:
            self._italic += 1
        elif tag == "br":
            self._parts.append("\n")
            self._space = self._cell = False
        elif tag == "hr":
            self._flush()
        elif tag == "img" or (tag == "embed" and dict(attrs).get("embedtype") == "image"):
            self._flush()
            alt = " ".join((dict(attrs).get("alt") or "").split())
            self.blocks.append(TextBlock(IMAGE, unicodedata.normalize("NFC", alt)))
        elif tag in _CELL_TAGS:
            if self._parts:
                self._cell = True
            self._open.append(tag)
        elif tag in _BLOCK_TAGS:
            self._flush()
            self._open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
            return
        if self._skip or tag in _VOID_TAGS:
            return
        if tag in _ITALIC_TAGS:
            self._italic = max(0, self._italic - 1)
        elif tag in _CELL_TAGS or tag in _BLOCK_TAGS:
            if tag not in self._open:
                return  # a stray closing tag
            if tag in _CELL_TAGS:
                self._cell = bool(self._parts)
            else:
                self._flush()
            while self._open and self._open.pop() != tag:
                pass

    # --- text ---------------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        if self._skip or not data:
            return
        if PREFORMATTED in self._kinds():
            self._add(data.replace("\r\n", "\n"))
            return
        words = data.split()
        if not words:
            self._space = True
            return
        if data[0].isspace():
            self._space = True
        self._add(" ".join(words))
        self._space = data[-1].isspace()

    def _add(self, text: str) -> None:
        if self._parts and not self._parts[-1].endswith("\n"):
            if self._cell:
                self._parts.append("\t")
            elif self._space:
                self._parts.append(" ")
        self._space = self._cell = False
        self._parts.append(text)
        visible = sum(not c.isspace() for c in text)
        self._chars += visible
        if self._italic:
            self._italic_chars += visible

    def _kinds(self) -> Iterator[str]:
        return (_KIND_OF_TAG[tag] for tag in reversed(self._open) if tag in _KIND_OF_TAG)

    def _flush(self) -> None:
        kind = next(self._kinds(), PARAGRAPH)
        raw = "".join(self._parts)
        if kind == PREFORMATTED:
            text = "\n".join(line.rstrip() for line in raw.strip("\n").split("\n"))
        else:
            text = "\n".join(line.strip() for line in raw.split("\n") if line.strip())
        if text.strip():
            italic = self._chars > 0 and self._italic_chars == self._chars
            self.blocks.append(TextBlock(kind, unicodedata.normalize("NFC", text), italic))
        self._parts, self._space, self._cell = [], False, False
        self._chars = self._italic_chars = 0

    def close(self) -> None:
        super().close()
        self._flush()


def html_blocks(html: str | None) -> list[TextBlock]:
    """The blocks of an HTML fragment or document, in order, images included (for the
    importer, which needs to know a caption from a paragraph)."""
    parser = _BlockParser()
    parser.feed(html or "")
    parser.close()
    return parser.blocks


def join_blocks(blocks: Iterable[TextBlock]) -> str:
    """Blocks as text: a blank line between paragraphs, one line per list item or table row."""
    pieces: list[str] = []
    previous: TextBlock | None = None
    for block in blocks:
        if block.kind == IMAGE or not block.text:
            continue
        if previous is not None:
            same_group = block.kind == previous.kind and block.kind in LINE_KINDS
            pieces.append("\n" if same_group else "\n\n")
        pieces.append(block.text)
        previous = block
    return "".join(pieces)


def html_to_text(html: str | None) -> str:
    """Rich text or any HTML as plain text with its paragraph and list boundaries kept."""
    if not html:
        return ""
    return join_blocks(html_blocks(str(html)))


def clean_text(text: str | None) -> str:
    """Text that is already plain (a TextField): NFC, Unix line ends, no trailing spaces, at
    most one blank line in a row."""
    if not text:
        return ""
    lines = [line.rstrip() for line in unicodedata.normalize("NFC", str(text)).splitlines()]
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    return "\n\n".join(paragraphs)


def join_paragraphs(parts: Iterable[str | None]) -> str:
    """Pieces of text, each its own paragraph; empty pieces are dropped."""
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def rich_text(value) -> str:
    """A Wagtail RichText (or its stored HTML string) as plain text."""
    return html_to_text(getattr(value, "source", value))


def block_text(block, value) -> str:
    """The plain text of one StreamField block value.

    A block declares its own text with a `plain_text(value)` method (an image's caption is
    not body text, a quote is its words); otherwise rich text is converted, struct, stream
    and list blocks are walked child by child, and Char/Text blocks are taken as written.
    Choosers, URLs, numbers and dates have no text. A new block is covered without code
    here: a struct of text fields reads as its fields, one paragraph each.
    """
    from wagtail import blocks

    own = getattr(block, "plain_text", None)
    if callable(own):
        return clean_text(own(value))
    if value is None:
        return ""
    if isinstance(block, blocks.RichTextBlock):
        return rich_text(value)
    if isinstance(block, blocks.StreamBlock):
        return stream_text(value)
    if isinstance(block, blocks.StructBlock):
        return join_paragraphs(
            block_text(child, value.get(name)) for name, child in block.child_blocks.items()
        )
    if isinstance(block, blocks.ListBlock):
        return "\n".join(
            text for text in (block_text(block.child_block, item) for item in value) if text
        )
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        return clean_text(value)
    return ""


def stream_text(stream_value) -> str:
    """A StreamField value (a StreamValue) as plain text, one paragraph or more per block."""
    if not stream_value:
        return ""
    return join_paragraphs(block_text(child.block, child.value) for child in stream_value)


ELLIPSIS = "…"


def truncate_at_word(text: str, limit: int, ellipsis: str = ELLIPSIS) -> str:
    """`text` shortened to at most `limit` characters, cut between words, marked with "…"."""
    if len(text) <= limit:
        return text
    head = text[: limit - len(ellipsis)]
    if not text[len(head)].isspace() and " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:-–—.…\n\t") + ellipsis
