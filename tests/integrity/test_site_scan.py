"""Whole-site scans: `manage.py integrity_scan` on the demo (clean) and on a defaced story,
the importer's report, and the scheduled scan of rendered pages with its e-mail."""

import io
import json
import shutil

import pytest
from django.core import mail
from django.core.management import call_command

from integrity import scan
from integrity.models import Finding
from integrity.services import GAMBLING, HIDDEN, REPLACED_NAME, UNKNOWN_LINK
from integrity.tasks import integrity_scan_task
from stories.models import StoryPage
from tests.integrity.test_services import DEFACED
from tests.stories.test_importer import SAMPLES, needs_samples

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def integrity_scan() -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command("integrity_scan", stdout=out, stderr=io.StringIO())
    except SystemExit as exit:
        return exit.code, out.getvalue()
    return 0, out.getvalue()


def test_demo_content_gives_no_false_alarm():
    call_command("load_demo", stdout=io.StringIO())
    assert StoryPage.objects.live().count() > 5
    code, output = integrity_scan()
    assert (code, output.strip()) == (0, "Không có phát hiện nào.")
    # The rendered pages really were read: every live page answered.
    assert scan.scan_live_pages() == []


def test_a_defaced_live_story_and_a_defaced_draft_are_listed(make_story):
    clean = make_story("Bài bình thường")
    live = make_story("Bài bị sửa trái phép")
    # The attacker writes to the database directly: nobody edits, no revision.
    body = [{"type": "paragraph", "value": "<p>Theo Báo Nhà cái, hôm nay…</p>", "id": "x1"}]
    StoryPage.objects.filter(pk=live.pk).update(body=body)
    draft = make_story("Bản nháp có liên kết ẩn", live=False)
    # The editor's rich text keeps no style attribute: the attacker rewrites the revision.
    revision = draft.save_revision()
    hidden = '<p>Tin tốt.</p><p style="display:none"><a href="https://w88.example.top/">w</a></p>'
    revision.content["body"] = json.dumps([{"type": "paragraph", "value": hidden, "id": "x2"}])
    revision.save(update_fields=["content"])
    code, output = integrity_scan()
    assert code == 1
    lines = [line.split("\t") for line in output.strip().splitlines()]
    by_page = {}
    for page_id, title, rule, excerpt in lines:
        by_page.setdefault(int(page_id), set()).add(rule)
        assert title and excerpt
    assert clean.pk not in by_page
    assert "Tên cơ quan hoặc địa danh bị thay" in by_page[live.pk]
    assert "Chữ hoặc liên kết bị ẩn" in by_page[draft.pk]
    assert "Liên kết tới trang ngoài lạ" in by_page[draft.pk]


def test_scheduled_scan_stores_findings_and_mails_only_new_ones(make_story, settings):
    settings.ADMINS = [("Quản trị", "quantri@tanlam.example")]
    story = make_story("Bài sẽ bị chèn")
    assert integrity_scan_task.enqueue().return_value == 0  # clean: nothing stored, no mail
    assert not Finding.objects.exists() and not mail.outbox

    body = [
        {
            "type": "paragraph",
            "value": '<p>Tin tốt.</p><div style="font-size:0">nhà cái <a href="https://'
            'kubet.example.vip/">kubet</a></div>',
            "id": "x1",
        }
    ]
    StoryPage.objects.filter(pk=story.pk).update(body=body)
    new = integrity_scan_task.enqueue().return_value
    assert new >= 2
    rules = set(Finding.objects.filter(page=story).values_list("rule", flat=True))
    assert {HIDDEN, UNKNOWN_LINK} <= rules
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["quantri@tanlam.example"]
    assert "Bài sẽ bị chèn" in message.body and "kubet.example.vip" in message.body

    # Seen again: last_seen moves, no second e-mail.
    first = {row.pk: row.last_seen for row in Finding.objects.all()}
    assert integrity_scan_task.enqueue().return_value == 0
    assert len(mail.outbox) == 1
    assert all(row.last_seen >= first[row.pk] for row in Finding.objects.all())

    # Repaired: the findings are resolved, and coming back makes them new again.
    StoryPage.objects.filter(pk=story.pk).update(
        body=[{"type": "paragraph", "value": "<p>Tin tốt.</p>", "id": "x1"}]
    )
    integrity_scan_task.enqueue()
    assert not Finding.objects.filter(resolved=False).exists()
    StoryPage.objects.filter(pk=story.pk).update(body=body)
    assert integrity_scan_task.enqueue().return_value >= 2
    assert len(mail.outbox) == 2


def test_a_defaced_template_is_caught_on_rendered_pages(make_story, settings, tmp_path):
    """Nobody edits the page: the template itself was changed on disk."""
    make_story("Bài bình thường nữa")
    folder = tmp_path / "templates"
    (folder / "includes").mkdir(parents=True)
    source = settings.BASE_DIR / "templates" / "includes" / "footer.html"
    if not source.exists():
        pytest.skip("no footer include to deface")
    shutil.copy(source, folder / "includes" / "footer.html")
    with open(folder / "includes" / "footer.html", "a", encoding="utf-8") as footer:
        footer.write('<div style="position:absolute;left:-9999px">Soi kèo nhà cái hôm nay</div>')
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [folder, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    found = scan.scan_live_pages()
    assert found
    assert {item.finding.rule for item in found} >= {HIDDEN}


@needs_samples
def test_importing_the_samples_reports_nothing_suspicious(column):
    out = io.StringIO()
    call_command("import_articles", str(SAMPLES), stdout=out, no_progress=True)
    assert "Nội dung đáng ngờ" not in out.getvalue()
    code, _output = integrity_scan()
    assert code == 0


def test_importing_a_defaced_article_names_the_file_and_lines(column, tmp_path):
    path = tmp_path / "bai-bi-chen.txt"
    path.write_text(
        "Tổng kết phong trào thi đua năm 2026\n\nThứ Hai, 06/01/2026, 08:15\n\n" + DEFACED,
        encoding="utf-8",
    )
    out = io.StringIO()
    call_command("import_articles", str(path), stdout=out, no_progress=True)
    output = out.getvalue()
    assert "Nội dung đáng ngờ" in output
    flagged = [line for line in output.splitlines() if "bai-bi-chen.txt, dòng" in line]
    numbers = {int(line.split("dòng ")[1].split(":")[0]) for line in flagged}
    assert {5, 6, 7, 9, 10} <= numbers  # the link lines, the renamed body and newspaper, the ad
    assert any("Báo Nhà cái" in line for line in flagged)
    story = StoryPage.objects.get(title="Tổng kết phong trào thi đua năm 2026")
    assert not story.live  # a draft, which the gate will not let through
    assert story.latest_revision.as_object().integrity_findings()
    rules = {f.rule for f in story.latest_revision.as_object().integrity_findings()}
    assert {GAMBLING, REPLACED_NAME, UNKNOWN_LINK} <= rules
