"""The admin: permissions by role, the participation form's stage change, the duplicate guard."""

from datetime import date

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from campaigns.models import Campaign, ExemplarPage, Participation, StageEvent
from tests.campaigns.conftest import join

pytestmark = pytest.mark.django_db

CAMPAIGNS = "/admin/snippets/campaigns/campaign/"
PARTICIPATIONS = "/admin/snippets/campaigns/participation/"


def campaign_data(**fields) -> dict:
    data = {
        "title": "Phong trào Dân vận khéo",
        "code": "15/KH-BDV",
        "slug": "",
        "issuing_body": "Ban Dân vận Tỉnh ủy",
        "start_date": "2024-01-01",
        "end_date": "2025-12-31",
        "scope": "province",
        "scope_locality": "",
        "scope_sector": "",
        "goal": "Nhân rộng các mô hình dân vận khéo.",
        "description": rich_text(""),
        "status": "running",
        "report_place": "Sơn Hà",
        "targets": inline_formset(
            [{"year": "2024", "half": "0", "category": "model", "number": "4"}]
        ),
        "criteria": inline_formset([{"text": "Được nhân dân đồng tình"}]),
    }
    data.update(fields)
    return nested_form_data(data)


def test_officer_adds_a_campaign_with_targets(client, campaign_officer):
    client.force_login(campaign_officer)
    response = client.post(f"{CAMPAIGNS}add/", campaign_data())
    assert response.status_code == 302, response.content.decode()[:3000]
    campaign = Campaign.objects.get(code="15/KH-BDV")
    assert [(t.year, t.category, t.number) for t in campaign.targets.all()] == [(2024, "model", 4)]
    assert campaign.criteria.get().text == "Được nhân dân đồng tình"


def test_admin_form_shows_the_target_rules(client, campaign_officer):
    client.force_login(campaign_officer)
    data = campaign_data(
        targets=inline_formset(
            [
                {"year": "2027", "half": "0", "category": "model", "number": "4"},
                {"year": "2024", "half": "0", "category": "household", "number": "-1"},
            ]
        )
    )
    html = client.post(f"{CAMPAIGNS}add/", nested_form_data(data)).content.decode()
    assert "Chỉ tiêu năm 2027 nằm ngoài thời gian của phong trào" in html
    assert "Chỉ tiêu không thể là số âm." in html
    html = client.post(f"{CAMPAIGNS}add/", campaign_data(end_date="2023-01-01")).content.decode()
    assert "Ngày kết thúc không thể trước ngày bắt đầu" in html
    assert not Campaign.objects.exists()


def test_two_targets_for_the_same_slot_are_refused(client, campaign_officer):
    client.force_login(campaign_officer)
    row = {"year": "2024", "half": "0", "category": "model", "number": "4"}
    data = campaign_data(targets=inline_formset([row, {**row, "number": "5"}]))
    response = client.post(f"{CAMPAIGNS}add/", nested_form_data(data))
    assert response.status_code == 200
    assert "Đã có chỉ tiêu cho loại này trong cùng năm và cùng kỳ." in response.content.decode()
    assert not Campaign.objects.exists()


def test_journalist_reads_campaigns_but_cannot_change_them(client, campaign, journalist):
    client.force_login(journalist)
    assert client.get(CAMPAIGNS).status_code == 200
    assert campaign.title in client.get(CAMPAIGNS).content.decode()
    assert client.get(f"{CAMPAIGNS}inspect/{campaign.pk}/").status_code == 200
    assert (
        client.get(
            f"/admin/snippets/campaigns/campaign/dashboard/{campaign.pk}/?year=2024"
        ).status_code
        == 200
    )
    assert client.get(f"{CAMPAIGNS}edit/{campaign.pk}/").status_code in (302, 403)
    response = client.post(f"{CAMPAIGNS}edit/{campaign.pk}/", campaign_data(title="Đổi tên"))
    assert response.status_code in (302, 403)
    assert Campaign.objects.get(pk=campaign.pk).title != "Đổi tên"
    client.post(f"{CAMPAIGNS}add/", campaign_data())
    assert not Campaign.objects.filter(code="15/KH-BDV").exists()
    assert not journalist.has_perm("campaigns.change_campaign")
    assert not journalist.has_perm("campaigns.change_participation")


def test_readers_without_admin_get_no_dashboard(client, campaign):
    assert (
        client.get(f"/admin/snippets/campaigns/campaign/dashboard/{campaign.pk}/").status_code
        == 302
    )


def test_campaign_officer_cannot_publish_stories(campaign_officer, make_story):
    story = make_story("Bài của tòa soạn")
    perms = story.permissions_for_user(campaign_officer)
    assert not perms.can_publish()
    assert not perms.can_edit()
    assert campaign_officer.has_perm("campaigns.change_campaign")


def participation_data(campaign, exemplar, **fields) -> dict:
    data = {
        "campaign": campaign.pk,
        "exemplar": exemplar.pk,
        "new_stage": "1",
        "stage_date": "2024-03-01",
        "stage_reason": "",
        "featured": "",
        "notes": "",
        "assessments": inline_formset([]),
        "recognitions": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def test_joining_records_who_discovered_when(client, campaign, make_exemplar, campaign_officer):
    exemplar = make_exemplar("Lò Thị Mai")
    client.force_login(campaign_officer)
    response = client.post(f"{PARTICIPATIONS}add/", participation_data(campaign, exemplar))
    assert response.status_code == 302, response.content.decode()[:3000]
    event = StageEvent.objects.get(participation__exemplar=exemplar)
    assert (event.stage, event.happened_on, event.recorded_by) == (
        1,
        date(2024, 3, 1),
        campaign_officer,
    )


def test_recognition_before_discovery_in_the_same_form(
    client, campaign, make_exemplar, campaign_officer
):
    exemplar = make_exemplar("Lò Thị Mai")
    client.force_login(campaign_officer)
    data = participation_data(
        campaign,
        exemplar,
        recognitions=inline_formset(
            [
                {
                    "level": "commune",
                    "form": "certificate",
                    "decision_number": "3/QĐ-UBND",
                    "decision_date": "2024-02-01",
                    "year": "",
                }
            ]
        ),
    )
    html = client.post(f"{PARTICIPATIONS}add/", nested_form_data(data)).content.decode()
    assert "không thể trước ngày phát hiện điển hình (01/03/2024)" in html
    assert not Participation.objects.exists()


def test_moving_back_in_the_admin_needs_a_reason(client, campaign, make_exemplar, campaign_officer):
    part = join(
        campaign,
        make_exemplar("Lò Thị Mai"),
        [(1, date(2024, 3, 1), ""), (2, date(2024, 5, 1), "")],
    )
    client.force_login(campaign_officer)
    url = f"{PARTICIPATIONS}edit/{part.pk}/"
    data = participation_data(campaign, part.exemplar, new_stage="1", stage_date="2024-06-01")
    html = client.post(url, data).content.decode()
    assert "Lùi từ giai đoạn Bồi dưỡng về Phát hiện phải ghi rõ lý do." in html
    data = participation_data(campaign, part.exemplar, new_stage="3", stage_date="2024-04-01")
    assert "không thể trước lần chuyển gần nhất" in client.post(url, data).content.decode()
    assert part.stage_events.count() == 2
    data = participation_data(
        campaign,
        part.exemplar,
        new_stage="1",
        stage_date="2024-06-01",
        stage_reason="Cần xác minh lại",
    )
    assert client.post(url, data).status_code == 302
    assert part.stage_events.last().reason == "Cần xác minh lại"
    # Saving without choosing a stage keeps the history as it is; the exemplar stays.
    other = make_exemplar("Người khác")
    data = participation_data(campaign, other, new_stage="", stage_date="", notes="ok")
    assert client.post(url, data).status_code == 302
    assert part.stage_events.count() == 3
    part.refresh_from_db()
    assert part.notes == "ok"
    assert part.exemplar.title == "Lò Thị Mai"


def exemplar_form(title: str, locality, **fields) -> dict:
    data = {
        "title": title,
        "slug": "",
        "kind": "individual",
        "field": "economy",
        "position": "",
        "organisation": "",
        "locality": locality.pk,
        "summary": "",
        "achievements": rich_text(""),
        "photo": "",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


def test_duplicate_guard_asks_before_a_second_exemplar(
    client, exemplar_index, make_exemplar, commune, campaign_officer
):
    make_exemplar("Lò Văn Pọm")
    client.force_login(campaign_officer)
    url = f"/admin/pages/add/campaigns/exemplarpage/{exemplar_index.pk}/"
    response = client.post(url, exemplar_form("lo van pom", commune, slug="lo-van-pom-2"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Đã có gương điển hình “Lò Văn Pọm” ở Xã Nậm Mơ" in html
    assert ExemplarPage.objects.count() == 1
    response = client.post(
        url, exemplar_form("lo van pom", commune, slug="lo-van-pom-2", confirm_duplicate="on")
    )
    assert response.status_code == 302
    assert ExemplarPage.objects.count() == 2


def test_same_name_elsewhere_is_not_a_duplicate(
    client, exemplar_index, make_exemplar, commune, campaign_officer
):
    from core.models import Locality

    make_exemplar("Lò Văn Pọm")
    other = Locality.objects.create(name="Xã Tà Xùa", level="commune", parent=commune.parent)
    client.force_login(campaign_officer)
    url = f"/admin/pages/add/campaigns/exemplarpage/{exemplar_index.pk}/"
    response = client.post(url, exemplar_form("Lò Văn Pọm", other, slug="lo-van-pom-ta-xua"))
    assert response.status_code == 302
    assert ExemplarPage.objects.count() == 2
