"""The legacy article importer: parsing the portals' exports and the import_articles command."""

import io
import re
import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import DatabaseError

from stories import importer
from stories.importer import (
    CHROME_RULES,
    ImportProblem,
    InvalidDateError,
    parse_article,
    parse_date_line,
    truncate_at_word,
)
from stories.management.commands.import_articles import Command as ImportArticlesCommand
from stories.models import Author, ColumnIndexPage, StoryPage
from vietnamese.text import fold, normalize

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
# shared/ sits beside the main checkout (and beside CI's clone); a worktree is one level deeper.
SAMPLES = next(
    (
        folder / "shared" / "samples" / "legacy-articles"
        for folder in Path(settings.BASE_DIR).parents
        if (folder / "shared" / "samples" / "legacy-articles").is_dir()
    ),
    Path(settings.BASE_DIR).parent / "shared" / "samples" / "legacy-articles",
)
needs_samples = pytest.mark.skipif(
    not SAMPLES.is_dir(), reason=f"legacy article samples not found at {SAMPLES}"
)

# Expected facts per sample: (file prefix, title line index, date, authors).
SAMPLE_FACTS = [
    ("000", 0, datetime(2021, 12, 2, 23, 3, tzinfo=HCM), ["T.K"]),
    ("001", 0, datetime(2023, 1, 27, 16, 10, tzinfo=HCM), ["Thái Thành"]),
    # A legal document: the signer ("Người ký") is not the article's author.
    ("002", 0, datetime(2023, 4, 5, tzinfo=HCM), []),
    ("004", 1, datetime(2024, 2, 29, tzinfo=HCM), ["Hồng Ánh"]),
]
# Furniture seen in the exports; none of it may reach a story body.
CHROME_SNIPPETS = [
    "các thông tin tiện ích",
    "Tổng số điểm của bài viết",
    "Ý kiến bạn đọc",
    "Bạn đã không sử dụng Site",
    "duy trì trạng thái đăng nhập",
    "Gửi cho bạn bè",
    "Các tin khác",
    "Xem nhiều nhất",
    "[...]",
    "Số hiệu",
    "Ngày ban hành",
    "Ngày có hiệu lực",
    "Loại văn bản",
    "Người ký",
    "[GMT+7]",
]
GOOD_ARTICLE = """Nông dân trẻ làm giàu từ vườn bưởi hữu cơ

Thứ Hai, 06/05/2024, 08:15 [GMT+7]

Anh Lò Văn Pọm ở xã Nậm Mơ đã biến đồi cằn thành vườn bưởi cho thu nhập ổn định.

Từ năm 2019, anh chuyển đổi toàn bộ diện tích sang canh tác hữu cơ và hướng dẫn bà con cùng làm.

Minh Châu

Các tin khác
"""


def sample_path(prefix: str) -> Path:
    return next(SAMPLES.glob(f"{prefix}_*.txt"))


def sample_lines(prefix: str) -> list[str]:
    text = sample_path(prefix).read_text(encoding="utf-8")
    return [normalize(" ".join(line.split())) for line in text.splitlines()]


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def article(title: str, *, date: str = "Thứ Hai, 06/05/2024, 08:15", body: str = "") -> str:
    body = body or "Đây là đoạn văn đầu tiên của bài, kể về một tấm gương người tốt việc tốt."
    return f"{title}\n\n{date}\n\n{body}\n\nĐoạn thứ hai của bài viết cũng có nội dung riêng.\n"


def run(*args, **options) -> str:
    stdout = io.StringIO()
    options.setdefault("no_progress", True)
    call_command("import_articles", *map(str, args), stdout=stdout, stderr=io.StringIO(), **options)
    return stdout.getvalue()


# --- Parsing the samples ---------------------------------------------------------------------


@needs_samples
@pytest.mark.parametrize(("prefix", "title_index", "published_at", "authors"), SAMPLE_FACTS)
def test_every_sample_parses(prefix, title_index, published_at, authors):
    lines = sample_lines(prefix)
    parsed = parse_article(sample_path(prefix).read_text(encoding="utf-8"))

    assert parsed.title == lines[title_index]
    assert parsed.published_at == published_at
    assert parsed.published_at.utcoffset().total_seconds() == 7 * 3600
    assert parsed.authors == authors
    body = "\n".join(parsed.paragraphs)
    for snippet in CHROME_SNIPPETS:
        assert snippet.lower() not in body.lower(), snippet
    assert "." not in parsed.paragraphs
    for name in authors:
        assert name not in parsed.paragraphs
    # The title repeated as the first body line is dropped, not kept as a paragraph.
    assert parsed.title not in parsed.paragraphs
    # No article text is lost: every long line of the file is inside some paragraph.
    for line in lines:
        if len(line) > 100 and line != parsed.title:
            assert any(line in paragraph for paragraph in parsed.paragraphs), line[:60]


@needs_samples
def test_sample_photo_caption_is_the_photo_caption_not_the_first_paragraph():
    """Sample 004 prints the photo as a no-break space leading its caption, wrapped over four
    lines, and a no-break space line under it."""
    lines = sample_lines("004")
    caption = " ".join(line for line in lines[3:7] if line)
    parsed = parse_article(sample_path("004").read_text(encoding="utf-8"))
    assert parsed.captions == [(0, caption)]
    assert caption not in parsed.paragraphs
    assert parsed.paragraphs[0].startswith("Kế hoạch được ban hành")
    _sapo, blocks = parsed.body_blocks()
    assert blocks[0] == ("image", {"image": None, "caption": caption, "credit": ""})
    assert [kind for kind, _value in blocks[1:]] == ["paragraph"] * (len(blocks) - 1)
    assert any("ảnh" in warning for warning in parsed.warnings)


@needs_samples
@pytest.mark.parametrize("prefix", ["000", "001", "002"])
def test_samples_without_photos_have_no_captions(prefix):
    parsed = parse_article(sample_path(prefix).read_text(encoding="utf-8"))
    assert parsed.captions == []


@needs_samples
def test_truncated_legal_document_is_reported():
    parsed = parse_article(sample_path("002").read_text(encoding="utf-8"))
    assert any("[...]" in warning for warning in parsed.warnings)
    assert not any("Phạm Đình Nghị" in paragraph for paragraph in parsed.paragraphs)


@needs_samples
@pytest.mark.parametrize("prefix", [facts[0] for facts in SAMPLE_FACTS])
def test_sapo_is_a_sentence_that_fits(prefix):
    parsed = parse_article(sample_path(prefix).read_text(encoding="utf-8"))
    sapo, body = parsed.sapo_and_body()
    assert 0 < len(sapo) <= StoryPage._meta.get_field("sapo").max_length
    assert not sapo.isupper()
    if sapo in parsed.paragraphs:  # fitted whole: moved out of the body, not printed twice
        assert sapo not in body
    else:  # shortened: the body keeps the full paragraph
        assert sapo.endswith("…")
        assert any(paragraph.startswith(sapo[:-1]) for paragraph in body)


def test_chrome_table_rules_match_the_exports_furniture():
    patterns = [re.compile(rule.pattern) for rule in CHROME_RULES]
    for snippet in ["Các tin khác", "Xem nhiều nhất", "Gửi cho bạn bè", ".", "[...]"]:
        assert any(pattern.fullmatch(fold(snippet)) for pattern in patterns), snippet


# --- Dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Thứ Năm, 02/12/2021, 23:03 [GMT+7]", datetime(2021, 12, 2, 23, 3, tzinfo=HCM)),
        ("Thứ sáu - 27/01/2023 16:10 1.054 0", datetime(2023, 1, 27, 16, 10, tzinfo=HCM)),
        ("Ngày đăng: 04-08-2023, 02:00", datetime(2023, 8, 4, 2, 0, tzinfo=HCM)),
        ("Ngày ban hành 05/04/2023", datetime(2023, 4, 5, tzinfo=HCM)),
        ("Thứ Năm, 29/2/2024", datetime(2024, 2, 29, tzinfo=HCM)),
        ("Chủ nhật, 7/1/2024 - 09:30", datetime(2024, 1, 7, 9, 30, tzinfo=HCM)),
        ("THỨ BẢY, 06/01/2024", datetime(2024, 1, 6, tzinfo=HCM)),
        # Dashes as typed or pasted: hyphen, non-breaking hyphen, en dash, minus sign.
        ("Ngày đăng: 04‑08‑2023, 02:00", datetime(2023, 8, 4, 2, 0, tzinfo=HCM)),
        ("Ngày đăng: 04–08–2023 – 02:00", datetime(2023, 8, 4, 2, 0, tzinfo=HCM)),
        ("Ngày đăng: 04 - 08 - 2023, 02:00", datetime(2023, 8, 4, 2, 0, tzinfo=HCM)),
        ("Ngày đăng: 4-8-2023 2:00 PM", datetime(2023, 8, 4, 14, 0, tzinfo=HCM)),
        ("Ngày đăng: 04-08-2023, 12:15 SA", datetime(2023, 8, 4, 0, 15, tzinfo=HCM)),
        ("Ngày đăng: 04-08-2023, 02:00 | Lượt xem: 1.204", datetime(2023, 8, 4, 2, tzinfo=HCM)),
    ],
)
def test_date_line_formats(line, expected):
    value = parse_date_line(line)
    assert value == expected
    assert value.tzinfo is not None


@pytest.mark.parametrize(
    "line",
    [
        "Ngày có hiệu lực 05/04/2023",
        "Năm 2022, sẽ xây dựng điểm 14 mô hình.",
        "Tác giả: Thái Thành",
        "",
    ],
)
def test_lines_that_are_not_date_lines(line):
    assert parse_date_line(line) is None


@pytest.mark.parametrize(
    "line", ["Thứ Ba, 31/02/2023", "Ngày đăng: 12-13-2023", "01/01/2023 25:00"]
)
def test_impossible_dates_raise_a_vietnamese_message(line):
    with pytest.raises(InvalidDateError) as caught:
        parse_date_line(line)
    assert "không hợp lệ" in caught.value.message


@pytest.mark.parametrize(
    "header",
    [
        "Sign In",
        "Đăng nhập | Đăng ký",
        "ĐĂNG NHẬP / ĐĂNG KÝ",
        "Sign in · Register",
        "Trang chủ > Gương sáng đời thường",
        "Tiếng Việt | English",
    ],
)
def test_page_chrome_above_the_date_line_is_dropped_and_the_date_found(header):
    text = (
        f"Người thợ may của xóm chài\n\n{header}\n\nNgày đăng: 04-08-2023, 02:00\n\n"
        "Bà Năm may miễn phí hơn ba trăm bộ áo dài cho học sinh nghèo trong xã.\n\n"
        "Đoạn thứ hai kể chuyện bà dạy nghề cho các cô gái trẻ.\n"
    )
    parsed = parse_article(text)
    assert parsed.published_at == datetime(2023, 8, 4, 2, 0, tzinfo=HCM)
    assert parsed.paragraphs[0].startswith("Bà Năm may")
    assert not any(header in paragraph for paragraph in parsed.paragraphs)
    assert not any("Ngày đăng" in paragraph for paragraph in parsed.paragraphs)


def test_a_photo_credit_line_is_a_caption():
    parsed = parse_article(
        article(
            "Cô giáo cắm bản",
            body="Cô giáo Lò Thị Hoa giữa học trò (Ảnh: Minh Châu)\n\n"
            "Mười năm nay, cô giáo trẻ vẫn bám bản dạy chữ cho con em đồng bào.",
        )
    )
    assert parsed.captions == [(0, "Cô giáo Lò Thị Hoa giữa học trò (Ảnh: Minh Châu)")]
    assert parsed.paragraphs[0].startswith("Mười năm nay")


HTML_EXPORT = """<html><head><title>Cổng thông tin xã</title></head><body>
<div class="menu"><a href="/">Trang chủ</a></div>
<h1>Người gác đèn biển</h1>
<p class="date">Ngày đăng: 04-08-2023, 02:00</p>
<p>Ông Sáu đã gác ngọn đèn trên đảo suốt hai mươi năm, chưa một đêm để đèn tắt.</p>
<figure><img src="den-bien.jpg" alt=""><figcaption>Ông Sáu bên ngọn đèn biển.</figcaption></figure>
<p>Mỗi tối ông leo 120 bậc thang</p><p>Rồi ngồi ghi sổ trực đến sáng.</p>
<p><img src="so-truc.jpg"></p><p><em>Cuốn sổ trực đã ghi kín 30 quyển</em></p>
<ul><li>Hai mươi năm không nghỉ Tết</li><li>Ba lần được khen thưởng</li></ul>
<p>Tác giả: Minh Châu</p>
</body></html>"""


def test_html_exports_keep_paragraphs_and_captions():
    parsed = parse_article(importer.text_from_html(HTML_EXPORT))
    assert parsed.title == "Người gác đèn biển"
    assert parsed.published_at == datetime(2023, 8, 4, 2, 0, tzinfo=HCM)
    assert parsed.authors == ["Minh Châu"]
    assert parsed.captions == [
        (1, "Ông Sáu bên ngọn đèn biển."),
        (3, "Cuốn sổ trực đã ghi kín 30 quyển"),
    ]
    assert parsed.paragraphs == [
        "Ông Sáu đã gác ngọn đèn trên đảo suốt hai mươi năm, chưa một đêm để đèn tắt.",
        "Mỗi tối ông leo 120 bậc thang",
        "Rồi ngồi ghi sổ trực đến sáng.",
        "Hai mươi năm không nghỉ Tết",
        "Ba lần được khen thưởng",
    ]


def test_invalid_date_imports_without_date_and_warns():
    parsed = parse_article(article("Gương sáng nơi biên giới", date="Thứ Ba, 31/02/2023, 10:00"))
    assert parsed.published_at is None
    assert any("31/02/2023" in warning for warning in parsed.warnings)
    assert parsed.paragraphs  # the article itself is still there


def test_missing_date_is_a_warning_not_an_error():
    parsed = parse_article("Một tấm gương\n\nĐoạn văn đầu tiên có đủ chữ để làm sapo cho bài.\n")
    assert parsed.published_at is None
    assert any("ngày đăng" in warning for warning in parsed.warnings)


# --- Other parsing rules ---------------------------------------------------------------------


def test_title_is_normalised_and_identical_text_gets_the_same_legacy_id():
    decomposed = "Ho\u0300a nhi\u0323p va\u0300 lan to\u0309a"  # NFD, old tone placement
    first = parse_article(article(decomposed))
    second = parse_article(article(normalize(decomposed)))
    assert first.title == "Hòa nhịp và lan tỏa"
    assert first.legacy_id == second.legacy_id
    assert len(first.legacy_id) == 64
    assert parse_article(article("Một tiêu đề khác")).legacy_id != first.legacy_id


def test_undated_article_is_identified_by_its_whole_text():
    text = "Một tấm gương\n\nĐoạn văn đầu tiên có đủ chữ để làm sapo cho bài.\n"
    first = parse_article(text)
    assert parse_article(text.replace("\n", "\r\n")).legacy_id == first.legacy_id
    assert parse_article(text + "\nThêm một đoạn nữa.\n").legacy_id != first.legacy_id


def test_over_long_title_is_cut_at_a_word_with_a_warning():
    title = " ".join(["Gương điển hình tiên tiến"] * 20)  # 500 characters
    parsed = parse_article(article(title))
    assert len(parsed.title) <= 255
    assert parsed.title.endswith("…")
    assert title.startswith(parsed.title[:-1])
    assert parsed.title[:-1].split()[-1] in title.split()  # no word cut in half
    assert any("255" in warning or "Tiêu đề" in warning for warning in parsed.warnings)


def test_truncate_at_word():
    assert truncate_at_word("ngắn", 10) == "ngắn"
    assert truncate_at_word("một hai ba bốn", 10) == "một hai…"


def test_labelled_author_and_interview_questions():
    text = article(
        "Người thầy nơi bản xa",
        body="PV: Điều gì khiến thầy gắn bó với bản?\n\nTác giả: Lan Anh - Quốc Việt",
    )
    parsed = parse_article(text)
    assert parsed.authors == ["Lan Anh", "Quốc Việt"]
    assert any(paragraph.startswith("PV:") for paragraph in parsed.paragraphs)


def test_closing_lines_that_are_not_bylines_stay_in_the_body():
    parsed = parse_article(article("Bài chưa hết", body="Phong trào lan rộng.\n\nCòn tiếp"))
    assert parsed.authors == []
    assert parsed.paragraphs[-2:] == [
        "Còn tiếp",
        "Đoạn thứ hai của bài viết cũng có nội dung riêng.",
    ]
    text = "Bài trích\n\nĐoạn văn đủ dài để làm phần mở đầu của bài.\n\nTheo Báo Nhân Dân\n"
    parsed = parse_article(text)
    assert parsed.authors == []
    assert parsed.paragraphs[-1] == "Theo Báo Nhân Dân"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "rỗng"),
        ("Gửi cho bạn bè\n\nCác tin khác\n\nXem nhiều nhất\n", "phần khung"),
        ("Chỉ có tiêu đề\n\nThứ Năm, 29/2/2024\n\nÝ kiến bạn đọc\n", "nội dung"),
    ],
)
def test_files_without_an_article_raise_import_problem(text, reason):
    with pytest.raises(ImportProblem) as caught:
        parse_article(text)
    assert reason in caught.value.message


# --- The command -----------------------------------------------------------------------------


@needs_samples
@pytest.mark.django_db
def test_command_imports_samples_as_drafts(column, site, client, image):
    output = run(SAMPLES, column=column.slug, source="Cổng thông tin cũ")

    stories = StoryPage.objects.child_of(column).order_by("publication_date")
    assert stories.count() == 4
    assert "Số bài đã nhập (bản nháp): 4" in output
    for story in stories:
        assert story.live is False
        assert story.first_published_at is None
        assert story.has_unpublished_changes
        assert story.latest_revision is not None
        assert story.source == "Cổng thông tin cũ"
        assert len(story.legacy_id) == 64
        assert story.sapo and len(story.sapo) <= 600
        assert client.get(story.url).status_code == 404
    assert [s.publication_date for s in stories] == [facts[2] for facts in SAMPLE_FACTS]
    assert [[a.name for a in s.authors] for s in stories] == [facts[3] for facts in SAMPLE_FACTS]

    # The 404 above is because the story is a draft, not because the URL is wrong.
    story = stories.first()
    story.hero_image = image
    story.save_revision().publish()
    assert client.get(story.url).status_code == 200


@needs_samples
@pytest.mark.django_db
def test_running_twice_creates_nothing_new(column):
    run(SAMPLES)
    authors = Author.objects.count()
    output = run(SAMPLES)
    assert StoryPage.objects.count() == 4
    assert Author.objects.count() == authors
    assert "Số bài đã nhập (bản nháp): 0" in output
    assert "Đã có (bỏ qua): 4" in output


@pytest.mark.django_db
def test_same_article_twice_in_one_run_is_imported_once(column, tmp_path):
    write(tmp_path, "a.txt", GOOD_ARTICLE)
    write(tmp_path, "b.txt", GOOD_ARTICLE.replace("\n", "\r\n"))
    output = run(tmp_path)
    assert StoryPage.objects.count() == 1
    assert "Đã có (bỏ qua): 1" in output


@pytest.mark.django_db
def test_bad_files_are_reported_and_good_ones_still_imported(column, tmp_path):
    write(tmp_path, "good.txt", GOOD_ARTICLE)
    (tmp_path / "nested").mkdir()
    write(tmp_path / "nested", "also-good.txt", article("Cô giáo trẻ mang con chữ lên non"))
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "empty.txt").write_bytes(b"")
    latin1 = article("Người tốt việc tốt").encode("latin-1", errors="replace")
    (tmp_path / "latin1.txt").write_bytes(latin1)
    write(tmp_path, "chrome.txt", "Gửi cho bạn bè\n\nCác tin khác\n\nXem nhiều nhất\n")
    write(tmp_path, "notes.md", "không phải .txt nên không được đọc")

    output = run(tmp_path, tmp_path / "missing.txt")

    titles = set(StoryPage.objects.values_list("title", flat=True))
    assert titles == {
        "Nông dân trẻ làm giàu từ vườn bưởi hữu cơ",
        "Cô giáo trẻ mang con chữ lên non",
    }
    assert "Lỗi: 5" in output
    reasons = {
        "binary.txt": "nhị phân",
        "empty.txt": "rỗng",
        "latin1.txt": "UTF-8",
        "chrome.txt": "phần khung",
        "missing.txt": "không tìm thấy",
    }
    for name, reason in reasons.items():
        assert re.search(rf"{re.escape(name)}: .*{reason}", output), name
    assert "notes.md" not in output


@pytest.mark.django_db
def test_unreadable_file_is_reported(column, tmp_path, monkeypatch):
    good = write(tmp_path, "good.txt", GOOD_ARTICLE)
    locked = write(tmp_path, "locked.txt", article("Bài bị khóa quyền đọc"))
    read_bytes = Path.read_bytes

    def refuse(path):
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    output = run(good, locked)
    assert "locked.txt: không có quyền đọc tệp" in output
    assert StoryPage.objects.count() == 1


@pytest.mark.django_db
def test_every_file_failing_exits_non_zero(column, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(CommandError):
        run(tmp_path)
    with pytest.raises(CommandError):
        run(tmp_path / "nothing-here")
    assert StoryPage.objects.count() == 0


@pytest.mark.django_db
def test_failed_save_leaves_no_half_created_story(column, tmp_path, monkeypatch):
    write(tmp_path, "good.txt", GOOD_ARTICLE)
    boom = "Bài làm hỏng cơ sở dữ liệu\n\nĐoạn văn đủ dài để làm phần mở đầu.\n\nNgọc Lan\n"
    write(tmp_path, "boom.txt", boom)
    write_revision = StoryPage.save_revision

    def save_revision(self, *args, **kwargs):
        if self.title.startswith("Bài làm hỏng"):
            raise DatabaseError("disk I/O error")
        return write_revision(self, *args, **kwargs)

    monkeypatch.setattr(StoryPage, "save_revision", save_revision)
    output = run(tmp_path)

    assert list(StoryPage.objects.values_list("title", flat=True)) == [
        "Nông dân trẻ làm giàu từ vườn bưởi hữu cơ"
    ]
    assert re.search(r"boom\.txt: .*disk I/O error", output)
    # The by-line's author was created inside the failed file's transaction: rolled back too.
    assert list(Author.objects.values_list("name", flat=True)) == ["Minh Châu"]


@pytest.mark.django_db
def test_over_long_title_is_truncated_and_reported(column, tmp_path):
    title = " ".join(["Nhân rộng điển hình tiên tiến"] * 15)
    write(tmp_path, "long.txt", article(title))
    output = run(tmp_path)
    story = StoryPage.objects.get()
    assert len(story.title) <= 255
    assert story.title.endswith("…")
    assert "Cảnh báo:" in output
    assert "long.txt: Tiêu đề dài" in output


@pytest.mark.django_db
def test_hostile_text_is_escaped_in_the_body(column, tmp_path):
    hostile = "<script>alert(1)</script> và <img src=x onerror=alert(2)>"
    write(
        tmp_path, "x.txt", article("Bài có mã độc", body=f"Câu mở đầu đủ dài của bài.\n\n{hostile}")
    )
    run(tmp_path)
    story = StoryPage.objects.get()
    stored = story.body.raw_data
    sources = [block["value"] for block in stored]
    assert "<p>&lt;script&gt;alert(1)&lt;/script&gt; và &lt;img src=x onerror=alert(2)&gt;</p>" in (
        sources
    )
    rendered = str(story.body)
    assert "<script" not in rendered
    assert "<img" not in rendered
    assert "&lt;script&gt;" in rendered


@needs_samples
@pytest.mark.django_db
def test_dry_run_shows_what_each_file_would_become(column):
    output = run(SAMPLES, dry_run=True)
    assert StoryPage.objects.count() == 0
    sections = {}
    for line in output.splitlines():
        if line.startswith("  ") and not line.startswith("    "):
            current = sections.setdefault(Path(line.strip()).name[:3], [])
        elif line.startswith("    "):
            current.append(line.strip())
    assert set(sections) == {"000", "001", "002", "004"}
    for prefix, title_index, published_at, authors in SAMPLE_FACTS:
        shown = dict(line.split(": ", 1) for line in sections[prefix])
        assert shown["Tiêu đề"] == sample_lines(prefix)[title_index]
        assert shown["Ngày đăng"].startswith(published_at.strftime("%d/%m/%Y"))
        assert shown["Tác giả"] == (", ".join(authors) or "(không có)")
        assert re.fullmatch(r"\d+ đoạn, \d+ ảnh", shown["Nội dung"])
        assert shown["Mở đầu"].startswith("“") and len(shown["Mở đầu"]) <= 125
    photo_story = dict(line.split(": ", 1) for line in sections["004"])
    assert photo_story["Nội dung"] == "3 đoạn, 1 ảnh"
    assert photo_story["Chú thích ảnh"].startswith("“Chị Đàm Thị Thu Hà")
    assert photo_story["Ngày đăng"] == "29/02/2024"  # no time of day in the file
    assert any("[...]" in line for line in sections["002"] if line.startswith("Cảnh báo"))


@needs_samples
@pytest.mark.django_db
def test_imported_photo_caption_waits_in_an_image_block_for_the_editor(
    column, client, editor, image
):
    run(SAMPLES)
    story = StoryPage.objects.get(title__startswith="Xây dựng điểm")
    first = story.body[0]
    assert first.block_type == "image"
    assert first.value["image"] is None
    assert first.value["caption"].startswith("Chị Đàm Thị Thu Hà")
    assert story.hero_caption == ""
    assert "Chị Đàm Thị Thu Hà" not in story.plain_text()  # captions are not body text
    client.force_login(editor)
    assert client.get(f"/admin/pages/{story.pk}/edit/").status_code == 200
    preview = client.get(f"/admin/pages/{story.pk}/view_draft/")
    assert preview.status_code == 200
    assert "Chị Đàm Thị Thu Hà" in preview.content.decode()


@pytest.mark.django_db
def test_html_files_are_imported(column, tmp_path):
    write(tmp_path, "den-bien.html", HTML_EXPORT)
    run(tmp_path)
    story = StoryPage.objects.get()
    assert story.title == "Người gác đèn biển"
    assert [block.block_type for block in story.body].count("image") == 2


@pytest.mark.django_db
def test_dry_run_saves_nothing(column, tmp_path):
    write(tmp_path, "good.txt", GOOD_ARTICLE)
    output = run(tmp_path, dry_run=True)
    assert StoryPage.objects.count() == 0
    assert Author.objects.count() == 0
    assert "Số bài sẽ nhập: 1" in output
    assert "--dry-run" in output


@pytest.mark.django_db
def test_unknown_column_is_a_clear_error(column, tmp_path):
    write(tmp_path, "good.txt", GOOD_ARTICLE)
    with pytest.raises(CommandError, match="khong-co-that") as caught:
        run(tmp_path, column="khong-co-that")
    assert column.slug in str(caught.value)  # lists the columns that do exist
    assert StoryPage.objects.count() == 0


@pytest.mark.django_db
def test_no_column_at_all_tells_the_editor_what_to_do(home, tmp_path):
    write(tmp_path, "good.txt", GOOD_ARTICLE)
    ColumnIndexPage.objects.all().delete()
    with pytest.raises(CommandError, match="--column"):
        run(tmp_path)


@pytest.mark.django_db
def test_column_option_picks_the_column(column, home, tmp_path):
    other = ColumnIndexPage(title="Người tốt việc tốt")
    home.add_child(instance=other)
    write(tmp_path, "good.txt", GOOD_ARTICLE)
    run(tmp_path, column=other.slug)
    assert StoryPage.objects.child_of(other).count() == 1
    assert StoryPage.objects.child_of(column).count() == 0


@pytest.mark.django_db
def test_existing_author_is_reused(column, tmp_path):
    existing = Author.objects.create(name="Minh Châu", organisation="Báo tỉnh")
    write(tmp_path, "good.txt", GOOD_ARTICLE)
    run(tmp_path)
    story = StoryPage.objects.get()
    assert story.authors == [existing]
    assert Author.objects.count() == 1


def test_help_lists_the_options():
    parser = ImportArticlesCommand().create_parser("manage.py", "import_articles")
    text = parser.format_help()
    for option in ("--column", "--source", "--dry-run", "--no-progress"):
        assert option in text


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.django_db
def test_progress_bar_only_on_a_terminal(column, tmp_path):
    write(tmp_path, "good.txt", GOOD_ARTICLE)
    terminal = _Terminal()
    call_command("import_articles", str(tmp_path), stdout=io.StringIO(), stderr=terminal)
    assert "0/1" in terminal.getvalue()
    assert "tệp" in terminal.getvalue()

    write(tmp_path, "other.txt", article("Bài thứ hai"))
    quiet = _Terminal()
    call_command(
        "import_articles", str(tmp_path), no_progress=True, stdout=io.StringIO(), stderr=quiet
    )
    assert quiet.getvalue() == ""


@needs_samples
@pytest.mark.django_db
def test_samples_copied_with_a_bom_import_the_same(column, tmp_path):
    source = sample_path("001")
    shutil.copy(source, tmp_path / "plain.txt")
    run(tmp_path)
    (tmp_path / "plain.txt").unlink()
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + source.read_bytes())
    output = run(tmp_path)
    assert "Đã có (bỏ qua): 1" in output
    assert StoryPage.objects.count() == 1
    assert (
        importer.parse_article(source.read_text(encoding="utf-8")).title
        == StoryPage.objects.get().title
    )
