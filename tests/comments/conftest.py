"""A stand-in for the integrity rules (the real ones come from the integrity app): it flags
betting spam, as the `scan_reader_submission` hook's contract says (findings with .rule and
.excerpt)."""

import re
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup
from wagtail import hooks

SPAM = re.compile(r"nhà cái|cá cược", re.I)


@dataclass(frozen=True)
class Finding:
    rule: str
    excerpt: str


def betting_rule(text: str) -> list[Finding]:
    return [Finding("betting", match.group(0)) for match in SPAM.finditer(text)]


@pytest.fixture(autouse=True)
def integrity_rules():
    with hooks.register_temporarily("scan_reader_submission", betting_rule):
        yield


def reader_form(html: str, selector: str = "form.reader-form") -> tuple[str, dict]:
    """The form as a browser would submit it: its action and every named field's value."""
    form = BeautifulSoup(html, "html.parser").select_one(selector)
    assert form is not None, "no reader form on the page"
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        if field.get("name"):
            if field.name == "input":
                data[field["name"]] = field.get("value", "")
            elif field.name == "textarea":  # a browser drops the newline after <textarea>
                data[field["name"]] = field.text.removeprefix("\r").removeprefix("\n")
            else:
                chosen = field.find("option", selected=True)
                data[field["name"]] = chosen.get("value", "") if chosen else ""
    return form["action"], data
