"""A story whose text crosses every kind of boundary (heading, paragraph, list item, fact box),
written for these tests. `strip_tags` glued each pair in BOUNDARIES into one word."""

from stories.models import StoryPage

TITLE = "Bếp cháo nghĩa tình ở xóm Bãi Bồi"
SAPO = "Một bếp ăn do bà con tự góp gạo, góp củi đã đỏ lửa suốt mùa mưa lũ."
BODY = [
    (
        "paragraph",
        "<h2>Bếp cháo giữa mùa lũ</h2><p>Từ đầu năm 2024</p>"
        "<p>Nhiều hộ dân ở xóm Bãi Bồi góp gạo, góp củi cho bếp</p>"
        "<ul><li>Nấu 150 suất cơm mỗi tuần</li><li>Tặng <b>áo</b> ấm cho học sinh</li></ul>",
    ),
    ("quote", {"text": "Ai có gì góp nấy", "attribution": "Bà Tư, người giữ bếp"}),
    (
        "fact_box",
        {
            "title": "Con số",
            "body": "<ul><li>Ba mươi tình nguyện viên</li><li>Mười hai nồi lớn</li></ul>",
        },
    ),
    ("paragraph", "<p>Bếp còn mở đến cuối năm</p>"),
]
# (end of one block, start of the next): what the reader sees as two separate pieces.
BOUNDARIES = [
    ("mùa lũ", "Từ đầu"),
    ("năm 2024", "Nhiều hộ"),
    ("cho bếp", "Nấu 150"),
    ("mỗi tuần", "Tặng áo"),
    ("tình nguyện viên", "Mười hai"),
]
# The body's pieces as a reader sees them, in order (what the text must consist of).
PIECES = [
    "Bếp cháo giữa mùa lũ",
    "Từ đầu năm 2024",
    "Nhiều hộ dân ở xóm Bãi Bồi góp gạo, góp củi cho bếp",
    "Nấu 150 suất cơm mỗi tuần",
    "Tặng áo ấm cho học sinh",
    "Ai có gì góp nấy",
    "Con số",
    "Ba mươi tình nguyện viên",
    "Mười hai nồi lớn",
    "Bếp còn mở đến cuối năm",
]


def glued(text: str) -> list[str]:
    """The boundaries of BOUNDARIES that `text` runs together (no whitespace between)."""
    squashed = " ".join(text.split())
    return [f"{end}{start}" for end, start in BOUNDARIES if f"{end}{start}" in squashed]


def make_boundary_story(make_story, **fields) -> StoryPage:
    fields.setdefault("sapo", SAPO)
    return make_story(TITLE, body=BODY, **fields)
