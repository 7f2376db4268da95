"""The demo newsroom as data: places, people, pictures, pages and their links.

Everything here is invented (the province of Tân Lâm does not exist) and written for the demo;
the builder in `lantoa.demo.builder` turns it into rows and pages. Cross-references use `key`s so
that the data reads top to bottom without database ids.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from campaigns.models import ExemplarField, ExemplarKind, LegalDocumentType
from core import roles
from core.models import Locality

# --- Places --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    name: str
    level: str
    parent: str | None = None  # the parent's name, declared earlier in PLACES


PROVINCE = "Tỉnh Tân Lâm"

PLACES: list[Place] = [
    Place(PROVINCE, Locality.Level.PROVINCE),
    Place("Thành phố Lâm Thịnh", Locality.Level.DISTRICT, PROVINCE),
    Place("Huyện Yên Khê", Locality.Level.DISTRICT, PROVINCE),
    Place("Huyện Mường Sơn", Locality.Level.DISTRICT, PROVINCE),
    Place("Phường Bến Đò", Locality.Level.COMMUNE, "Thành phố Lâm Thịnh"),
    Place("Phường Hòa Thịnh", Locality.Level.COMMUNE, "Thành phố Lâm Thịnh"),
    Place("Thị trấn Yên Khê", Locality.Level.COMMUNE, "Huyện Yên Khê"),
    Place("Xã Đông Lũy", Locality.Level.COMMUNE, "Huyện Yên Khê"),
    Place("Xã Yên Trạch", Locality.Level.COMMUNE, "Huyện Yên Khê"),
    Place("Xã Nà Mây", Locality.Level.COMMUNE, "Huyện Mường Sơn"),
    Place("Xã Tà Lương", Locality.Level.COMMUNE, "Huyện Mường Sơn"),
]


@dataclass(frozen=True)
class OutletSpec:
    name: str
    kind: str  # syndication.models.OutletKind
    locality: str
    contact: str
    private: bool = False  # private outlets get a feed token


OUTLETS: list[OutletSpec] = [
    OutletSpec(
        "Báo Lan Tỏa",
        "newspaper",
        PROVINCE,
        "Ban Thư ký tòa soạn, điện thoại 0200 3800 001",
    ),
    OutletSpec(
        "Đài Phát thanh – Truyền hình tỉnh Tân Lâm",
        "radio",
        PROVINCE,
        "Phòng Thời sự, điện thoại 0200 3800 002",
        private=True,
    ),
    OutletSpec(
        "Đài truyền thanh xã Đông Lũy",
        "loudspeaker",
        "Xã Đông Lũy",
        "Anh Lò Văn Tám, phát thanh viên, 0912 000 003",
        private=True,
    ),
]

# --- Pictures (generated with Pillow; see lantoa.demo.media) -------------------------------

# What each motif looks like, for the alt text: the pictures are drawings, and say so.
MOTIF_DESCRIPTIONS = {
    "hills": "những dải đồi lượn sóng và mặt trời",
    "town": "một dãy nhà mái dốc",
    "road": "một con đường chạy về phía chân trời",
    "sun": "mặt trời lớn tỏa nắng trên cánh đồng",
    "bokeh": "những đốm sáng tròn nhiều lớp",
    "portrait": "hình bóng một người",
    "document": "tờ văn bản và con dấu",
}


@dataclass(frozen=True)
class Picture:
    key: str
    title: str
    label: str  # the short text drawn on the picture
    colours: tuple[str, str]  # top and bottom of the gradient
    motif: str
    credit: str = "Báo Lan Tỏa (minh họa)"
    size: tuple[int, int] = (1200, 675)

    @property
    def alt(self) -> str:
        """Alt text that describes the drawing as it is, not a photo it pretends to be."""
        return f"Hình minh họa {MOTIF_DESCRIPTIONS[self.motif]}, kèm dòng chữ “{self.label}”"


PORTRAIT_SIZE = (900, 900)

PICTURES: list[Picture] = [
    # Story heroes.
    Picture(
        "p-seedlings", "Vườn ươm ở Đông Lũy", "Vườn ươm Đông Lũy", ("#d8f3dc", "#40916c"), "hills"
    ),
    Picture(
        "p-lanes", "Ngõ nhỏ tổ dân phố số 7", "Ngõ sạch, phố xanh", ("#e0fbfc", "#3d5a80"), "town"
    ),
    Picture(
        "p-teacher", "Điểm trường Khe Mây", "Điểm trường Khe Mây", ("#caf0f8", "#0077b6"), "hills"
    ),
    Picture(
        "p-health", "Đường vào thôn Phìn Sáng", "Trạm y tế Tà Lương", ("#ffe5ec", "#c9184a"), "road"
    ),
    Picture(
        "p-militia",
        "Sườn đồi thôn Lũng Cáy",
        "Trực lũ ở Lũng Cáy",
        ("#dee2e6", "#495057"),
        "hills",
        credit="Đài Phát thanh – Truyền hình tỉnh (minh họa)",
    ),
    Picture(
        "p-dialysis", "Chuyến xe chạy thận", "Chuyến xe thứ Ba", ("#fff3b0", "#e09f3e"), "road"
    ),
    Picture(
        "p-wallet",
        "Trường THCS thị trấn Yên Khê",
        "Chiếc ví trả lại",
        ("#e2eafc", "#5a7bd8"),
        "town",
    ),
    Picture(
        "p-porridge",
        "Bếp cháo tối thứ Sáu",
        "Bếp cháo tối thứ Sáu",
        ("#ffedd8", "#e76f51"),
        "bokeh",
        credit="Cổng Thông tin điện tử tỉnh (minh họa)",
    ),
    Picture(
        "p-savings",
        "Tổ tiết kiệm Chung tay",
        "Tổ tiết kiệm Chung tay",
        ("#f8e1f4", "#9d4edd"),
        "bokeh",
    ),
    Picture("p-clan", "Nhà thờ họ Lê Đình", "Quỹ khuyến học", ("#fde2a7", "#9b2226"), "sun"),
    Picture("p-plums", "Vườn mận Nà Mây", "Mận sấy Nà Mây", ("#f3d5f6", "#6a0572"), "hills"),
    Picture(
        "p-road", "Đường liên thôn Yên Trạch", "Đường mới Yên Trạch", ("#f1faee", "#6a994e"), "road"
    ),
    Picture(
        "p-village", "Cánh đồng Yên Trạch", "Yên Trạch kiểu mẫu", ("#fefae0", "#bc6c25"), "sun"
    ),
    # Pictures inside story bodies.
    Picture(
        "p-lanes-plants", "Chậu hoa ở ngõ 14", "Hoa trong ngõ 14", ("#fcefef", "#2a9d8f"), "bokeh"
    ),
    Picture(
        "p-health-bag", "Túi thuốc của y sĩ", "Túi thuốc, sổ khám", ("#fff0f3", "#a4133c"), "bokeh"
    ),
    Picture(
        "p-savings-meeting",
        "Buổi sinh hoạt của tổ",
        "Họp tổ hằng tháng",
        ("#ede7f6", "#5e548e"),
        "town",
    ),
    Picture(
        "p-plums-dryer",
        "Khay mận trước khi sấy",
        "Khay mận sơ chế",
        ("#ffe5d9", "#9d0208"),
        "bokeh",
    ),
    # The series, the share image.
    Picture(
        "p-series",
        "Loạt bài Giữ lửa ở Mường Sơn",
        "Giữ lửa ở Mường Sơn",
        ("#ffd6a5", "#264653"),
        "hills",
    ),
    Picture("p-share", "Lan Tỏa", "Lan Tỏa", ("#fff1e6", "#d62828"), "sun"),
    # Exemplar portraits and emblems.
    Picture(
        "x-hai",
        "Chân dung bà Trần Thị Hai",
        "Trần Thị Hai",
        ("#d8f3dc", "#2d6a4f"),
        "portrait",
        size=PORTRAIT_SIZE,
    ),
    Picture(
        "x-tham",
        "Chân dung thầy Lò Văn Thắm",
        "Lò Văn Thắm",
        ("#caf0f8", "#023e8a"),
        "portrait",
        size=PORTRAIT_SIZE,
    ),
    Picture(
        "x-td7",
        "Tổ dân phố số 7",
        "Tổ dân phố số 7",
        ("#e0fbfc", "#293241"),
        "town",
        size=PORTRAIT_SIZE,
    ),
    Picture(
        "x-savings",
        "Biểu trưng tổ Chung tay",
        "Chung tay",
        ("#f8e1f4", "#7b2cbf"),
        "bokeh",
        size=PORTRAIT_SIZE,
    ),
    Picture(
        "x-lu",
        "Chân dung anh Giàng A Lử",
        "Giàng A Lử",
        ("#e9ecef", "#343a40"),
        "portrait",
        size=PORTRAIT_SIZE,
    ),
    Picture(
        "x-clan", "Dòng họ Lê Đình", "Họ Lê Đình", ("#fde2a7", "#6a040f"), "sun", size=PORTRAIT_SIZE
    ),
    Picture(
        "x-khoa",
        "Chân dung anh Nguyễn Minh Khoa",
        "Nguyễn Minh Khoa",
        ("#f3d5f6", "#3c096c"),
        "portrait",
        size=PORTRAIT_SIZE,
    ),
    Picture(
        "x-pan",
        "Gia đình ông Hà Văn Pản",
        "Gia đình ông Pản",
        ("#f1faee", "#386641"),
        "road",
        size=PORTRAIT_SIZE,
    ),
]

# --- People --------------------------------------------------------------------------------

NEWSPAPER = "Báo Lan Tỏa"
RADIO_TV = "Đài Phát thanh – Truyền hình tỉnh"
PORTAL = "Cổng Thông tin điện tử tỉnh"


@dataclass(frozen=True)
class Person:
    """An Author snippet (the byline)."""

    key: str
    name: str
    role: str
    organisation: str


AUTHORS: list[Person] = [
    Person("ha", "Nguyễn Thu Hà", "Phóng viên", NEWSPAPER),
    Person("bao", "Trần Quốc Bảo", "Biên tập viên", NEWSPAPER),
    Person("lan", "Phạm Ngọc Lan", "Phó Tổng Biên tập", NEWSPAPER),
    Person("son", "Lường Văn Sơn", "Phóng viên", RADIO_TV),
    Person("chau", "Đỗ Minh Châu", "Biên tập viên", PORTAL),
]


@dataclass(frozen=True)
class Login:
    """A demo account: one per newsroom group, linked to its byline where it has one."""

    username: str
    group: str
    first_name: str
    last_name: str
    role_label: str
    author: str | None = None
    superuser: bool = False


USERS: list[Login] = [
    Login(
        "admin",
        roles.ADMINISTRATOR,
        "Quản trị",
        "viên",
        "Quản trị hệ thống (toàn quyền)",
        superuser=True,
    ),
    Login("phongvien", roles.JOURNALIST, "Thu Hà", "Nguyễn", "Phóng viên", author="ha"),
    Login("bientap", roles.EDITOR, "Quốc Bảo", "Trần", "Biên tập viên", author="bao"),
    Login("lanhdao", roles.EDITOR_IN_CHIEF, "Ngọc Lan", "Phạm", "Lãnh đạo biên tập", author="lan"),
    Login("thidua", roles.CAMPAIGN_OFFICER, "Văn Tùng", "Mai", "Cán bộ thi đua – khen thưởng"),
]

# --- Sections ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """An index page under the home page: a column, the series list, a directory."""

    key: str
    title: str
    intro: str


COLUMNS: list[Section] = [
    Section(
        "guong-sang",
        "Gương sáng đời thường",
        "Chân dung những người bình thường làm điều tử tế mỗi ngày: người nông dân, thầy cô giáo, "
        "bác tổ trưởng dân phố ở khắp các thôn, bản, khu phố của tỉnh Tân Lâm.",
    ),
    Section(
        "nguoi-tot",
        "Người tốt việc tốt",
        "Những việc làm đẹp, dù nhỏ, do bạn đọc và cơ sở gửi về tòa soạn. "
        "Mỗi câu chuyện đều được phóng viên gặp nhân vật và xác minh trước khi đăng.",
    ),
    Section(
        "dien-hinh",
        "Điển hình tiên tiến",
        "Tập thể, cá nhân và mô hình được ghi nhận trong phong trào thi đua của tỉnh: "
        "họ đã làm như thế nào, kết quả ra sao và điều gì có thể học hỏi.",
    ),
    Section(
        "nong-thon-moi",
        "Nông thôn mới",
        "Đổi thay ở làng quê Tân Lâm trong chương trình xây dựng nông thôn mới, "
        "kể từ góc nhìn của chính người dân.",
    ),
]

SERIES_INDEX = Section(
    "loat-bai",
    "Loạt bài",
    "Các loạt bài nhiều kỳ của Báo Lan Tỏa, đi sâu vào một vùng đất hoặc một phong trào.",
)


@dataclass(frozen=True)
class SeriesSpec:
    title: str
    intro: str
    hero: str


SERIES = SeriesSpec(
    "Giữ lửa ở Mường Sơn",
    "Mường Sơn là huyện vùng cao xa nhất của tỉnh, nhiều thôn bản cách trung tâm huyện vài giờ "
    "đi đường đất. Loạt bài ba kỳ ghi lại công việc lặng lẽ của một thầy giáo, một y sĩ và "
    "một tổ dân quân ở đây.",
    "p-series",
)

EXEMPLAR_INDEX = Section(
    "dien-hinh-index",
    "Gương điển hình tiên tiến",
    "Danh bạ các cá nhân, tập thể, hộ gia đình và mô hình tiêu biểu trong các phong trào thi đua "
    "của tỉnh Tân Lâm. Thông tin do cán bộ thi đua – khen thưởng cập nhật.",
)

DOCUMENT_INDEX = Section(
    "van-ban",
    "Văn bản chỉ đạo",
    "Kế hoạch, quyết định và hướng dẫn về công tác thi đua, khen thưởng và tuyên truyền "
    "gương điển hình tiên tiến.",
)

HOME_INTRO = (
    "Lan Tỏa kể chuyện những con người, tập thể và mô hình tốt ở tỉnh Tân Lâm. "
    "Nội dung đang hiển thị là dữ liệu minh họa."
)

# --- Exemplars -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ExemplarSpec:
    key: str
    title: str
    kind: str
    field: str
    locality: str
    summary: str
    achievements: tuple[str, ...]
    photo: str
    position: str = ""
    organisation: str = ""


EXEMPLARS: list[ExemplarSpec] = [
    ExemplarSpec(
        "e-hai",
        "Trần Thị Hai",
        ExemplarKind.INDIVIDUAL,
        ExemplarField.GOOD_DEEDS,
        "Xã Đông Lũy",
        "Mười lăm năm ươm và cho không hơn chín nghìn cây giống, hướng dẫn hàng xóm cách chiết, "
        "ghép để khôi phục vườn cây sau lũ.",
        (
            "Giấy khen của UBND huyện Yên Khê trong phong trào “Người tốt, việc tốt” năm 2024",
            "Nhiều năm liền là hội viên nông dân sản xuất giỏi của xã Đông Lũy",
        ),
        "x-hai",
        position="Nông dân",
        organisation="Thôn Bến Trúc, xã Đông Lũy",
    ),
    ExemplarSpec(
        "e-tham",
        "Lò Văn Thắm",
        ExemplarKind.INDIVIDUAL,
        ExemplarField.EDUCATION,
        "Xã Nà Mây",
        "Gần mười năm bám điểm trường Khe Mây, dạy lớp ghép cho học sinh người Mông và đến từng "
        "nhà vận động để không em nào bỏ học.",
        (
            "Giáo viên dạy giỏi cấp huyện các năm học 2020–2021 và 2023–2024",
            "Chín năm học liên tiếp điểm trường không có học sinh bỏ học",
        ),
        "x-tham",
        position="Giáo viên",
        organisation="Trường Phổ thông dân tộc bán trú Tiểu học Nà Mây",
    ),
    ExemplarSpec(
        "e-td7",
        "Tổ dân phố số 7, phường Hòa Thịnh",
        ExemplarKind.COLLECTIVE,
        ExemplarField.RESIDENTIAL,
        "Phường Hòa Thịnh",
        "186 hộ cùng viết và tự giác giữ quy ước vệ sinh, phân loại rác tại nhà, dùng tiền bán "
        "phế liệu để trồng cây và lắp đèn cho các ngõ.",
        (
            "Khu dân cư kiểu mẫu của thành phố Lâm Thịnh năm 2025",
            "Tất cả các hộ phân loại rác tại nguồn",
        ),
        "x-td7",
        organisation="Phường Hòa Thịnh, thành phố Lâm Thịnh",
    ),
    ExemplarSpec(
        "e-savings",
        "Tổ tiết kiệm “Chung tay” thôn Yên Trạch",
        ExemplarKind.MODEL,
        ExemplarField.ECONOMY,
        "Xã Yên Trạch",
        "Mô hình góp vốn, vay luân phiên của phụ nữ trong thôn, duy trì liên tục từ năm 2016, "
        "nay có 41 thành viên.",
        (
            "Bằng khen của Hội Liên hiệp Phụ nữ tỉnh năm 2025",
            "Hơn 60 lượt vay vốn, không có khoản nào quá hạn",
        ),
        "x-savings",
        organisation="Chi hội Phụ nữ thôn Yên Trạch",
    ),
    ExemplarSpec(
        "e-lu",
        "Giàng A Lử",
        ExemplarKind.INDIVIDUAL,
        ExemplarField.DEFENCE,
        "Xã Tà Lương",
        "Chỉ huy tổ dân quân thôn trực sạt lở suốt mùa mưa, kịp thời đưa 19 người ra khỏi vùng "
        "nguy hiểm trước khi sườn đồi sạt.",
        (
            "Giấy khen của Bộ Chỉ huy Quân sự tỉnh về công tác phòng, chống thiên tai",
            "Tổ dân quân thôn Lũng Cáy nhiều năm hoàn thành tốt nhiệm vụ huấn luyện",
        ),
        "x-lu",
        position="Thôn đội trưởng thôn Lũng Cáy",
        organisation="Ban Chỉ huy Quân sự xã Tà Lương",
    ),
    ExemplarSpec(
        "e-clan",
        "Dòng họ Lê Đình, xã Đông Lũy",
        ExemplarKind.COLLECTIVE,
        ExemplarField.FAMILY,
        "Xã Đông Lũy",
        "Giữ quỹ khuyến học của dòng họ hơn sáu mươi năm, mỗi năm khen thưởng hàng chục con cháu "
        "học tốt và cấp học bổng cho các cháu có hoàn cảnh khó khăn.",
        (
            "Dòng họ hiếu học tiêu biểu của huyện Yên Khê",
            "Quỹ khuyến học hơn 400 triệu đồng, thu chi báo cáo công khai mỗi năm",
        ),
        "x-clan",
        organisation="Ban khuyến học dòng họ Lê Đình",
    ),
    ExemplarSpec(
        "e-khoa",
        "Nguyễn Minh Khoa",
        ExemplarKind.INDIVIDUAL,
        ExemplarField.YOUTH,
        "Xã Nà Mây",
        "Kỹ sư công nghệ thực phẩm trở về bản, cùng hai người bạn làm mận sấy và bao tiêu quả "
        "cho 28 hộ trồng mận.",
        (
            "Giải Ba cuộc thi ý tưởng khởi nghiệp thanh niên tỉnh Tân Lâm năm 2024",
            "Tạo việc làm thời vụ cho 12 lao động địa phương",
        ),
        "x-khoa",
        position="Tổ trưởng tổ hợp tác",
        organisation="Tổ hợp tác mận sấy Nà Mây",
    ),
    ExemplarSpec(
        "e-pan",
        "Gia đình ông Hà Văn Pản",
        ExemplarKind.HOUSEHOLD,
        ExemplarField.NEW_RURAL,
        "Xã Yên Trạch",
        "Hộ đầu tiên hiến đất và tự tháo dỡ tường rào để mở rộng đường liên thôn, rồi cùng cán bộ "
        "thôn đi vận động các hộ khác.",
        (
            "Hiến gần 120 mét vuông đất vườn cho đường liên thôn",
            "Giấy khen của UBND xã Yên Trạch trong phong trào xây dựng nông thôn mới",
        ),
        "x-pan",
        organisation="Thôn Yên Trạch, xã Yên Trạch",
    ),
]

# --- Stories -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Quote:
    text: str
    attribution: str


@dataclass(frozen=True)
class Facts:
    title: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Figure:
    picture: str
    caption: str


Block = Para | Quote | Facts | Figure


@dataclass(frozen=True)
class StorySpec:
    key: str
    title: str
    column: str  # a Section key from COLUMNS
    sapo: str
    hero: str  # a Picture key
    hero_caption: str
    body: tuple[Block, ...]
    authors: tuple[str, ...]
    locality: str
    days_ago: int  # publication date, counted back from the day the demo is loaded
    hour: int
    tags: tuple[str, ...] = ()
    channels: tuple[str, ...] = ("newspaper", "portal")
    exemplars: tuple[str, ...] = ()
    related: tuple[str, ...] = ()  # keys of stories declared earlier
    part_number: int | None = None  # a part of SERIES when set
    radio_script: str = ""
    correction: str = ""


STORIES: list[StorySpec] = [
    StorySpec(
        key="s-road",
        title="Hiến đất mở đường, thôn Yên Trạch có lối đi rộng năm mét",
        column="nong-thon-moi",
        sapo=(
            "Để con đường liên thôn được mở rộng, hai mươi sáu hộ dân ở thôn Yên Trạch đã tự "
            "nguyện hiến hơn một nghìn mét vuông đất vườn, tự tháo dỡ cổng và tường rào mà không "
            "nhận bồi thường."
        ),
        hero="p-road",
        hero_caption="Đoạn đường liên thôn Yên Trạch sau khi được mở rộng.",
        body=(
            Para(
                "Con đường dài gần hai cây số nối thôn Yên Trạch với trung tâm xã trước đây chỉ "
                "rộng chừng hai mét, xe chở nông sản không vào được. Khi xã có kế hoạch bê tông "
                "hóa tuyến đường, điều khó nhất là mặt bằng."
            ),
            Para(
                "Người đầu tiên đồng ý hiến đất là ông Hà Văn Pản, bảy mươi mốt tuổi. Gia đình ông "
                "hiến gần một trăm hai mươi mét vuông đất vườn và tự tháo dỡ đoạn tường rào mới "
                "xây được hai năm. Sau đó, các hộ khác lần lượt ký vào biên bản."
            ),
            Quote(
                "Đường rộng thì con cháu mình đi lại đỡ vất vả. Đất nhà tôi bớt đi một ít, "
                "chẳng thiệt gì.",
                "Ông Hà Văn Pản",
            ),
            Para(
                "Nhà nước hỗ trợ xi măng, người dân góp ngày công và một phần kinh phí. Sau bốn "
                "tháng, con đường rộng năm mét hoàn thành, có rãnh thoát nước và đèn chiếu sáng "
                "dọc hai bên."
            ),
            Para(
                "Giờ đây, xe tải vào tận ngõ thu mua lúa và rau màu. Nhiều gia đình trồng hoa, "
                "trồng cây bóng mát trước cổng, biến lối đi thành nơi bà con ra đi bộ mỗi tối."
            ),
        ),
        authors=("bao",),
        locality="Xã Yên Trạch",
        days_ago=130,
        hour=7,
        tags=("Nông thôn mới", "Hiến đất làm đường"),
        channels=("newspaper", "portal", "loudspeaker"),
        exemplars=("e-pan",),
    ),
    StorySpec(
        key="s-clan",
        title="Quỹ khuyến học sáu mươi năm của dòng họ Lê Đình",
        column="dien-hinh",
        sapo=(
            "Từ hũ gạo tiết kiệm của các cụ trong họ những năm 1960, quỹ khuyến học của dòng họ "
            "Lê Đình ở xã Đông Lũy nay mỗi năm khen thưởng hàng chục con cháu học tốt và hỗ trợ "
            "những cháu có hoàn cảnh khó khăn."
        ),
        hero="p-clan",
        hero_caption="Lễ khen thưởng con cháu học tốt được tổ chức tại nhà thờ họ Lê Đình.",
        body=(
            Para(
                "Theo gia phả, dòng họ Lê Đình đến lập nghiệp ở Đông Lũy đã hơn hai trăm năm. "
                "Ông Lê Đình Thuận, Trưởng ban khuyến học của họ, kể rằng thời khó khăn, mỗi gia "
                "đình góp vài bơ gạo để dành cho những cháu đi thi."
            ),
            Para(
                "Hiện quỹ có hơn bốn trăm triệu đồng, do con cháu trong và ngoài tỉnh đóng góp. "
                "Ngày rằm tháng Tám hằng năm, họ tổ chức lễ khen thưởng tại nhà thờ họ; từng cháu "
                "được gọi tên và kể lại một điều mình học được trong năm."
            ),
            Quote(
                "Phần thưởng chỉ là mấy cuốn vở, vài trăm nghìn đồng. Nhưng được đứng trước cả họ "
                "mà nhận thì các cháu nhớ mãi.",
                "Ông Lê Đình Thuận",
            ),
            Para(
                "Năm nay, quỹ trao thưởng cho 47 cháu, trong đó có 6 cháu đỗ đại học, và cấp học "
                "bổng cho 5 cháu mồ côi hoặc thuộc hộ nghèo. Nhiều người từng nhận học bổng khi "
                "còn nhỏ, nay đi làm, lại góp tiền vào quỹ."
            ),
            Para(
                "Dòng họ Lê Đình nhiều năm được UBND huyện Yên Khê công nhận là dòng họ hiếu học "
                "tiêu biểu."
            ),
        ),
        authors=("bao",),
        locality="Xã Đông Lũy",
        days_ago=95,
        hour=9,
        tags=("Khuyến học", "Gia đình, dòng họ"),
        exemplars=("e-clan",),
    ),
    StorySpec(
        key="s-porridge",
        title="Nồi cháo tối thứ Sáu ở cổng Bệnh viện Đa khoa tỉnh",
        column="nguoi-tot",
        sapo=(
            "Tối thứ Sáu hằng tuần, một nhóm tình nguyện gồm giáo viên, tiểu thương và sinh viên "
            "lại mang hơn hai trăm suất cháo nóng đến phát cho người nhà bệnh nhân ở Bệnh viện Đa "
            "khoa tỉnh Tân Lâm."
        ),
        hero="p-porridge",
        hero_caption="Người nhà bệnh nhân xếp hàng nhận cháo trước cổng bệnh viện.",
        body=(
            Para(
                "Nhóm do chị Đinh Thị Thoa, giáo viên một trường mầm non ở phường Hòa Thịnh, khởi "
                "xướng từ năm 2020. Ban đầu chỉ có năm người góp tiền nấu vài chục suất; đến nay "
                "nhóm có gần bốn mươi thành viên thay phiên nhau."
            ),
            Para(
                "Chiều thứ Sáu, căn bếp nhà chị Thoa nhộn nhịp từ ba giờ. Người vo gạo, người băm "
                "thịt, người nhặt rau. Đúng sáu giờ tối, hai nồi cháo lớn được chở đến cổng bệnh "
                "viện, nơi người nhà bệnh nhân đã xếp hàng chờ."
            ),
            Quote(
                "Chúng tôi không làm được gì to tát. Chỉ mong người nhà bệnh nhân có bữa tối ấm, "
                "đỡ được đồng nào hay đồng ấy.",
                "Chị Đinh Thị Thoa",
            ),
            Para(
                "Mọi khoản thu chi của nhóm được ghi vào một cuốn sổ và thông báo hằng tháng cho "
                "các thành viên. Bệnh viện dành cho nhóm một khu vực có mái che để phát cháo vào "
                "những hôm trời mưa."
            ),
            Facts(
                "Bếp cháo tối thứ Sáu",
                (
                    "Bắt đầu từ tháng 9/2020",
                    "Khoảng 220 suất cháo mỗi tuần",
                    "Gần 40 thành viên thay phiên nấu và phát",
                    "Thu chi công khai hằng tháng",
                ),
            ),
        ),
        authors=("chau",),
        locality="Phường Hòa Thịnh",
        days_ago=75,
        hour=18,
        tags=("Thiện nguyện", "Người tốt việc tốt"),
        channels=("portal", "newspaper"),
    ),
    StorySpec(
        key="s-dialysis",
        title="Chuyến xe thứ Ba, thứ Năm của ông Khánh",
        column="guong-sang",
        sapo=(
            "Ba năm nay, ông Nguyễn Văn Khánh ở phường Bến Đò dùng chiếc ô tô bảy chỗ của gia đình "
            "chở miễn phí bệnh nhân nghèo từ huyện Yên Khê lên Bệnh viện Đa khoa tỉnh chạy thận, "
            "mỗi tuần hai chuyến."
        ),
        hero="p-dialysis",
        hero_caption="Chuyến xe sáng thứ Ba rời thị trấn Yên Khê lúc trời còn chưa sáng hẳn.",
        body=(
            Para(
                "Năm giờ sáng thứ Ba, ông Khánh đã có mặt ở đầu cầu Yên Khê. Năm bệnh nhân đợi "
                "sẵn, người mang theo hộp cơm, người cầm tập hồ sơ bệnh án. Quãng đường bốn mươi "
                "cây số, ông lái chậm, vừa đi vừa hỏi chuyện từng người."
            ),
            Para(
                "Ông Khánh từng là lái xe của một công ty vận tải, nghỉ hưu năm 2021. Một lần đưa "
                "người họ hàng đi chạy thận, ông thấy nhiều bệnh nhân phải thuê xe ôm hoặc đi nhờ "
                "xe khách, vừa tốn kém vừa mệt. Từ đó ông dành hai buổi mỗi tuần để chở họ."
            ),
            Quote(
                "Tôi còn khỏe, xe thì có sẵn. Ngồi nhà cũng buồn, đi thế này lại có người nói "
                "chuyện.",
                "Ông Nguyễn Văn Khánh",
            ),
            Para(
                "Tiền xăng xe chủ yếu do gia đình ông tự lo. Gần đây, một số người quen biết "
                "chuyện đã góp thêm; ông ghi chép đầy đủ và đọc công khai cho các bệnh nhân "
                "trên xe."
            ),
            Para(
                "Bà Lương Thị Xuyến, chạy thận đã sáu năm, kể trước đây mỗi tháng bà mất gần một "
                "triệu đồng tiền xe, bằng nửa khoản trợ cấp. Từ khi đi xe của ông Khánh, bà để "
                "dành khoản tiền ấy mua thuốc."
            ),
        ),
        authors=("lan",),
        locality="Phường Bến Đò",
        days_ago=60,
        hour=6,
        tags=("Thiện nguyện", "Người tốt việc tốt"),
        related=("s-porridge",),
    ),
    StorySpec(
        key="s-teacher",
        title="Lớp học lưng chừng núi của thầy Thắm",
        column="guong-sang",
        sapo=(
            "Điểm trường Khe Mây cách trung tâm xã Nà Mây mười một cây số đường dốc. Gần mười năm "
            "nay, thầy giáo Lò Văn Thắm vẫn ở lại điểm trường năm ngày mỗi tuần, dạy hai lớp ghép "
            "cho hai mươi ba học sinh người Mông."
        ),
        hero="p-teacher",
        hero_caption="Điểm trường Khe Mây nằm trên sườn núi, nhìn xuống thung lũng Nà Mây.",
        body=(
            Para(
                "Sáu giờ sáng, sương còn phủ kín sân trường, thầy Thắm đã nhóm bếp đun nước cho "
                "học trò. Điểm trường có hai phòng học cấp bốn, một phòng nhỏ làm chỗ ở cho giáo "
                "viên và một khoảnh vườn rau do thầy trò cùng trồng."
            ),
            Para(
                "Thầy Thắm là người Thái, quê ở huyện Yên Khê, tốt nghiệp cao đẳng sư phạm năm "
                "2015 rồi xin lên Mường Sơn. Những năm đầu, thầy học tiếng Mông từ chính học trò "
                "để giảng bài cho các em mới vào lớp Một."
            ),
            Quote(
                "Các em hiểu bài bằng tiếng mẹ đẻ trước rồi mới chuyển sang tiếng Việt. Làm ngược "
                "lại thì các em sợ đến lớp.",
                "Thầy Lò Văn Thắm",
            ),
            Para(
                "Mỗi đầu năm học, thầy đi từng nhà vận động phụ huynh cho con đến trường. Nhờ vậy, "
                "điểm trường Khe Mây nhiều năm liền không có học sinh bỏ học giữa chừng. Năm học "
                "vừa qua, tất cả học sinh lớp Ba của điểm trường đều đọc thông, viết thạo."
            ),
            Facts(
                "Điểm trường Khe Mây",
                (
                    "Thuộc Trường Phổ thông dân tộc bán trú Tiểu học Nà Mây",
                    "Hai lớp ghép với 23 học sinh",
                    "Cách trung tâm xã 11 km, trong đó 6 km đường đất",
                    "Chín năm học liên tiếp không có học sinh bỏ học",
                ),
            ),
            Para(
                "Bà Vi Thị Nguyệt, Hiệu trưởng nhà trường, cho biết thầy Thắm hai lần được công "
                "nhận giáo viên dạy giỏi cấp huyện và đang được trường đề nghị khen thưởng."
            ),
        ),
        authors=("ha", "son"),
        locality="Xã Nà Mây",
        days_ago=45,
        hour=8,
        tags=("Vùng cao", "Giáo dục"),
        channels=("newspaper", "radio_tv", "portal"),
        exemplars=("e-tham",),
        part_number=1,
    ),
    StorySpec(
        key="s-health",
        title="Người y sĩ lội ba con suối đến với sản phụ vùng cao",
        column="dien-hinh",
        sapo=(
            "Trạm Y tế xã Tà Lương có bốn người, phụ trách hơn ba nghìn dân sống rải rác trên chín "
            "thôn. Y sĩ Hoàng Thị Mai là người đi nhiều nhất: chị thuộc tên từng sản phụ và từng "
            "đứa trẻ đến lịch tiêm chủng trong xã."
        ),
        hero="p-health",
        hero_caption="Đường vào thôn Phìn Sáng, thôn xa nhất của xã Tà Lương.",
        body=(
            Para(
                "Thôn xa nhất của Tà Lương là Phìn Sáng, đi xe máy mất hơn một giờ, mùa mưa phải "
                "lội qua ba con suối. Mỗi tháng chị Mai vào thôn ít nhất hai lần, mang theo túi "
                "thuốc, máy đo huyết áp và cuốn sổ theo dõi thai phụ."
            ),
            Para(
                "Khi chị mới về trạm năm 2012, nhiều phụ nữ trong xã vẫn sinh con tại nhà. Chị "
                "cùng các cô đỡ thôn bản kiên trì đến từng gia đình, giải thích vì sao nên khám "
                "thai định kỳ và sinh ở trạm. Năm ngoái, gần như mọi ca sinh trong xã đều có nhân "
                "viên y tế hỗ trợ."
            ),
            Quote(
                "Có hôm đến nhà thì người ta lên nương hết. Tôi ngồi chờ đến chiều, vì lần sau vào "
                "được chưa biết là bao giờ.",
                "Y sĩ Hoàng Thị Mai",
            ),
            Figure(
                "p-health-bag",
                "Túi thuốc và cuốn sổ theo dõi thai phụ theo chị Mai trong mỗi chuyến vào thôn.",
            ),
            Para(
                "Ngoài việc chuyên môn, chị Mai còn vận động bà con làm nhà tiêu hợp vệ sinh và "
                "dùng nước sạch. Ba năm liền, Trạm Y tế xã Tà Lương được ngành y tế tỉnh đánh giá "
                "hoàn thành tốt nhiệm vụ."
            ),
            Para(
                "Hỏi chị có nghĩ đến chuyện xin chuyển về gần nhà không, chị cười, bảo con chị giờ "
                "cũng học ở trường xã, cả nhà đã coi Tà Lương là quê."
            ),
        ),
        authors=("son",),
        locality="Xã Tà Lương",
        days_ago=44,
        hour=8,
        tags=("Vùng cao", "Y tế cơ sở"),
        channels=("radio_tv", "portal", "loudspeaker"),
        part_number=2,
        radio_script=(
            "Thưa quý vị và các bạn, ở xã vùng cao Tà Lương, huyện Mường Sơn, có một nữ y sĩ "
            "mỗi tháng hai lần lội qua ba con suối để vào thôn Phìn Sáng khám cho các sản phụ. "
            "Chị là Hoàng Thị Mai, công tác ở trạm y tế xã từ năm 2012. Chị kiên trì đến từng "
            "nhà, giải thích cho chị em vì sao nên khám thai định kỳ và sinh con ở trạm. "
            "Đến nay, gần như mọi ca sinh trong xã đều có nhân viên y tế hỗ trợ. Chị Mai còn vận "
            "động bà con làm nhà tiêu hợp vệ sinh và dùng nước sạch. Với chị, Tà Lương đã trở "
            "thành quê hương thứ hai."
        ),
    ),
    StorySpec(
        key="s-militia",
        title="Tổ dân quân Lũng Cáy và những đêm trực lũ",
        column="nguoi-tot",
        sapo=(
            "Trong mùa mưa vừa qua, tổ dân quân thôn Lũng Cáy, xã Tà Lương đã ba lần giúp bà con "
            "di dời người và tài sản khỏi vùng có nguy cơ sạt lở. Người chỉ huy là anh Giàng A Lử, "
            "thôn đội trưởng ba mươi hai tuổi."
        ),
        hero="p-militia",
        hero_caption="Sườn đồi phía sau thôn Lũng Cáy, nơi tổ dân quân đánh dấu các vết nứt.",
        body=(
            Para(
                "Thôn Lũng Cáy nằm dưới chân một sườn đồi dốc, phía dưới là suối Nậm Lương. Từ khi "
                "có cảnh báo sạt lở, mỗi đợt mưa lớn, tổ dân quân lại chia nhau trực suốt đêm ở "
                "những điểm có vết nứt đã được đánh dấu."
            ),
            Para(
                "Sau hai ngày mưa liên tục, anh Lử phát hiện vết nứt sau nhà một hộ dân đã rộng "
                "thêm. Ngay trong đêm, tổ dân quân cùng bà con đưa bốn hộ với mười chín nhân khẩu "
                "sang nhà văn hóa thôn. Sáng hôm sau, một mảng đồi sạt xuống, vùi một phần căn bếp "
                "của gia đình ông Sùng A Chính."
            ),
            Quote(
                "Đêm đó mọi người chưa muốn đi vì sợ mất đồ. Mình phải nói là đồ đạc thì còn làm "
                "lại được, người thì không.",
                "Anh Giàng A Lử",
            ),
            Facts(
                "Ba việc tổ dân quân Lũng Cáy làm mỗi mùa mưa",
                (
                    "Đánh dấu và theo dõi các vết nứt trên sườn đồi",
                    "Trực đêm khi mưa lớn kéo dài",
                    "Lập sẵn danh sách hộ cần di dời và nơi ở tạm",
                ),
            ),
            Para(
                "Ngoài mùa mưa lũ, tổ dân quân còn giúp các hộ neo đơn sửa nhà và tham gia tuần "
                "tra giữ an ninh thôn bản. Anh Lử được Bộ Chỉ huy Quân sự tỉnh tặng giấy khen vì "
                "thành tích trong công tác phòng, chống thiên tai."
            ),
        ),
        authors=("son", "ha"),
        locality="Xã Tà Lương",
        days_ago=43,
        hour=8,
        tags=("Vùng cao", "Dân quân tự vệ", "Phòng chống thiên tai"),
        channels=("newspaper", "radio_tv", "loudspeaker"),
        exemplars=("e-lu",),
        part_number=3,
    ),
    StorySpec(
        key="s-savings",
        title="Tổ tiết kiệm “Chung tay”: mười năm không ai bỏ tổ",
        column="dien-hinh",
        sapo=(
            "Bắt đầu với mười hai chị em, mỗi người góp năm mươi nghìn đồng một tháng, tổ tiết "
            "kiệm “Chung tay” của Chi hội Phụ nữ thôn Yên Trạch nay có bốn mươi mốt thành viên và "
            "đã giúp nhiều hộ có vốn chăn nuôi, buôn bán nhỏ."
        ),
        hero="p-savings",
        hero_caption="Các thành viên tổ tiết kiệm “Chung tay” trong một buổi sinh hoạt.",
        body=(
            Para(
                "Năm 2016, bà Vũ Thị Thanh, Chi hội trưởng Chi hội Phụ nữ thôn Yên Trạch, đề xuất "
                "lập tổ tiết kiệm để chị em khỏi phải vay nóng bên ngoài. Mỗi tháng, các thành "
                "viên góp một khoản nhỏ; ai có việc cần thì được vay luân phiên với lãi suất thấp "
                "do cả tổ thống nhất."
            ),
            Para(
                "Sổ sách của tổ do hai người cùng giữ và được đọc công khai trong buổi sinh hoạt "
                "hằng tháng. Tiền lãi dùng để thăm hỏi thành viên ốm đau và tặng quà cho con em "
                "chị em học tốt."
            ),
            Quote(
                "Cái quý nhất của tổ là chữ tín. Mười năm nay chưa có khoản vay nào trả chậm quá "
                "một tháng.",
                "Bà Vũ Thị Thanh",
            ),
            Figure(
                "p-savings-meeting",
                "Một buổi sinh hoạt định kỳ của tổ tại nhà văn hóa thôn Yên Trạch.",
            ),
            Para(
                "Nhờ khoản vay từ tổ, chị Lưu Thị Hằng mua được hai con bò giống, nay đã thành đàn "
                "năm con. Nhiều chị em khác mở quầy tạp hóa, mua máy khâu nhận hàng gia công tại "
                "nhà."
            ),
            Facts(
                "Tổ tiết kiệm “Chung tay” sau mười năm",
                (
                    "41 thành viên, chưa ai rời tổ",
                    "Hơn 60 lượt vay vốn",
                    "Mức góp hiện nay: 200.000 đồng mỗi tháng",
                    "Bằng khen của Hội Liên hiệp Phụ nữ tỉnh năm 2025",
                ),
            ),
            Para(
                "Hội Liên hiệp Phụ nữ huyện Yên Khê đang hướng dẫn các chi hội khác lập tổ tiết "
                "kiệm theo cách làm của thôn Yên Trạch."
            ),
        ),
        authors=("lan", "ha"),
        locality="Xã Yên Trạch",
        days_ago=35,
        hour=10,
        tags=("Phụ nữ", "Giảm nghèo"),
        channels=("newspaper", "radio_tv", "portal", "loudspeaker"),
        exemplars=("e-savings",),
    ),
    StorySpec(
        key="s-lanes",
        title="Tổ dân phố số 7 giữ ngõ sạch mà không cần loa nhắc",
        column="guong-sang",
        sapo=(
            "Không thùng rác tràn, không túi ni lông vứt góc tường: các con ngõ của tổ dân phố số "
            "7, phường Hòa Thịnh sạch sẽ suốt nhiều năm nhờ một bản quy ước do chính người dân bàn "
            "và tự giác giữ."
        ),
        hero="p-lanes",
        hero_caption="Một con ngõ của tổ dân phố số 7 vào buổi sáng.",
        body=(
            Para(
                "Tổ dân phố số 7 có 186 hộ, phần lớn là công nhân, tiểu thương và cán bộ hưu trí. "
                "Năm 2019, sau nhiều lần có ý kiến về rác ở đầu ngõ, tổ họp dân và cùng viết ra "
                "bản quy ước giữ vệ sinh gồm bảy điều ngắn gọn."
            ),
            Para(
                "Theo quy ước, sáng Chủ nhật đầu tháng, mỗi hộ cử một người ra quét dọn, khơi "
                "thông rãnh nước. Rác được phân loại tại nhà; phần tái chế được gom lại bán, tiền "
                "dùng để mua cây xanh và bóng đèn cho các ngõ."
            ),
            Figure(
                "p-lanes-plants",
                "Những chậu hoa do các hộ tự mua, đặt dọc ngõ 14 của tổ dân phố số 7.",
            ),
            Quote(
                "Lúc đầu cũng có nhà ngại. Nhưng khi thấy ngõ sạch, trẻ con có chỗ chơi, thì chẳng "
                "ai muốn là người làm bẩn nữa.",
                "Ông Lê Văn Tịnh, Tổ trưởng tổ dân phố số 7",
            ),
            Para(
                "Năm 2025, tổ dân phố số 7 được UBND thành phố Lâm Thịnh công nhận khu dân cư kiểu "
                "mẫu. Phường Hòa Thịnh đang giới thiệu cách làm của tổ để các tổ dân phố khác tham "
                "khảo."
            ),
            Para(
                "Điều người dân ở đây tự hào nhất không phải tấm bằng khen, mà là các cháu nhỏ giờ "
                "tự nhặt rác khi thấy, không cần người lớn nhắc."
            ),
        ),
        authors=("chau",),
        locality="Phường Hòa Thịnh",
        days_ago=27,
        hour=15,
        tags=("Môi trường", "Khu dân cư"),
        channels=("portal", "newspaper"),
        exemplars=("e-td7",),
    ),
    StorySpec(
        key="s-wallet",
        title="Nam sinh lớp 9 trả lại chiếc ví có 18 triệu đồng",
        column="nguoi-tot",
        sapo=(
            "Nhặt được chiếc ví trên đường đi học về, em Phạm Gia Huy, học sinh lớp 9A Trường "
            "THCS thị trấn Yên Khê, đã cùng mẹ mang đến công an thị trấn để tìm người đánh rơi."
        ),
        hero="p-wallet",
        hero_caption="Cổng Trường THCS thị trấn Yên Khê, nơi Huy đang học lớp 9A.",
        body=(
            Para(
                "Trên đường đạp xe về nhà sau buổi học chiều, Huy thấy một chiếc ví da nằm ở lề "
                "đường gần chợ thị trấn. Trong ví có 18 triệu đồng, căn cước và một số giấy tờ của "
                "một tiểu thương ở xã Yên Trạch."
            ),
            Para(
                "Về đến nhà, Huy kể với mẹ rồi cùng mẹ mang chiếc ví đến Công an thị trấn Yên Khê. "
                "Qua giấy tờ trong ví, công an liên lạc được với chủ nhân là bà Ngô Thị Liên. Số "
                "tiền là tiền hàng bà vừa thu trong buổi sáng."
            ),
            Quote(
                "Đó là tiền của người khác. Con nghĩ người đánh rơi chắc đang lo lắm.",
                "Em Phạm Gia Huy",
            ),
            Para(
                "Bà Liên muốn gửi tiền cảm ơn nhưng gia đình Huy từ chối. Nhà trường đã tuyên "
                "dương em trước toàn trường trong buổi chào cờ đầu tuần."
            ),
        ),
        authors=("ha",),
        locality="Thị trấn Yên Khê",
        days_ago=20,
        hour=16,
        tags=("Người tốt việc tốt", "Học sinh"),
        channels=("newspaper", "portal", "loudspeaker"),
        correction=(
            "Bản đăng lúc đầu ghi em Phạm Gia Huy học lớp 8A; thông tin đúng là lớp 9A. "
            "Tòa soạn xin lỗi bạn đọc và gia đình em."
        ),
    ),
    StorySpec(
        key="s-seedlings",
        title="Vườn ươm không bán của bà Hai ở Đông Lũy",
        column="guong-sang",
        sapo=(
            "Mười lăm năm nay, vườn ươm nhỏ sau nhà bà Trần Thị Hai ở xã Đông Lũy, huyện Yên Khê "
            "chưa bán một cây giống nào. Ai trong xóm cần trồng lại vườn, bà đều cho, kèm theo lời "
            "dặn cách chăm."
        ),
        hero="p-seedlings",
        hero_caption="Những hàng bầu cây giống trong vườn ươm của bà Hai.",
        body=(
            Para(
                "Vườn ươm rộng chừng bốn mươi mét vuông của bà Hai kín những bầu đất đen xếp thành "
                "hàng. Có bầu cam, bầu bưởi, có cả mít, ổi và vài chục cây lát hoa bà để dành tặng "
                "trường học."
            ),
            Para(
                "Bà Hai năm nay sáu mươi tám tuổi, làm nông từ thời con gái. Năm 2011, sau trận lũ "
                "làm chết gần hết vườn cây của cả xóm Bến Trúc, bà theo một cán bộ khuyến nông "
                "huyện học cách chiết, ghép rồi ươm cây cho hàng xóm trồng lại."
            ),
            Quote(
                "Cây giống đi mua thì đắt mà không rõ gốc gác. Mình ươm từ cây mẹ trong xóm, hợp "
                "đất hợp nước, trồng là sống.",
                "Bà Trần Thị Hai",
            ),
            Para(
                "Theo cuốn sổ bà giữ cẩn thận trong ngăn tủ, vườn ươm đã cho đi hơn chín nghìn cây "
                "giống. Nhiều hộ trong xóm có thêm thu nhập từ vườn cây ăn quả, trong đó có những "
                "gia đình đã thoát nghèo."
            ),
            Facts(
                "Vườn ươm của bà Hai",
                (
                    "Bắt đầu từ năm 2011",
                    "Hơn 9.000 cây giống đã cho đi, không lấy tiền",
                    "Giống chủ yếu: cam, bưởi, ổi, mít và cây bóng mát cho trường học",
                    "Mỗi năm hướng dẫn chiết, ghép cho khoảng 20 người",
                ),
            ),
            Para(
                "Ông Đặng Văn Quý, Chủ tịch UBND xã Đông Lũy, cho biết xã đã đề nghị huyện khen "
                "thưởng bà trong đợt sơ kết phong trào thi đua năm nay. Còn bà Hai chỉ mong có "
                "thêm người trẻ trong xóm chịu học nghề ươm cây."
            ),
        ),
        authors=("ha",),
        locality="Xã Đông Lũy",
        days_ago=12,
        hour=9,
        tags=("Người tốt việc tốt", "Giảm nghèo", "Nông nghiệp"),
        channels=("newspaper", "portal", "loudspeaker"),
        exemplars=("e-hai",),
        radio_script=(
            "Thưa bà con, ở xóm Bến Trúc, xã Đông Lũy, huyện Yên Khê có một vườn ươm cây giống "
            "không bao giờ bán. Chủ vườn là bà Trần Thị Hai, năm nay sáu mươi tám tuổi. Mười lăm "
            "năm qua, bà đã ươm và cho bà con trong xóm hơn chín nghìn cây giống cam, bưởi, ổi, "
            "mít. Bà còn hướng dẫn hàng xóm cách chiết, ghép cây. Nhờ vườn ươm của bà, nhiều gia "
            "đình đã có thêm thu nhập từ vườn cây ăn quả. Ai muốn học nghề ươm cây, bà Hai sẵn "
            "lòng chỉ dẫn."
        ),
    ),
    StorySpec(
        key="s-plums",
        title="Ba người trẻ về bản làm mận sấy",
        column="nong-thon-moi",
        sapo=(
            "Học xong đại học, Nguyễn Minh Khoa cùng hai người bạn trở về Nà Mây lập tổ hợp tác "
            "sấy mận. Sau ba mùa, sản phẩm của nhóm đã có mặt ở các cửa hàng đặc sản trong tỉnh, "
            "giúp nhiều hộ trồng mận bán được giá ổn định hơn."
        ),
        hero="p-plums",
        hero_caption="Vườn mận ở xã Nà Mây vào mùa thu hoạch.",
        body=(
            Para(
                "Mận ở Nà Mây chín rộ vào tháng Năm, tháng Sáu. Những năm được mùa, giá mận tại "
                "vườn có lúc chỉ còn vài nghìn đồng một cân, nhiều nhà để quả rụng đầy gốc vì bán "
                "không đủ tiền công hái."
            ),
            Para(
                "Khoa học ngành công nghệ thực phẩm. Năm 2023, anh cùng hai bạn là Sầm Thị Duyên "
                "và Vàng A Tủa vay vốn từ chương trình hỗ trợ thanh niên khởi nghiệp, mua một máy "
                "sấy nhiệt và thuê lại căn nhà kho cũ của thôn làm xưởng."
            ),
            Para(
                "Mẻ mận sấy đầu tiên hỏng gần một nửa vì độ ẩm không đều. Nhóm mất cả mùa để thử "
                "nhiệt độ, thời gian sấy và cách ướp, ghi chép từng mẻ vào sổ. Sang mùa thứ hai, "
                "sản phẩm đã ổn định và được một cửa hàng đặc sản ở thành phố Lâm Thịnh nhận bán."
            ),
            Quote(
                "Chúng tôi không muốn thay người trồng mận làm gì cả. Chỉ mong quả mận rời bản với "
                "giá tốt hơn.",
                "Anh Nguyễn Minh Khoa",
            ),
            Figure("p-plums-dryer", "Mận sau khi sơ chế được xếp lên khay trước khi vào máy sấy."),
            Facts(
                "Tổ hợp tác mận sấy Nà Mây",
                (
                    "Thành lập năm 2023, ba thành viên sáng lập",
                    "Thu mua mận của 28 hộ với giá thỏa thuận trước mùa",
                    "Tạo việc làm thời vụ cho 12 lao động địa phương",
                    "Đang hoàn thiện hồ sơ đề nghị công nhận sản phẩm OCOP",
                ),
            ),
            Para(
                "Năm nay, tổ hợp tác ký giá thu mua với hai mươi tám hộ ngay từ đầu mùa để bà con "
                "yên tâm chăm vườn. Khoa nói điều nhóm cần nhất lúc này là một kho lạnh nhỏ để kéo "
                "dài thời gian chế biến."
            ),
        ),
        authors=("ha", "chau"),
        locality="Xã Nà Mây",
        days_ago=8,
        hour=11,
        tags=("Khởi nghiệp", "Vùng cao", "Nông thôn mới"),
        channels=("newspaper", "radio_tv", "portal"),
        exemplars=("e-khoa",),
    ),
    StorySpec(
        key="s-village",
        title="Yên Trạch thành thôn nông thôn mới kiểu mẫu từ những việc nhỏ",
        column="nong-thon-moi",
        sapo=(
            "Thôn Yên Trạch vừa được công nhận đạt chuẩn nông thôn mới kiểu mẫu. Theo người dân, "
            "kết quả ấy đến từ nhiều việc nhỏ làm đều đặn: góp đất mở đường, lập tổ tiết kiệm, giữ "
            "vệ sinh đường làng."
        ),
        hero="p-village",
        hero_caption="Cánh đồng rau an toàn của thôn Yên Trạch.",
        body=(
            Para(
                "Ngày công bố quyết định, nhà văn hóa thôn Yên Trạch chật kín người. Bản tổng kết "
                "dán trên bảng tin ghi thu nhập bình quân đầu người năm 2025 đạt hơn 72 triệu "
                "đồng, gần gấp đôi năm 2020; thôn không còn hộ nghèo."
            ),
            Para(
                "Ông Bùi Văn Hòa, Trưởng thôn, nhớ lại cách đây năm năm, đường trong thôn còn lầy "
                "lội, nhiều hộ nuôi lợn sát nhà ở. Thôn không có khoản đầu tư nào lớn, chỉ họp dân "
                "nhiều lần, việc nào cần làm trước thì bàn làm trước."
            ),
            Quote(
                "Việc gì dân thấy lợi thì dân làm. Cán bộ chỉ cần nói rõ, làm trước và công khai "
                "tiền nong.",
                "Ông Bùi Văn Hòa, Trưởng thôn Yên Trạch",
            ),
            Facts(
                "Những việc thôn Yên Trạch đã làm",
                (
                    "Mở rộng gần 2 km đường liên thôn nhờ 26 hộ hiến đất",
                    "Chuyển chuồng trại chăn nuôi ra xa khu dân cư",
                    "Duy trì tổ tiết kiệm của phụ nữ với hơn 60 lượt vay vốn",
                    "Mỗi tháng một buổi tổng vệ sinh đường làng",
                ),
            ),
            Para(
                "Theo UBND xã Yên Trạch, thời gian tới thôn tập trung phát triển vùng trồng rau an "
                "toàn và đưa sản phẩm vào bếp ăn các trường học trong huyện."
            ),
        ),
        authors=("lan",),
        locality="Xã Yên Trạch",
        days_ago=3,
        hour=14,
        tags=("Nông thôn mới", "Giảm nghèo"),
        channels=("newspaper", "radio_tv", "portal", "loudspeaker"),
        exemplars=("e-savings", "e-pan"),
        related=("s-road", "s-savings"),
    ),
]

# Home page picks, in order.
FEATURED_STORIES: list[str] = ["s-teacher", "s-savings", "s-plums"]

# --- Legal documents -----------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentSpec:
    title: str  # the trích yếu
    number: str
    document_type: str
    issuing_body: str
    signer: str
    signer_title: str
    issue_date: date
    effective_date: date | None
    field: str
    summary: tuple[str, ...]
    file_title: str


PROVINCIAL_COMMITTEE = "Ủy ban nhân dân tỉnh Tân Lâm"

DOCUMENTS: list[DocumentSpec] = [
    DocumentSpec(
        title=(
            "Kế hoạch giới thiệu gương người tốt, việc tốt trên báo chí và hệ thống truyền thanh "
            "cơ sở năm 2026"
        ),
        number="18/KH-UBND",
        document_type=LegalDocumentType.PLAN,
        issuing_body=PROVINCIAL_COMMITTEE,
        signer="Hoàng Minh Tiến",
        signer_title="KT. CHỦ TỊCH – PHÓ CHỦ TỊCH",
        issue_date=date(2026, 1, 20),
        effective_date=date(2026, 1, 20),
        field="Thi đua – khen thưởng; thông tin, tuyên truyền",
        summary=(
            "Các cơ quan báo chí của tỉnh duy trì chuyên mục về người tốt, việc tốt; mỗi tháng "
            "giới thiệu ít nhất bốn gương ở cơ sở, ưu tiên người lao động trực tiếp.",
            "Đài truyền thanh cấp xã phát lại các bài phù hợp, trước hết là những tấm gương ngay "
            "trên địa bàn. Ban Thi đua – Khen thưởng tổng hợp danh sách điển hình để các cơ quan "
            "báo chí tham khảo.",
            "Trước ngày 15 tháng 12, các cơ quan, địa phương báo cáo kết quả thực hiện về Ủy ban "
            "nhân dân tỉnh.",
        ),
        file_title="18/KH-UBND – Kế hoạch giới thiệu gương người tốt, việc tốt năm 2026 (PDF)",
    ),
    DocumentSpec(
        title=(
            "Quyết định tặng Bằng khen cho các tập thể, cá nhân có thành tích tiêu biểu trong "
            "phong trào “Người tốt, việc tốt” năm 2026"
        ),
        number="1342/QĐ-UBND",
        document_type=LegalDocumentType.DECISION,
        issuing_body=PROVINCIAL_COMMITTEE,
        signer="Lương Quốc Đạt",
        signer_title="CHỦ TỊCH",
        issue_date=date(2026, 9, 15),
        effective_date=date(2026, 9, 15),
        field="Thi đua – khen thưởng",
        summary=(
            "Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 12 tập thể và 27 cá nhân có "
            "thành tích tiêu biểu trong phong trào, theo danh sách kèm theo quyết định.",
            "Mỗi tập thể, cá nhân được khen thưởng kèm tiền thưởng theo quy định hiện hành.",
        ),
        file_title="1342/QĐ-UBND – Quyết định tặng Bằng khen phong trào Người tốt, việc tốt (PDF)",
    ),
]

# --- Site settings -------------------------------------------------------------------------

SITE_SETTINGS = {
    "tagline": "Lan tỏa những tấm gương sáng giữa đời thường",
    "publisher": "Ban Tuyên giáo và Dân vận Tỉnh ủy Tân Lâm",
    "footer_text": (
        "Lan Tỏa – trang tin về gương điển hình tiên tiến của tỉnh Tân Lâm. "
        "Các tên người, địa danh và sự việc trên trang này là dữ liệu minh họa."
    ),
    "contact_email": "toasoan@lantoa.example",
}
SHARE_PICTURE = "p-share"

# --- Helpers -------------------------------------------------------------------------------


# --- Campaign -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParticipationSpec:
    exemplar: str  # ExemplarSpec.key
    moves: tuple[tuple[int, date, str], ...]  # (stage 1–4, date, reason)
    featured: bool = False
    recognitions: tuple[tuple[str, str, str, date], ...] = ()  # level, form, number, date
    met: tuple[int, ...] = ()  # indexes of the criteria met
    evidence: str = ""


@dataclass(frozen=True)
class CampaignSpec:
    title: str
    code: str
    issuing_body: str
    legal_basis: tuple[str, ...]  # DocumentSpec.number
    start_date: date
    end_date: date
    goal: str
    description: tuple[str, ...]
    targets: tuple[tuple[int, str, int], ...]  # (year, ExemplarKind, number)
    criteria: tuple[str, ...]
    participations: tuple[ParticipationSpec, ...]
    aired_story: str  # StorySpec.key confirmed on air by the radio outlet


CAMPAIGN = CampaignSpec(
    title="Kế hoạch phát hiện, bồi dưỡng, tổng kết và nhân rộng điển hình tiên tiến 2025–2026",
    code="25/KH-UBND",
    issuing_body=PROVINCIAL_COMMITTEE,
    legal_basis=("18/KH-UBND",),
    start_date=date(2025, 1, 1),
    end_date=date(2026, 12, 31),
    goal=(
        "Mỗi năm phát hiện và bồi dưỡng ít nhất mười gương điển hình ở cơ sở; tổng kết, nhân "
        "rộng những mô hình làm kinh tế giỏi, giữ gìn xóm làng bình yên."
    ),
    description=(
        "Các huyện, thị xã rà soát, giới thiệu người thật, việc thật từ thôn, tổ dân phố; "
        "Ban Thi đua – Khen thưởng theo dõi từng gương qua bốn bước: phát hiện, bồi dưỡng, "
        "tổng kết, nhân rộng.",
    ),
    targets=(
        (2025, ExemplarKind.INDIVIDUAL, 3),
        (2025, ExemplarKind.COLLECTIVE, 2),
        (2025, ExemplarKind.MODEL, 1),
        (2026, ExemplarKind.INDIVIDUAL, 4),
        (2026, ExemplarKind.COLLECTIVE, 2),
        (2026, ExemplarKind.MODEL, 2),
        (2026, ExemplarKind.HOUSEHOLD, 1),
    ),
    criteria=(
        "Có thành tích cụ thể, được chính quyền cơ sở xác nhận",
        "Được cộng đồng dân cư đồng tình, noi theo",
        "Cách làm có thể áp dụng ở địa phương khác",
    ),
    participations=(
        ParticipationSpec(
            "e-hai",
            (
                (1, date(2025, 3, 10), "Xã Đông Lũy giới thiệu"),
                (2, date(2025, 6, 2), ""),
                (3, date(2025, 11, 20), "Hội nghị tổng kết cấp huyện"),
                (4, date(2026, 4, 8), "Ba xã lân cận học cách ươm cây"),
            ),
            featured=True,
            recognitions=(("district", "certificate", "215/QĐ-UBND", date(2025, 12, 5)),),
            met=(0, 1, 2),
            evidence="Biên bản xác nhận của UBND xã Đông Lũy; danh sách hộ nhận cây giống.",
        ),
        ParticipationSpec(
            "e-td7",
            (
                (1, date(2025, 2, 14), ""),
                (2, date(2025, 5, 5), ""),
                (3, date(2025, 10, 1), ""),
            ),
            featured=True,
            recognitions=(("province", "merit", "1032/QĐ-UBND", date(2026, 1, 15)),),
            met=(0, 1),
        ),
        ParticipationSpec(
            "e-savings",
            ((1, date(2025, 4, 1), ""), (2, date(2025, 9, 9), ""), (3, date(2026, 3, 3), "")),
        ),
        ParticipationSpec("e-tham", ((1, date(2025, 8, 18), ""), (2, date(2026, 2, 2), ""))),
        ParticipationSpec(
            "e-clan",
            (
                (1, date(2025, 5, 20), ""),
                (2, date(2025, 12, 1), ""),
                (1, date(2026, 2, 10), "Cần bổ sung minh chứng về hương ước của dòng họ"),
            ),
        ),
        ParticipationSpec("e-pan", ((1, date(2026, 5, 12), ""),)),
        ParticipationSpec("e-khoa", ((1, date(2026, 6, 3), ""),)),
    ),
    aired_story="s-seedlings",
)


def iter_demo_text() -> Iterator[str]:
    """Every string of the demo content, for the test that checks nothing is copied."""
    everything = [
        PLACES,
        PICTURES,
        [picture.alt for picture in PICTURES],
        AUTHORS,
        USERS,
        COLUMNS,
        [SERIES_INDEX, SERIES, EXEMPLAR_INDEX, DOCUMENT_INDEX, HOME_INTRO],
        EXEMPLARS,
        STORIES,
        DOCUMENTS,
        OUTLETS,
        SITE_SETTINGS,
        CAMPAIGN,
    ]
    yield from _strings(everything)


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from _strings(getattr(value, field.name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)
