"""A reproducible corpus of Vietnamese exemplar stories from our own word lists and templates,
and a query set whose expected hits are computed by brute force over the folded text."""

from __future__ import annotations

import random
from dataclasses import dataclass

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đàm",
    "Đinh",
    "Lương",
    "Trịnh",
    "Mai",
    "Tạ",
    "Quách",
]
MIDDLE = [
    "Văn",
    "Thị",
    "Đức",
    "Minh",
    "Hữu",
    "Ngọc",
    "Thanh",
    "Quốc",
    "Xuân",
    "Thu",
    "Kim",
    "Công",
    "Đình",
    "Bảo",
    "Hồng",
    "Phương",
    "Thế",
    "Quang",
]
GIVEN = [
    "Hà",
    "Hùng",
    "Lan",
    "Tuấn",
    "Dũng",
    "Hương",
    "Nga",
    "Bình",
    "Cường",
    "Thủy",
    "Hải",
    "Yến",
    "Phúc",
    "Tiến",
    "Trang",
    "Thắng",
    "Hạnh",
    "Đạt",
    "Nhung",
    "Sơn",
    "Huệ",
    "Lộc",
    "Thảo",
    "Việt",
    "Khánh",
    "Quyên",
    "Mỹ",
    "Ánh",
    "Điệp",
    "Nghĩa",
    "Oanh",
    "Ước",
]
PLACES = [
    "Tân Thạnh",
    "Mỹ Hòa",
    "Phú Lộc",
    "Bình Đức",
    "Long Điền",
    "Thạnh Phú",
    "An Nhơn",
    "Hòa Bình",
    "Vĩnh Xuân",
    "Đông Sơn",
    "Tiên Thủy",
    "Hưng Khánh Trung",
    "Châu Hưng",
    "Lương Quới",
    "Phước Mỹ Trung",
    "Thới Lai",
    "Định Thủy",
    "Cẩm Sơn",
    "Đa Phước",
    "Sơn Định",
]
JOBS = [
    "nông dân",
    "cựu chiến binh",
    "giáo viên",
    "bác sĩ",
    "trưởng ấp",
    "bí thư chi bộ",
    "đoàn viên thanh niên",
    "hội viên phụ nữ",
    "chủ hợp tác xã",
    "công an xã",
]
DEEDS = [
    "làm giàu từ vườn bưởi da xanh",
    "hiến đất làm đường nông thôn",
    "nuôi dê sinh sản",
    "trồng dừa hữu cơ",
    "giúp người nghèo xây nhà",
    "giữ gìn an ninh trật tự",
    "khởi nghiệp với sản phẩm OCOP",
    "dạy học miễn phí cho trẻ em khó khăn",
    "cứu người đuối nước",
    "xây dựng khu dân cư kiểu mẫu",
    "nuôi tôm càng xanh trong ruộng lúa",
    "chăm sóc sức khỏe người cao tuổi",
]
SENTENCES = [
    "{name} là {job} ở xã {place}, nhiều năm liền được công nhận điển hình tiên tiến.",
    "Từ hai bàn tay trắng, {short} đã {deed}, tạo việc làm cho nhiều lao động địa phương.",
    "Phong trào thi đua yêu nước ở {place} có nhiều gương người tốt việc tốt như {short}.",
    "Ủy ban nhân dân huyện đã tặng giấy khen cho {name} vì thành tích {deed}.",
    "Theo {short}, điều quan trọng nhất là sự đoàn kết của bà con trong ấp.",
    "Mô hình của {short} được nhân rộng ra nhiều xã, góp phần xây dựng nông thôn mới.",
    "Thu nhập bình quân của gia đình đạt hơn {money} triệu đồng mỗi năm.",
    "Hội Nông dân tỉnh đánh giá cao cách làm sáng tạo và tinh thần trách nhiệm của {short}.",
]


@dataclass
class Story:
    number: int
    title: str
    body: str
    name: str
    place: str


def make_corpus(count: int, seed: int = 4) -> list[Story]:
    rng = random.Random(seed)
    stories = []
    for number in range(count):
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        short = name.split()[-1]
        place, job, deed = rng.choice(PLACES), rng.choice(JOBS), rng.choice(DEEDS)
        title = f"{name}: {job} {deed} ở {place}"
        fill = {"name": name, "short": short, "place": place, "job": job, "deed": deed}
        body = " ".join(
            rng.choice(SENTENCES).format(money=rng.randint(80, 900), **fill) for _ in range(8)
        )
        stories.append(Story(number, title, body, name, place))
    return stories


def make_queries(
    stories: list[Story], count: int = 60, seed: int = 5
) -> list[tuple[str, set[int]]]:
    """Accented queries (a person's name and commune) with the stories that contain every
    folded syllable of them; only queries with 1–10 expected hits, so recall@10 can be 1.

    Candidates are drawn first, then the corpus is read once: a story is checked only against
    the candidates keyed by one of its syllables (each keyed by its rarest), so a million
    stories need neither an inverted index of every syllable nor every story × candidate."""
    from collections import Counter

    from search.analysis import terms
    from vietnamese.text import fold

    rng = random.Random(seed)
    candidates: dict[str, frozenset[str]] = {}
    for _ in range(count * 50):
        story = rng.choice(stories)
        text = f"{story.name} {story.place}"
        candidates.setdefault(text, frozenset(fold(w) for w in terms(text)))
    wanted = frozenset().union(*candidates.values())
    held = [wanted.intersection(terms(fold(s.title + " " + s.body))) for s in stories]
    frequency = Counter(word for words in held for word in words)
    by_key: dict[str, list[str]] = {}
    for text, words in candidates.items():
        by_key.setdefault(min(words, key=lambda w: (frequency[w], w)), []).append(text)
    expected: dict[str, set[int]] = {text: set() for text in candidates}
    for story, words in zip(stories, held, strict=True):
        for key in words & by_key.keys():
            for text in by_key[key]:
                if candidates[text] <= words:
                    expected[text].add(story.number)
    chosen = [(text, hits) for text, hits in expected.items() if 1 <= len(hits) <= 10]
    return chosen[:count]
