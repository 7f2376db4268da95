"""Scanning text and HTML for what defacers inject: gambling vocabulary, links to unknown outside
sites, hidden text and links, and names of the province's bodies replaced by a casino brand.

The rules are data (SpamTerm, TrustedDomain, IssuingBody, kept by editors in the admin),
compiled once per process and rebuilt when a rule changes in any process: a counter in the
shared cache (core.cache's cache) says which compilation is current.

Words are matched on folded text (vietnamese.text.fold: no tone marks, đ → d) so “nha cai” is
caught like “nhà cái”; a folded match counts only when the text as written is either the term
with its own tone marks or has no tone marks at all, so “bán cá” (selling fish) is not “bắn cá”
and “đứng bét” is not “bet”.
"""

from __future__ import annotations

import hashlib
import re
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.core.cache import cache

from vietnamese.text import fold, normalize

from .patterns import compile_term

GAMBLING = "gambling"
UNKNOWN_LINK = "unknown_link"
HIDDEN = "hidden"
REPLACED_NAME = "replaced_name"
RULES = (GAMBLING, UNKNOWN_LINK, HIDDEN, REPLACED_NAME)

CONTEXT = 40  # characters of context each side of a match in an excerpt
VERSION_KEY = "integrity:rules-version"


@dataclass(frozen=True)
class Finding:
    """One suspicious spot: which rule, in which field, the matched text with its context.
    `matched` is the text the rule caught (a term, a domain), what overrides and the stored
    findings recognise across edits."""

    rule: str
    field: str
    excerpt: str
    matched: str = ""

    @property
    def key(self) -> str:
        """The same finding on the next scan, whatever the text around it became."""
        basis = f"{self.rule}|{self.field}|{fold(self.matched or self.excerpt)}"
        return hashlib.sha256(basis.encode()).hexdigest()

    def as_dict(self) -> dict[str, str]:
        return {
            "rule": self.rule,
            "field": self.field,
            "excerpt": self.excerpt,
            "matched": self.matched,
        }


# --- Folding with positions ------------------------------------------------------------------

_fold_chars: dict[str, str] = {}


def _fold_char(char: str) -> str:
    folded = _fold_chars.get(char)
    if folded is None:
        folded = fold(char)
        folded = folded if len(folded) == 1 else (char.lower() if len(char.lower()) == 1 else " ")
        _fold_chars[char] = folded
    return folded


def fold_same_length(text: str) -> str:
    """fold(), one character for one, so a match's position is the same in the text."""
    return "".join(_fold_char(char) for char in text)


def _has_marks(text: str) -> bool:
    return any(_fold_char(char) != char.lower() for char in text if char.isalpha())


def _excerpt(text: str, start: int, end: int) -> str:
    before = max(0, start - CONTEXT)
    after = min(len(text), end + CONTEXT)
    snippet = " ".join(text[before:after].split())
    return ("…" if before else "") + snippet + ("…" if after < len(text) else "")


# --- Rules --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Term:
    term: str  # as written, lower case
    kind: str
    pattern: re.Pattern


# Institutions whose name a defacer completes with a brand: "Báo Nhà cái", "UBND tỉnh KUBET".
_SLOTS = (
    r"bao|uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|tinh uy|huyen uy|so|dai phat thanh"
    r"(?: (?:-|–)? ?truyen hinh)?|cong thong tin dien tu|cong an|mat tran to quoc"
)
_UNITS = r"(?:(?:tinh|huyen|thanh pho|thi xa|xa|phuong|thi tran|quan|tp\.?)\s+)?"
_DOMAIN = re.compile(
    r"(?<![@\w.-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+"
    r"(?:com|net|org|info|biz|vip|club|bet|casino|top|xyz|io|me|cc|tv|win|live|online|site|"
    r"app|link|fun|pro|asia|co|vn))(?![\w-])",
)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'()]+", re.IGNORECASE)


@dataclass
class RuleSet:
    """The compiled rules of one moment; build with load_rules()."""

    terms: list[_Term]
    trusted: tuple[str, ...]
    own_hosts: tuple[str, ...]
    bodies: tuple[str, ...]
    places: tuple[str, ...]

    def __post_init__(self) -> None:
        # A known body's name without its place is a slot too ("Đài Phát thanh – Truyền hình
        # tỉnh" of "… tỉnh Tân Lâm").
        extra = set()
        for body in self.bodies:
            for place in self.places:
                if body.endswith(place) and len(body) > len(place):
                    words = fold(normalize(body[: -len(place)])).split()
                    if words:
                        extra.add(r"\s+".join(re.escape(word) for word in words))
        slots = "|".join([*sorted(extra, key=len, reverse=True), _SLOTS])  # longest first
        self.slot = re.compile(rf"(?<![a-z0-9])(?:{slots})\s+{_UNITS}")
        self.known_names = [
            re.compile(rf"(?<![a-z0-9]){re.escape(fold(normalize(name)))}(?![a-z0-9])")
            for name in (*self.bodies, *self.places)
        ]

    def known_spans(self, folded: str) -> list[tuple[int, int]]:
        """Where the text names a known body or place (never spam, whatever its words)."""
        return [m.span() for pattern in self.known_names for m in pattern.finditer(folded)]

    def trusted_host(self, host: str) -> bool:
        host = host.lower().rstrip(".").removeprefix("www.")
        if not host or host in self.own_hosts:
            return True
        return any(host == domain or host.endswith("." + domain) for domain in self.trusted)


def _rules_from_db() -> RuleSet:
    from wagtail.models import Site

    from .models import IssuingBody, SpamTerm, TrustedDomain

    terms = []
    for term, kind in SpamTerm.objects.filter(active=True).values_list("term", "kind"):
        try:
            terms.append(_Term(normalize(term).lower(), kind, compile_term(term, kind)))
        except ValueError:
            continue  # refused by the form; a bad row from elsewhere must not stop the scan
    own = {host.lower() for host in Site.objects.values_list("hostname", flat=True)}
    from django.conf import settings

    base = urlsplit(getattr(settings, "SITE_BASE_URL", "") or "").hostname
    if base:
        own.add(base.lower())
    own |= {h.lower().lstrip(".") for h in settings.ALLOWED_HOSTS if h not in ("*", "")}
    bodies, places = [], []
    for name, kind in IssuingBody.objects.values_list("name", "kind"):
        (places if kind == "place" else bodies).append(name)
    return RuleSet(
        terms=terms,
        trusted=tuple(TrustedDomain.objects.values_list("domain", flat=True)),
        own_hosts=tuple(sorted(own)),
        bodies=tuple(bodies),
        places=tuple(places),
    )


_memo: dict[str, object] = {}
_lock = threading.Lock()


def rules_changed(**kwargs) -> None:
    """Retires the compiled rules in every process (a signal receiver for the rule models)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)
    _memo.clear()


def load_rules() -> RuleSet:
    """The current rules: compiled once per process and rule version (one cache read)."""
    version = cache.get(VERSION_KEY)
    with _lock:
        if version is not None and _memo.get("version") == version and "rules" in _memo:
            return _memo["rules"]  # type: ignore[return-value]
    rules = _rules_from_db()
    if version is None:
        # A fresh start from the clock: never a number an older compilation was made under.
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY)
    with _lock:
        _memo.update(version=version, rules=rules)
    return rules


# --- Text ---------------------------------------------------------------------------------


def _term_matches(text: str, folded: str, term: _Term) -> Iterable[tuple[int, int]]:
    for match in term.pattern.finditer(folded):
        start, end = match.span()
        written = text[start:end]
        if term.kind == "pattern" or not _has_marks(written):
            yield start, end
            continue
        # With tone marks, they must be the term's own ("bán cá" is not "bắn cá").
        if " ".join(written.lower().split()) == " ".join(term.term.split()):
            yield start, end


def _gambling(text: str, folded: str, rules: RuleSet, field: str) -> list[Finding]:
    found: list[Finding] = []
    known = rules.known_spans(folded)
    spans: list[tuple[int, int]] = []
    for term in rules.terms:
        for start, end in _term_matches(text, folded, term):
            if any(s <= start < e or start <= s < end for s, e in spans):
                continue
            if any(s <= start and end <= e for s, e in known):
                continue
            spans.append((start, end))
            found.append(Finding(GAMBLING, field, _excerpt(text, start, end), text[start:end]))
    return found


def _replaced_names(text: str, folded: str, rules: RuleSet, field: str) -> list[Finding]:
    """An institution's name completed by a spam term or brand instead of a place."""
    found = []
    for slot in rules.slot.finditer(folded):
        if not text[slot.start()].isupper():
            continue  # "thông báo nhà cái…" reports on one; "Báo Nhà cái" renames a newspaper
        rest_start = slot.end()
        for term in rules.terms:
            match = term.pattern.match(folded, rest_start)
            if not match:
                continue
            written = text[rest_start : match.end()]
            if (
                term.kind != "pattern"
                and _has_marks(written)
                and " ".join(written.lower().split()) != " ".join(term.term.split())
            ):
                continue
            matched = text[slot.start() : match.end()]
            found.append(
                Finding(REPLACED_NAME, field, _excerpt(text, slot.start(), match.end()), matched)
            )
            break
    return found


def _hosts_in_text(text: str) -> Iterable[tuple[int, int, str]]:
    """Bare URLs and domain names written in text: (start, end, host)."""
    taken: list[tuple[int, int]] = []
    for match in _URL.finditer(text):
        raw = match.group(0).rstrip(".,;:!?…")
        host = urlsplit(raw if "://" in raw else "http://" + raw).hostname or ""
        taken.append(match.span())
        yield match.start(), match.start() + len(raw), host
    lowered = text.lower()
    for match in _DOMAIN.finditer(lowered):
        if any(s <= match.start() < e for s, e in taken):
            continue
        yield match.start(), match.end(), match.group(1)


def _unknown_links_in_text(text: str, rules: RuleSet, field: str) -> list[Finding]:
    return [
        Finding(UNKNOWN_LINK, field, _excerpt(text, start, end), host)
        for start, end, host in _hosts_in_text(text)
        if not rules.trusted_host(host)
    ]


def scan_text(text: str, *, field: str = "", rules: RuleSet | None = None) -> list[Finding]:
    """Findings in plain text: gambling vocabulary, replaced names, unknown domains written out."""
    if not text:
        return []
    rules = rules or load_rules()
    text = normalize(text)
    folded = fold_same_length(text)
    replaced = _replaced_names(text, folded, rules, field)
    gambling = [
        finding
        for finding in _gambling(text, folded, rules, field)
        if not any(finding.matched in r.matched for r in replaced)
    ]
    return replaced + gambling + _unknown_links_in_text(text, rules, field)


def scan_lines(text: str, *, rules: RuleSet | None = None) -> list[tuple[int, Finding]]:
    """Each line scanned (as HTML when it holds tags): (line number from 1, finding), for
    reports about files."""
    rules = rules or load_rules()
    return [
        (number, finding)
        for number, line in enumerate(text.splitlines(), start=1)
        for finding in scan_value(line, rules=rules)
    ]


# --- HTML ---------------------------------------------------------------------------------

_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
_SKIP_TEXT = {"script", "style", "template", "noscript", "head", "title"}
_LINK_ATTRS = {"a": "href", "iframe": "src", "script": "src", "embed": "src", "form": "action"}
_STYLE_DECL = re.compile(r"([\w-]+)\s*:\s*([^;]+)")
_OFFSCREEN = re.compile(r"^-\s*\d{3,}")


def _hidden_style(style: str) -> str | None:
    """Why an inline style hides its element from readers, or None."""
    decls = {
        name.lower(): value.strip().lower().replace("!important", "").strip()
        for name, value in _STYLE_DECL.findall(style or "")
    }
    if decls.get("display") == "none":
        return "display:none"
    if decls.get("visibility") in ("hidden", "collapse"):
        return "visibility:hidden"
    size = decls.get("font-size", "")
    number = re.match(r"^(\d*\.?\d+)\s*(px|pt|em|rem|%)?$", size)
    if number:
        value, unit = float(number.group(1)), number.group(2) or "px"
        limit = {"px": 3, "pt": 2, "em": 0.2, "rem": 0.2, "%": 20}[unit]
        if value <= limit:
            return f"font-size:{size}"
    if decls.get("opacity") in ("0", "0.0", ".0"):
        return "opacity:0"
    for name in ("left", "top", "right", "text-indent", "margin-left", "margin-top"):
        if _OFFSCREEN.match(decls.get(name, "")):
            return f"{name}:{decls[name]}"
    if decls.get("height") in ("0", "0px") and decls.get("overflow") == "hidden":
        return "height:0"
    colour = decls.get("color")
    background = decls.get("background-color") or decls.get("background")
    if colour and background and colour.replace(" ", "") == background.replace(" ", ""):
        return f"color:{colour} on {background}"
    return None


class _Walker(HTMLParser):
    """Visible text, hidden text and links of an HTML fragment or page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, bool]] = []  # (tag, hidden reason, skip text)
        self.text: list[str] = []
        self.hidden: list[dict] = []  # {"reason", "text": [...], "links": [...]}
        self.links: list[str] = []
        self.open_hidden: list[dict] = []

    def _hidden_reason(self) -> str | None:
        return next((reason for _t, reason, _s in reversed(self.stack) if reason), None)

    def handle_starttag(self, tag: str, attrs) -> None:
        attributes = {name: value or "" for name, value in attrs}
        reason = None
        if "hidden" in attributes and tag != "input":
            reason = "hidden"
        reason = reason or _hidden_style(attributes.get("style", ""))
        skip = tag in _SKIP_TEXT or any(s for _t, _r, s in self.stack)
        url = attributes.get(_LINK_ATTRS.get(tag, ""), "")
        if tag == "link" and attributes.get("rel", "").lower() not in ("stylesheet", "icon"):
            url = ""
        if url:
            self.links.append(url)
            if self.open_hidden:
                self.open_hidden[-1]["links"].append(url)
        if tag in _VOID:
            if reason and url:
                self.hidden.append({"reason": reason, "text": [], "links": [url]})
            return
        entry = {"reason": reason, "text": [], "links": []} if reason else None
        if entry:
            if url:
                entry["links"].append(url)
            self.open_hidden.append(entry)
            self.hidden.append(entry)
        self.stack.append((tag, reason, skip))
        if tag in ("p", "div", "li", "br", "h1", "h2", "h3", "h4", "tr", "section", "article"):
            self.text.append("\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack and self.stack[-1][0] == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                for _tag, reason, _skip in self.stack[index:]:
                    if reason and self.open_hidden:
                        self.open_hidden.pop()
                del self.stack[index:]
                break
        self.text.append("\n" if tag in ("p", "div", "li", "tr", "td") else "")

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][2]:
            return
        if self.open_hidden:
            for entry in self.open_hidden:
                entry["text"].append(data)
            return
        self.text.append(data)


def _host(url: str) -> str | None:
    """The host of an outside URL; None for relative, mailto:, tel: and fragment links."""
    url = url.strip()
    if url.startswith("//"):
        url = "http:" + url
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return parts.hostname


def scan_html(
    html: str, *, field: str = "", rules: RuleSet | None = None, document: bool = False
) -> list[Finding]:
    """Findings in HTML: the visible text as scan_text() reads it, links to unknown outside
    sites, and hidden text or links. `document=True` for a whole rendered page, whose template
    may hide its own furniture (menus, dialogs): hidden parts count there only when they hold
    an outside link or spam; in stored content any hidden text or link counts."""
    if not html:
        return []
    rules = rules or load_rules()
    walker = _Walker()
    walker.feed(html)
    walker.close()
    findings = scan_text("".join(walker.text), field=field, rules=rules)
    for url in walker.links:
        host = _host(url)
        if host and not rules.trusted_host(host):
            findings.append(Finding(UNKNOWN_LINK, field, url[:300], host))
    for entry in walker.hidden:
        text = " ".join("".join(entry["text"]).split())
        outside = [url for url in entry["links"] if _host(url)]
        untrusted = [url for url in outside if not rules.trusted_host(_host(url) or "")]
        spam = scan_text(text, rules=rules) if text else []
        if document and not (untrusted or spam):
            continue
        if not (text or entry["links"]):
            continue
        described = " ".join(filter(None, [text[:200], " ".join(entry["links"][:3])]))
        findings.append(
            Finding(HIDDEN, field, f"[{entry['reason']}] {described}", entry["reason"] + described)
        )
    return _unique(findings)


def _unique(findings: list[Finding]) -> list[Finding]:
    seen, unique = set(), []
    for finding in findings:
        marker = (finding.rule, finding.field, finding.excerpt)
        if marker not in seen:
            seen.add(marker)
            unique.append(finding)
    return unique


def _looks_like_html(value: str) -> bool:
    return "<" in value and ">" in value and re.search(r"<[a-zA-Z!/]", value) is not None


def scan_value(value: str, *, field: str = "", rules: RuleSet | None = None) -> list[Finding]:
    """scan_html() for HTML, scan_text() for anything else."""
    if _looks_like_html(value):
        return scan_html(value, field=field, rules=rules)
    return scan_text(value, field=field, rules=rules)


def scan_fields(mapping: Mapping[str, str], *, rules: RuleSet | None = None) -> list[Finding]:
    """Every field of a mapping {field name: text or HTML}, with the rules loaded once."""
    rules = rules or load_rules()
    findings: list[Finding] = []
    for field, value in mapping.items():
        if value:
            findings.extend(scan_value(str(value), field=field, rules=rules))
    return _unique(findings)


def count_links(text_or_html: str) -> int:
    """How many links a text carries: <a href>, bare URLs and domain names written out (reader
    submissions with many links are spam whatever their words)."""
    if not text_or_html:
        return 0
    if _looks_like_html(text_or_html):
        walker = _Walker()
        walker.feed(text_or_html)
        walker.close()
        linked = sum(1 for url in walker.links if url.strip() and not url.startswith("#"))
        text = "".join(walker.text) + " ".join("".join(e["text"]) for e in walker.hidden)
        return linked + sum(1 for _ in _hosts_in_text(text))
    return sum(1 for _ in _hosts_in_text(text_or_html))


def spam_host(host: str, rules: RuleSet | None = None) -> bool:
    """Whether a domain looks like a betting site: it holds a spam term or brand
    ("fb88-nhacai.vip", "kubet.example.top")."""
    rules = rules or load_rules()
    folded = fold(host.lower())
    return any(term.pattern.search(folded) for term in rules.terms)


def blocks_publishing(finding: Finding, rules: RuleSet | None = None) -> bool:
    """Whether a finding stops publication. Gambling vocabulary, hidden text or links and
    replaced names always do; a link to an unknown outside site only when its domain looks like
    a betting site: newsrooms link to other outside sites every day, and an unknown one is
    shown as a warning on save (editors add the domain to the trusted list)."""
    if finding.rule != UNKNOWN_LINK:
        return True
    return spam_host(finding.matched, rules)


def scan_reader_submission(text: str) -> list[Finding]:
    """What the `scan_reader_submission` hook answers: a reader's text (comment, nomination)
    as text or HTML — gambling spam, hidden text and links, unknown links."""
    return scan_value(text or "", field="submission")


def stream_strings(data) -> Iterable[str]:
    """Every string inside a StreamField's raw data (block values, nested structs and lists),
    for scanning without rendering."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, Mapping):
        if "type" in data and "value" in data:
            yield from stream_strings(data["value"])
        else:
            for value in data.values():
                yield from stream_strings(value)
    elif isinstance(data, Iterable):
        for item in data:
            yield from stream_strings(item)
