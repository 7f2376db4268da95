"""Radio scripts: generated or written, read time, and the admin's live syllable counter."""

import json
import re
import shutil
import subprocess

import pytest
from django.conf import settings
from django.test import override_settings

from syndication.radio import generate_script, read_seconds, script_for
from vietnamese.speech import syllable_count


def test_read_time():
    assert read_seconds("một " * 220, per_minute=220) == 60
    with override_settings(RADIO_SYLLABLES_PER_MINUTE=110):
        assert read_seconds("một " * 220) == 120


@pytest.mark.django_db
def test_generated_script_has_no_links_or_captions(make_story, image):
    story = make_story(
        "Gương sáng ở TP. Hà Tĩnh",
        sapo="UBND tỉnh khen thưởng ngày 02/12/2021.",
        body=[
            (
                "paragraph",
                '<p>Chị Hoa <a href="https://vi.wikipedia.org">nổi tiếng</a> khắp vùng.</p>',
            ),
            ("image", {"image": image, "caption": "CHÚ THÍCH ẢNH", "credit": "Ảnh: PV"}),
            ("quote", {"text": "HTX đã có 1.200 thành viên", "attribution": "Chủ nhiệm"}),
        ],
    )
    script = generate_script(story)
    assert script.startswith("Gương sáng ở thành phố Hà Tĩnh")
    assert "Ủy ban nhân dân tỉnh khen thưởng ngày 2 tháng 12 năm 2021." in script
    assert "nổi tiếng khắp vùng" in script
    assert "wikipedia" not in script and "<a" not in script
    assert "CHÚ THÍCH ẢNH" not in script
    assert "hợp tác xã đã có một nghìn hai trăm thành viên" in script


@pytest.mark.django_db
def test_journalist_script_wins_over_generated(make_story):
    story = make_story(radio_script="Kính thưa quý thính giả,\x0c UBND xã thông báo.")
    assert script_for(story) == "Kính thưa quý thính giả, UBND xã thông báo."
    story.radio_script = "   "
    assert script_for(story) == generate_script(story)


SAMPLES = [
    "Ủy ban nhân dân xã năm 2021, trồng 12,5 ha.",
    "Kính thưa quý thính giả!\n\nHợp tác xã có 1.200 thành viên.",
    "",
]


@pytest.mark.skipif(not shutil.which("node"), reason="Node.js is not installed")
def test_admin_live_counter_agrees_with_the_server():
    """static/syndication/js/read_time.js counts syllables exactly as the server does
    (vietnamese.speech.syllable_count)."""
    source = (settings.BASE_DIR / "static/syndication/js/read_time.js").read_text()
    function = re.search(r"function syllables\(text\) \{.*?\n  \}", source, re.S).group(0)
    program = (
        function + "\nconsole.log(JSON.stringify(JSON.parse(process.argv[1]).map(syllables)));"
    )
    result = subprocess.run(
        ["node", "-e", program, json.dumps(SAMPLES)], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == [syllable_count(text) for text in SAMPLES]
    assert "data-syllables-per-minute" in source or "syllablesPerMinute" in source


# Runs the admin's JavaScript catalogue (as /admin/jsi18n/ serves it) and then read_time.js
# against a minimal editor page holding one radio script field; prints what the field says.
READ_TIME_HARNESS = r"""
const fs = require("fs");
const vm = require("vm");
const [catalogue, script, text] = process.argv.slice(1);
let output = null;
const field = {
  value: text,
  dataset: {},
  addEventListener() {},
  insertAdjacentElement(position, element) { output = element; },
};
globalThis.window = globalThis;
globalThis.document = {
  currentScript: { dataset: { syllablesPerMinute: "220" } },
  readyState: "complete",
  createElement() { return { setAttribute() {}, textContent: "" }; },
  querySelectorAll() { return [field]; },
};
if (catalogue) { vm.runInThisContext(fs.readFileSync(catalogue, "utf8")); }
vm.runInThisContext(fs.readFileSync(script, "utf8"));
console.log(JSON.stringify(output.textContent));
"""


@pytest.mark.django_db
@pytest.mark.skipif(not shutil.which("node"), reason="Node.js is not installed")
def test_admin_live_counter_speaks_vietnamese(client, journalist, tmp_path):
    """The counter's words come from the djangojs catalogue the admin loads before it: the
    journalist reads Vietnamese; the English source strings show only without a catalogue."""
    from django.urls import reverse

    client.force_login(journalist)
    catalogue = tmp_path / "jsi18n.js"
    catalogue.write_bytes(client.get(reverse("wagtailadmin_javascript_catalog")).content)
    source = settings.BASE_DIR / "static/syndication/js/read_time.js"

    def shown(text: str, with_catalogue: bool = True) -> str:
        arguments = [str(catalogue) if with_catalogue else "", str(source), text]
        result = subprocess.run(
            ["node", "-e", READ_TIME_HARNESS, *arguments],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        )
        return json.loads(result.stdout)

    assert shown("") == "Để trống: kịch bản được tạo tự động từ nội dung bài."
    assert shown("một " * 10) == "10 âm tiết · đọc khoảng 3 giây (220 âm tiết/phút)"
    assert shown("một " * 220) == "220 âm tiết · đọc khoảng 1 phút (220 âm tiết/phút)"
    assert shown("một " * 300) == "300 âm tiết · đọc khoảng 1 phút 22 giây (220 âm tiết/phút)"
    assert shown("một", with_catalogue=False) == (
        "1 syllable · about 1 sec to read (220 syllables/min)"
    )
