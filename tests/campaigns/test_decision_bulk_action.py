"""Drafting an award decision from exemplars ticked on the participation listing, as the
campaign officer does it through the admin: the decision honours exactly the ticked
exemplars and its Word draft lists them in Article 1; rows of two campaigns, a bad form or
a role without the right save nothing."""

import io
from datetime import date

import lxml.html
import pytest
from docx import Document

from campaigns.models import AwardDecision, Campaign
from tests.campaigns.conftest import join

pytestmark = pytest.mark.django_db

LISTING = "/admin/snippets/campaigns/participation/"
ACTION = "/admin/bulk/campaigns/participation/draft_decision/"


def action_url(*participations) -> str:
    ids = "&".join(f"id={p.pk}" for p in participations)
    return f"{ACTION}?{ids}&next={LISTING}"


@pytest.fixture
def three(campaign, make_exemplar):
    return [
        join(campaign, make_exemplar(name, kind), [(1, date(2024, 1, 15), "")])
        for name, kind in (
            ("Lò Văn Pọm", "individual"),
            ("Tổ hợp tác Mây tre", "collective"),
            ("Hà Thị Nga", "individual"),
        )
    ]


def form(number: str = "25/QĐ-UBND", day: str = "10/12/2024") -> dict:
    return {"number": number, "decision_date": day, "form": "merit", "level": "province"}


def test_officer_drafts_a_decision_from_the_selected_exemplars(
    client, campaign, three, campaign_officer
):
    campaign.signing_authority = "kt"
    campaign.signing_for = "Chủ tịch"
    campaign.signer_position = "Phó Chủ tịch"
    campaign.signer_name = "Lê Văn Bình"
    campaign.save()
    client.force_login(campaign_officer)
    listing = lxml.html.fromstring(client.get(LISTING).content)
    buttons = {" ".join(a.text_content().split()) for a in listing.find_class("bulk-action-btn")}
    assert "Soạn quyết định khen thưởng" in buttons

    chosen = [three[0], three[1]]
    page = lxml.html.fromstring(client.get(action_url(*chosen)).content)
    assert "Quyết định sẽ khen thưởng 2 điển hình:" in page.text_content()
    assert [
        " ".join(li.text_content().split()).split(" — ")[0]
        for li in page.get_element_by_id("decision-exemplars")
    ] == [
        "Lò Văn Pọm",
        "Tổ hợp tác Mây tre",
    ]
    response = client.post(action_url(*chosen), form())
    decision = AwardDecision.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/snippets/campaigns/awarddecision/edit/{decision.pk}/"
    assert (decision.number, decision.decision_date, decision.campaign) == (
        "25/QĐ-UBND",
        date(2024, 12, 10),
        campaign,
    )
    assert decision.issuer == "Ủy ban nhân dân tỉnh Sơn Hà"  # from the campaign
    assert (decision.signing_authority, decision.signer_name) == ("kt", "Lê Văn Bình")
    assert {p.pk for p in decision.exemplars.all()} == {three[0].exemplar_id, three[1].exemplar_id}

    edit = lxml.html.fromstring(client.get(response["Location"]).content)
    draft_url = f"/admin/snippets/campaigns/awarddecision/draft/{decision.pk}/"
    assert draft_url in [a.get("href") for a in edit.iter("a")]
    doc = Document(io.BytesIO(client.get(draft_url).content))
    body = [p.text for p in doc.paragraphs if p.text]
    assert any(text.startswith("Điều 1. Tặng Bằng khen cho 2 tập thể, cá nhân") for text in body)
    assert [row.cells[1].text for row in doc.tables[1].rows] == [
        "Điển hình",
        "Lò Văn Pọm",
        "Tổ hợp tác Mây tre",
    ]


def test_a_form_error_saves_nothing(client, three, campaign_officer):
    client.force_login(campaign_officer)
    response = client.post(action_url(*three), form(number="", day="31/02/2024"))
    assert response.status_code == 200
    assert not AwardDecision.objects.exists()
    page = lxml.html.fromstring(response.content)
    assert page.find_class("error-message")


def test_rows_of_two_campaigns_are_refused(
    client, campaign, three, make_exemplar, campaign_officer
):
    other = Campaign.objects.create(
        title="Phong trào Cả nước chung tay vì người nghèo",
        code="12/KH-UBND",
        issuing_body="Ủy ban nhân dân tỉnh Sơn Hà",
        start_date=date(2024, 1, 1),
        end_date=date(2025, 12, 31),
    )
    elsewhere = join(other, make_exemplar("Bản Hua Tát", "model"), [(1, date(2024, 3, 1), "")])
    client.force_login(campaign_officer)
    message = "Chỉ chọn điển hình của một kế hoạch: mỗi quyết định thuộc một kế hoạch."
    page = lxml.html.fromstring(client.get(action_url(three[0], elsewhere)).content)
    assert message in page.get_element_by_id("decision-errors").text_content()
    assert not page.xpath("//button[@type='submit' and contains(., 'Tạo dự thảo quyết định')]")
    response = client.post(action_url(three[0], elsewhere), form())
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not AwardDecision.objects.exists()


def test_journalist_neither_sees_nor_uses_the_action(client, three, journalist):
    client.force_login(journalist)
    listing = client.get(LISTING)
    assert listing.status_code == 200  # journalists read the participations
    page = lxml.html.fromstring(listing.content)
    hrefs = [a.get("href") or "" for a in page.find_class("bulk-action-btn")]
    assert hrefs and not [href for href in hrefs if "draft_decision" in href]
    refused = client.get(action_url(*three))
    assert refused.status_code == 403
    assert "Chỉ cán bộ thi đua được soạn quyết định khen thưởng." in refused.content.decode()
    assert client.post(action_url(*three), form()).status_code == 403
    assert not AwardDecision.objects.exists()


def test_hostile_ids_select_nothing(client, three, campaign_officer):
    client.force_login(campaign_officer)
    url = f"{ACTION}?id=abc&id=1%27%20OR%201=1&next={LISTING}"
    assert client.get(url).status_code == 200
    assert client.post(url, form()).status_code == 200
    assert not AwardDecision.objects.exists()
