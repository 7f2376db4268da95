"""Seeds the rules editors then extend (gambling vocabulary and brand shapes from public
knowledge, trusted domains, the demo province's bodies and places and those of the legacy
samples), and grants the permissions: rules to editors and the editor-in-chief, findings to
both, the override to the editor-in-chief only."""

from django.db import migrations

from core import roles

WORDS = [
    # Vietnamese gambling and betting vocabulary.
    "nhà cái",
    "cá cược",
    "cá độ",
    "tài xỉu",
    "nổ hũ",
    "bắn cá đổi thưởng",
    "bắn cá",
    "lô đề",
    "soi kèo",
    "kèo nhà cái",
    "tỷ lệ kèo",
    "game bài",
    "game bài đổi thưởng",
    "đánh bài online",
    "xóc đĩa",
    "đá gà trực tuyến",
    "đá gà online",
    "sòng bạc",
    "cổng game",
    "rút tiền nhanh",
    "khuyến mãi nạp đầu",
    "trang cá cược",
    "quay hũ",
    "xổ số online",
    "lô đề online",
    "đánh đề",
    "baccarat",
    # English.
    "casino",
    "online casino",
    "betting",
    "bet",
    "sportsbook",
    "bookmaker",
    "slot",
    "slots",
    "slot game",
    "jackpot",
    "poker",
    "roulette",
    "blackjack",
    "gambling",
    "free spins",
    "sabong",
]
BRANDS = [
    "kubet",
    "fb88",
    "w88",
    "m88",
    "188bet",
    "fun88",
    "jun88",
    "hi88",
    "new88",
    "shbet",
    "f8bet",
    "8xbet",
    "12bet",
    "v9bet",
    "vn88",
    "sv388",
    "sunwin",
    "go88",
    "rikvip",
    "hitclub",
    "b52club",
    "789club",
    "okvip",
    "mb66",
    "ok365",
    "79king",
    "bk8",
    "dafabet",
    "1xbet",
    "vwin",
    "oxbet",
    "typhu88",
    "ae888",
    "nhacai",
]
PATTERNS = [
    # Brand shapes: a gambling word with digits ("kubet88", "win79", "club789", "vip66").
    (r"[a-z]*(?:bet|casino|slot|club|win|vip|king|game)\d{2,4}[a-z]*", "chữ số sau một từ"),
    (r"\d{2,4}(?:bet|win|club|vip|king|game|casino)[a-z]*", "chữ số trước một từ"),
    (r"[a-z]{2,8}(?:88|888|789|68|99|365)", "chữ rồi số may mắn"),
    (r"nha\s*cai\s*[a-z0-9]+\.[a-z]{2,6}", "tên miền nhà cái"),
]
TRUSTED = [
    ("gov.vn", "Trang của cơ quan nhà nước"),
    ("chinhphu.vn", ""),
    ("baochinhphu.vn", ""),
    ("dangcongsan.vn", ""),
    ("nhandan.vn", ""),
    ("qdnd.vn", ""),
    ("vietnamplus.vn", ""),
    ("vtv.vn", ""),
    ("vov.vn", ""),
    ("thuvienphapluat.vn", "Văn bản pháp luật"),
    ("tanlam.gov.vn", "Cổng thông tin của tỉnh (dữ liệu minh họa)"),
    ("youtube.com", "Video nhúng"),
    ("youtu.be", "Video nhúng"),
    ("facebook.com", "Nút chia sẻ"),
    ("zalo.me", "Nút chia sẻ"),
    ("wikipedia.org", "Bách khoa toàn thư"),
    ("google.com", "Bản đồ"),
]
BODIES = [
    # The demo province (lantoa/demo/data/site.toml) and its outlets.
    ("Tân Lâm", "place"),
    ("Lâm Thịnh", "place"),
    ("Yên Khê", "place"),
    ("Mường Sơn", "place"),
    ("Bến Đò", "place"),
    ("Hòa Thịnh", "place"),
    ("Đông Lũy", "place"),
    ("Yên Trạch", "place"),
    ("Nà Mây", "place"),
    ("Tà Lương", "place"),
    ("Lan Tỏa", "place"),
    ("Ủy ban nhân dân tỉnh Tân Lâm", "body"),
    ("Hội đồng nhân dân tỉnh Tân Lâm", "body"),
    ("Báo Lan Tỏa", "body"),
    ("Báo Tân Lâm", "body"),
    ("Đài Phát thanh – Truyền hình tỉnh Tân Lâm", "body"),
    ("Cổng Thông tin điện tử tỉnh Tân Lâm", "body"),
    ("Hội đồng Thi đua – Khen thưởng tỉnh Tân Lâm", "body"),
    # The legacy samples' provinces and bodies.
    ("Khánh Hòa", "place"),
    ("Nam Định", "place"),
    ("Phúc Yên", "place"),
    ("Vĩnh Phúc", "place"),
    ("Ủy ban nhân dân tỉnh Khánh Hòa", "body"),
    ("Ủy ban nhân dân tỉnh Nam Định", "body"),
    ("Báo Khánh Hòa", "body"),
    ("Báo Nam Định", "body"),
    ("Báo Vĩnh Phúc", "body"),
    ("Liên đoàn lao động thành phố Phúc Yên", "body"),
]

RULE_MODELS = ["spamterm", "trusteddomain", "issuingbody"]


def seed(apps, schema_editor):
    SpamTerm = apps.get_model("integrity", "SpamTerm")
    TrustedDomain = apps.get_model("integrity", "TrustedDomain")
    IssuingBody = apps.get_model("integrity", "IssuingBody")
    for term in WORDS:
        SpamTerm.objects.get_or_create(term=term, defaults={"kind": "word"})
    for term in BRANDS:
        SpamTerm.objects.get_or_create(term=term, defaults={"kind": "brand"})
    for term, note in PATTERNS:
        SpamTerm.objects.get_or_create(term=term, defaults={"kind": "pattern", "note": note})
    for domain, note in TRUSTED:
        TrustedDomain.objects.get_or_create(domain=domain, defaults={"note": note})
    for name, kind in BODIES:
        IssuingBody.objects.get_or_create(name=name, defaults={"kind": kind})

    keep = [f"{action}_{model}" for model in RULE_MODELS for action in ("add", "change", "view")]
    roles.grant_app_permissions(
        apps,
        "integrity",
        {
            roles.EDITOR: [*keep, "view_finding", "view_publishoverride"],
            roles.EDITOR_IN_CHIEF: [
                *keep,
                *(f"delete_{model}" for model in RULE_MODELS),
                "view_finding",
                "change_finding",
                "view_publishoverride",
                "override_integrity",
            ],
            roles.ADMINISTRATOR: [
                *keep,
                *(f"delete_{model}" for model in RULE_MODELS),
                "view_finding",
                "change_finding",
                "view_publishoverride",
            ],
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("integrity", "0001_rules_overrides_findings"),
        ("lantoa", "0012_signin_permissions"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
