"""The rules on real text: the seeded vocabulary, folding without false alarms, links, hidden
parts and replaced names; the legacy samples are clean, a defaced article is caught."""

import pytest

from integrity import services
from integrity.models import IssuingBody, SpamTerm, TrustedDomain
from integrity.services import (
    GAMBLING,
    HIDDEN,
    REPLACED_NAME,
    UNKNOWN_LINK,
    Finding,
    count_links,
    scan_fields,
    scan_html,
    scan_text,
)
from tests.stories.test_importer import SAMPLES, needs_samples

# Written for these tests (test_site_scan.py imports it), in the spirit of the defacements
# provincial portals suffer: the issuing body renamed after a casino brand, the newspaper
# renamed, link lines on top.
DEFACED = """Xem ngay tại kubet88-vn.vip - nhà cái uy tín số 1
Link vào nha cai moi nhat: https://vao-nhacai-789.club/khuyen-mai
Ủy ban nhân dân tỉnh KUBET88 phát động phong trào thi đua năm 2026

Theo Báo Nhà cái, Ủy ban nhân dân tỉnh KUBET88 vừa tổng kết công tác khen thưởng.
Bạn đọc có thể soi kèo, chơi tài xỉu và nổ hũ mỗi ngày cùng chúng tôi.
"""


def rules_of(findings):
    return {finding.rule for finding in findings}


@pytest.mark.django_db
def test_seeded_vocabulary_matches_with_and_without_tone_marks():
    for text in ("Nhà cái hàng đầu", "nha cai hang dau", "NHÀ CÁI", "chơi cá cược", "ca cuoc"):
        assert rules_of(scan_text(text)) == {GAMBLING}, text


@pytest.mark.django_db
def test_ordinary_words_do_not_match():
    clean = [
        "Cái nhà của bà con được dựng lại sau bão.",
        "Chị bán cá ở chợ Bến Đò từ năm mười tám tuổi.",
        "Em đứng bét lớp năm ấy, nay là kỹ sư.",
        "Ca đỡ đẻ khó nhất của y sĩ ở Nà Mây.",
        "Ông lo để dành tiền cho cháu đi học.",
        "Công an tỉnh thông báo kết quả tuần tra.",
        "Liên hệ: vanphong@tanlam.gov.vn hoặc tanlam.gov.vn.",
        "Quyết định số 1526/QĐ-TTg ngày 09/12/2022; TP.HCM, v.v.",
    ]
    for text in clean:
        assert scan_text(text) == [], text


@needs_samples
@pytest.mark.django_db
def test_legacy_samples_are_clean():
    files = sorted(SAMPLES.glob("*.txt"))
    assert files
    for path in files:
        assert scan_text(path.read_text(encoding="utf-8"), field=path.name) == [], path.name


@pytest.mark.django_db
def test_defaced_article_is_caught_with_the_right_rules():
    findings = scan_text(DEFACED, field="body")
    assert rules_of(findings) == {GAMBLING, UNKNOWN_LINK, REPLACED_NAME}
    replaced = [f.matched for f in findings if f.rule == REPLACED_NAME]
    assert "Báo Nhà cái" in replaced
    assert "Ủy ban nhân dân tỉnh KUBET88" in replaced
    hosts = {f.matched for f in findings if f.rule == UNKNOWN_LINK}
    assert {"kubet88-vn.vip", "vao-nhacai-789.club"} <= hosts
    assert all(f.field == "body" for f in findings)
    nổ_hũ = next(f for f in findings if f.matched == "nổ hũ")
    assert "tài xỉu và nổ hũ mỗi ngày" in nổ_hũ.excerpt


@pytest.mark.django_db
def test_hidden_text_and_links():
    cases = [
        '<p>Tin tốt.</p><div style="display:none"><a href="https://abc.example">x</a></div>',
        '<p>Tin tốt.<span style="visibility: hidden">chữ ẩn</span></p>',
        '<p>Tin tốt.<span style="font-size:0">chữ ẩn</span></p>',
        '<p>Tin tốt.<span style="font-size: 1px">chữ ẩn</span></p>',
        '<p>Tin tốt.<span style="position:absolute; left:-9999px">chữ ẩn</span></p>',
        "<p>Tin tốt.<span hidden>chữ ẩn</span></p>",
        '<p>Tin tốt.<span style="color:#fff;background-color:#fff">chữ ẩn</span></p>',
    ]
    for html in cases:
        assert HIDDEN in rules_of(scan_html(html, field="body")), html
    assert scan_html('<p>Tin <b style="font-size:18px">tốt</b>.</p>') == []


@pytest.mark.django_db
def test_links_to_trusted_and_own_domains_pass():
    html = (
        '<p><a href="https://tanlam.gov.vn/tin">Cổng</a> <a href="/chuyen-muc/">mục</a> '
        '<a href="http://localhost/bai/">bài</a> <a href="mailto:a@b.vn">thư</a> '
        '<a href="https://www.youtube.com/watch?v=1">video</a></p>'
    )
    assert scan_html(html) == []
    findings = scan_html('<p><a href="https://soikeo.example.xyz/">Xem</a></p>', field="body")
    assert [(f.rule, f.matched) for f in findings] == [(UNKNOWN_LINK, "soikeo.example.xyz")]


@pytest.mark.django_db
def test_editors_rules_take_effect_at_once():
    assert scan_text("Ghé trang hoangkim.example.org nhé") != []
    TrustedDomain.objects.create(domain="example.org")
    assert scan_text("Ghé trang hoangkim.example.org nhé") == []
    assert scan_text("Chơi xèng mỗi tối") == []
    SpamTerm.objects.create(term="xèng", kind="word")
    assert rules_of(scan_text("Chơi xèng mỗi tối")) == {GAMBLING}
    SpamTerm.objects.filter(term="xèng").update(active=False)  # no signal: update() skips it
    services.rules_changed()
    assert scan_text("Chơi xèng mỗi tối") == []


@pytest.mark.django_db
def test_a_known_body_slot_takes_a_brand():
    IssuingBody.objects.create(name="Sở Văn hóa tỉnh Tân Lâm")
    findings = scan_text("Theo Sở Văn hóa tỉnh FB88, phong trào lan rộng.")
    assert REPLACED_NAME in rules_of(findings)


@pytest.mark.django_db
def test_bad_pattern_is_refused_by_the_form():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        SpamTerm(term="(unclosed", kind="pattern").full_clean()


@pytest.mark.django_db
def test_scan_fields_and_count_links():
    findings = scan_fields({"title": "Báo Nhà cái đưa tin", "body": "<p>Bình thường</p>"})
    assert [f.field for f in findings] == ["title"]
    assert count_links('<p><a href="https://a.example.com">a</a> xem b.example.net</p>') == 2
    assert count_links("Xem https://x.example.com và www.y.example.net, c.example.org") == 3
    assert count_links("Không có liên kết nào.") == 0


def test_finding_is_frozen():
    finding = Finding("gambling", "body", "…nhà cái…")
    with pytest.raises(AttributeError):
        finding.rule = "x"  # type: ignore[misc]
