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
