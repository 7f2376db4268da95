"""static/js/site.js's share buttons, run in Node against a minimal document.

The clipboard copy finishes after the click handler returns; what the status line says must
be what the reader is meant to read at the end, not whatever was written last. The share bar
and its buttons are those of a real story page: the words the script says are the page's
(templates/includes/share.html, translated by locale/vi), none are written in the script.
tests/e2e/test_public_site.py checks the same in Chromium.
"""

import json
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

SITE_JS = settings.BASE_DIR / "static/js/site.js"
ZALO_HINT = "Đã sao chép liên kết, hãy dán vào Zalo để chia sẻ."

# Builds just enough of a page for the share handler: one .share box with a status line and
# the clicked button; a clipboard that resolves or rejects; a share sheet or none.
HARNESS = r"""
const source = require("fs").readFileSync(process.argv[1], "utf8");
const scenario = JSON.parse(process.argv[2]);
const listeners = {};
const status = { textContent: "" };
const box = {
  getAttribute(name) { return name in scenario.box ? scenario.box[name] : null; },
  querySelector: (selector) => (selector === ".share__status" ? status : null),
};
const prompts = [], shared = [], copied = [];
const button = {
  attributes: scenario.attributes,
  hasAttribute(name) { return name in this.attributes; },
  getAttribute(name) { return name in this.attributes ? this.attributes[name] : null; },
  closest(selector) {
    if (selector === ".share") { return box; }
    const names = selector.match(/\[([\w-]+)\]/g).map((part) => part.slice(1, -1));
    return names.some((name) => name in this.attributes) ? this : null;
  },
};
const clipboard = {
  writeText(text) {
    copied.push(text);
    return scenario.clipboard === "fails" ? Promise.reject(new Error("denied")) : Promise.resolve();
  },
};
Object.defineProperty(globalThis, "navigator", {
  configurable: true,
  value: {
    clipboard: scenario.clipboard === "none" ? undefined : clipboard,
    share: scenario.shareSheet
      ? (data) => { shared.push(data); return Promise.resolve(); }
      : undefined,
  },
});
globalThis.window = {
  isSecureContext: true,
  prompt: (label, value) => { prompts.push([label, value]); },
  print() {},
};
globalThis.document = {
  addEventListener(type, handler) { (listeners[type] = listeners[type] || []).push(handler); },
  getElementById() { return null; },
};
eval(source);
listeners.click.forEach((handler) => handler({ target: button }));
setTimeout(() => {
  console.log(JSON.stringify({ status: status.textContent, prompts, shared, copied }));
}, 20);
"""


@pytest.fixture
def share_bar(make_story, client) -> dict[str, dict[str, str]]:
    """The share bar of a real story page, parsed: its own attributes and its two buttons'."""
    story = make_story("Người giữ rừng")
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    bar = soup.select_one(".share")

    def attributes(tag) -> dict[str, str]:
        return {name: " ".join(v) if isinstance(v, list) else v for name, v in tag.attrs.items()}

    zalo, copy = bar.select_one("[data-share-native]"), bar.select_one("[data-copy-link]")
    return {"box": attributes(bar), "zalo": attributes(zalo), "copy": attributes(copy)}


@pytest.fixture
def click(share_bar):
    """Clicks the page's Zalo or copy button in Node; what the page shows afterwards."""

    def _click(button: str, *, clipboard: str = "works", share_sheet: bool = False) -> dict:
        scenario = {
            "attributes": share_bar[button],
            "box": share_bar["box"],
            "clipboard": clipboard,
            "shareSheet": share_sheet,
        }
        result = subprocess.run(
            ["node", "-e", HARNESS, str(SITE_JS), json.dumps(scenario)],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        )
        return json.loads(result.stdout)

    return _click


@pytest.fixture
def url(share_bar) -> str:
    return share_bar["copy"]["data-copy-link"]


ZALO, COPY = "zalo", "copy"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("node"), reason="Node.js is not installed"),
]


def test_zalo_without_a_share_sheet_copies_and_keeps_its_hint(click, url):
    result = click(ZALO)
    assert result["copied"] == [url]
    assert result["status"] == ZALO_HINT


def test_copy_link_says_it_copied(click, url):
    result = click(COPY)
    assert result["copied"] == [url]
    assert result["status"] == "Đã sao chép liên kết."


def test_zalo_with_a_share_sheet_opens_it_and_copies_nothing(click, url):
    result = click(ZALO, share_sheet=True)
    assert result["shared"] == [{"title": "Người giữ rừng", "url": url}]
    assert result["copied"] == [] and result["status"] == ""


@pytest.mark.parametrize("clipboard", ["none", "fails"])
def test_zalo_without_a_clipboard_offers_the_link_with_the_hint(click, url, clipboard):
    result = click(ZALO, clipboard=clipboard)
    assert result["prompts"] == [["Sao chép liên kết rồi dán vào Zalo để chia sẻ:", url]]
    assert result["status"] == ""


def test_copy_link_without_a_clipboard_offers_the_link(click, url):
    result = click(COPY, clipboard="none")
    assert result["prompts"] == [["Sao chép liên kết:", url]]
