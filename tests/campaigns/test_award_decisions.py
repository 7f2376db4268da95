"""Award decisions as records: recognitions grouped into decisions by the data migration, the
Word draft in the official form, the public exemplar page and the roles."""

import importlib
import io
from datetime import date

import lxml.html
import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from docx import Document

from campaigns.models import AwardDecision, Recognition
from tests.campaigns.conftest import join

pytestmark = pytest.mark.django_db

DECISIONS = "/admin/snippets/campaigns/awarddecision/"


def recognise(participation, number: str, day: date, form: str = "merit") -> Recognition:
    return Recognition.objects.create(
        participation=participation,
        level="province",
        form=form,
        decision_number=number,
        decision_date=day,
    )


def test_migration_groups_recognitions_into_decisions(campaign, make_exemplar):
    """Recognitions saved before decisions were records become one decision per number and
    date; every recognition keeps its number and date, and running it again adds nothing."""
    first = join(campaign, make_exemplar("Lò Văn Pọm"), [(1, date(2024, 1, 15), "")])
    second = join(campaign, make_exemplar("Hà Thị Nga"), [(1, date(2024, 2, 1), "")])
    a = recognise(first, "15/QĐ-UBND", date(2024, 12, 20))
    b = recognise(second, "15/QĐ-UBND ", date(2024, 12, 20))  # typed with a trailing space
    c = recognise(first, "15/QĐ-UBND", date(2025, 3, 2), form="certificate")
    migration = importlib.import_module("campaigns.migrations.0013_award_decision_records")
    for _run in range(2):
        migration.group_recognitions(apps, None)

    decisions = list(AwardDecision.objects.order_by("decision_date"))
    assert [(d.number, d.decision_date, d.form) for d in decisions] == [
        ("15/QĐ-UBND", date(2024, 12, 20), "merit"),
        ("15/QĐ-UBND", date(2025, 3, 2), "certificate"),
    ]
    assert decisions[0].issuer == "Ủy ban nhân dân tỉnh Sơn Hà"
    assert decisions[0].campaign == campaign
    assert {p.title for p in decisions[0].exemplars.all()} == {"Lò Văn Pọm", "Hà Thị Nga"}
    for recognition, decision in ((a, decisions[0]), (b, decisions[0]), (c, decisions[1])):
        recognition.refresh_from_db()
        assert recognition.decision == decision
    b.refresh_from_db()
    assert b.decision_number == "15/QĐ-UBND "  # nothing saved is changed


def test_recognition_takes_number_and_date_from_its_decision(campaign, make_exemplar):
    participation = join(campaign, make_exemplar("Lò Văn Pọm"), [(1, date(2024, 1, 15), "")])
    decision = AwardDecision.objects.create(
        number="12/QĐ-UBND",
        decision_date=date(2024, 12, 10),
        issuer="Ủy ban nhân dân tỉnh Sơn Hà",
        form="merit",
        level="province",
    )
    recognition = Recognition(participation=participation, level="province", form="merit")
    recognition.decision = decision
    recognition.full_clean()
    recognition.save()
    assert (recognition.decision_number, recognition.decision_date, recognition.year) == (
        "12/QĐ-UBND",
        date(2024, 12, 10),
        2024,
    )
    wrong = Recognition(
        participation=participation,
        level="province",
        form="merit",
        decision=decision,
        decision_number="13/QĐ-UBND",
        decision_date=date(2024, 12, 10),
    )
    with pytest.raises(ValidationError) as error:
        wrong.full_clean()
    assert "Số và ngày khác với quyết định đã chọn" in str(error.value)
    with pytest.raises(ValidationError) as error:
        Recognition(participation=participation, level="province", form="merit").full_clean()
    assert "Hãy chọn quyết định khen thưởng" in str(error.value)


@pytest.fixture
def decision(campaign, make_exemplar):
    decision = AwardDecision.objects.create(
        number="12/QĐ-UBND",
        decision_date=date(2024, 12, 10),
        issuer="Ủy ban nhân dân tỉnh Sơn Hà",
        form="merit",
        level="province",
        campaign=campaign,
        proposer="Trưởng Ban Thi đua - Khen thưởng tỉnh",
        signing_authority="kt",
        signing_for="Chủ tịch",
        signer_position="Phó Chủ tịch",
        signer_name="Lê Văn Bình",
    )
    decision.exemplars.add(make_exemplar("Tổ hợp tác Mây tre", "collective"))
    decision.exemplars.add(make_exemplar("Lò Văn Pọm"))
    return decision


def test_officer_drafts_the_decision_as_word(client, decision, campaign_officer):
    client.force_login(campaign_officer)
    listing = lxml.html.fromstring(client.get(DECISIONS).content)
    draft_url = f"{DECISIONS}draft/{decision.pk}/"
    assert draft_url in [a.get("href") for a in listing.iter("a")]
    response = client.get(draft_url)
    assert response.status_code == 200
    assert "quyet-dinh-12-qd-ubnd-20241210.docx" in response["Content-Disposition"]
    doc = Document(io.BytesIO(response.content))
    left, right = doc.tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs] == [
        "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ",
        "――――――",
        "Số: 12/QĐ-UBND",
    ]
    assert [p.text for p in right.paragraphs] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Sơn Hà, ngày 10 tháng 12 năm 2024",
    ]
    body = [p.text for p in doc.paragraphs if p.text]
    assert body[:3] == [
        "QUYẾT ĐỊNH",
        "Về việc khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong thực hiện kế "
        "hoạch phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN HÀ",
    ]
    assert body[3] == "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"
    assert body[5].startswith("Căn cứ Kế hoạch số 60/KH-UBND của Ủy ban nhân dân tỉnh Sơn Hà")
    assert body[6] == "Theo đề nghị của Trưởng Ban Thi đua - Khen thưởng tỉnh."
    assert body[7] == "QUYẾT ĐỊNH:"
    assert body[8].startswith("Điều 1. Tặng Bằng khen cho 2 tập thể, cá nhân")
    assert body[9].startswith("Điều 2. ") and body[10].startswith("Điều 3. ")
    honoured = doc.tables[1]
    assert [[c.text for c in row.cells] for row in honoured.rows] == [
        ["STT", "Điển hình", "Loại", "Địa bàn"],
        ["1", "Lò Văn Pọm", "Cá nhân", "Xã Nậm Mơ, Huyện Mường Khoa, Tỉnh Sơn Hà"],
        ["2", "Tổ hợp tác Mây tre", "Tập thể", "Xã Nậm Mơ, Huyện Mường Khoa, Tỉnh Sơn Hà"],
    ]
    distribution, signer = doc.tables[-1].rows[0].cells
    assert [p.text for p in distribution.paragraphs] == [
        "Nơi nhận:",
        "- Như Điều 3;",
        "- Lưu: VT, TĐKT.",
    ]
    assert [p.text for p in signer.paragraphs if p.text] == [
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Lê Văn Bình",
    ]


def test_exemplar_page_lists_its_decisions(client, decision):
    exemplar = decision.exemplars.get(title="Lò Văn Pọm")
    page = lxml.html.fromstring(client.get(exemplar.url).content)
    items = [
        " ".join(li.text_content().split())
        for li in page.find_class("exemplar__decisions")[0].iter("li")
    ]
    assert items == [
        "Bằng khen (Cấp tỉnh): Quyết định số 12/QĐ-UBND ngày 10/12/2024 của Ủy ban nhân dân "
        "tỉnh Sơn Hà"
    ]


def test_a_new_decision_shows_on_a_cached_exemplar_page(client, campaign, make_exemplar):
    exemplar = make_exemplar("Hà Thị Nga")
    assert b"exemplar__decisions" not in client.get(exemplar.url).content
    decision = AwardDecision.objects.create(
        number="20/QĐ-UBND",
        decision_date=date(2025, 1, 5),
        issuer="Ủy ban nhân dân huyện Mường Khoa",
        form="certificate",
        level="district",
    )
    decision.exemplars.add(exemplar)  # the admin adds exemplars after saving the decision
    assert "20/QĐ-UBND" in client.get(exemplar.url).content.decode()


def test_journalist_reads_decisions_but_cannot_add_or_draft_changes(client, decision, journalist):
    client.force_login(journalist)
    assert client.get(DECISIONS).status_code == 200
    assert client.get(f"{DECISIONS}add/").status_code in (302, 403)
    assert client.get(f"{DECISIONS}draft/{decision.pk}/").status_code == 200  # reading is allowed


def test_anonymous_gets_no_draft(client, decision):
    response = client.get(f"{DECISIONS}draft/{decision.pk}/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
