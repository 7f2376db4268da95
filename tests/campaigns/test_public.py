"""The public campaign page and the directory's campaign filter."""

from datetime import date

import pytest

from campaigns.choices import CampaignStatus
from campaigns.models import Campaign, Participation

pytestmark = pytest.mark.django_db


def campaign_url(exemplar_index, campaign) -> str:
    return f"{exemplar_index.url}phong-trao/{campaign.slug}/"


def test_campaign_page_shows_goal_period_progress_exemplars_and_stories(
    client, exemplar_index, campaign, known
):
    Participation.objects.filter(pk=known["parts"]["b"].pk).update(featured=True)
    response = client.get(campaign_url(exemplar_index, campaign))
    assert response.status_code == 200
    html = response.content.decode()
    assert campaign.title in html
    assert "Mỗi xã có ít nhất một mô hình hay được nhân rộng." in html
    assert "từ 01/01/2024 đến 31/12/2025" in html
    assert "5 gương điển hình tham gia" in html
    assert "2 đã qua giai đoạn tổng kết" in html
    assert "Năm 2024: 2 / 5 theo chỉ tiêu" in html
    assert "Năm 2025: 0 / 1 theo chỉ tiêu" in html
    assert html.index("Tổ hợp tác Mây tre") < html.index("Lò Văn Pọm")  # featured first
    assert "Chè Shan lên núi" in html and "Ông Pọm và rừng quế" in html
    assert "Bản nháp về Mây tre" not in html
    assert f"?campaign={campaign.pk}" in html


def test_planned_or_unknown_campaigns_are_not_public(client, exemplar_index, campaign):
    Campaign.objects.filter(pk=campaign.pk).update(status=CampaignStatus.PLANNED)
    assert client.get(campaign_url(exemplar_index, campaign)).status_code == 404
    assert client.get(f"{exemplar_index.url}phong-trao/khong-co/").status_code == 404
    assert client.get(exemplar_index.url).status_code == 200  # the directory still works


def test_directory_filters_by_campaign(client, exemplar_index, campaign, make_exemplar):
    from tests.campaigns.conftest import join

    inside = make_exemplar("Hợp tác xã Chè Shan", "collective")
    make_exemplar("Mô hình Tuyến phố xanh", "model")
    join(campaign, inside, [(1, date(2024, 3, 1), "")])
    html = client.get(exemplar_index.url, {"campaign": campaign.pk}).content.decode()
    assert "Hợp tác xã Chè Shan" in html
    assert "Mô hình Tuyến phố xanh" not in html
    assert "1 gương điển hình" in html
    everything = client.get(exemplar_index.url).content.decode()
    assert "Mô hình Tuyến phố xanh" in everything
    assert f'<option value="{campaign.pk}"' in everything


def test_directory_refuses_a_planned_campaign_with_a_message(
    client, exemplar_index, campaign, make_exemplar
):
    Campaign.objects.filter(pk=campaign.pk).update(status=CampaignStatus.PLANNED)
    response = client.get(exemplar_index.url, {"campaign": campaign.pk})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()


def test_the_cached_campaign_page_follows_the_campaign_and_its_participants(
    client, exemplar_index, campaign, make_exemplar
):
    """Campaigns are snippets, not pages: their changes retire the page cache too."""
    url = campaign_url(exemplar_index, campaign)
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    campaign.goal = "Mỗi thôn, bản có một gương người tốt việc tốt."
    campaign.save()
    assert "Mỗi thôn, bản có một gương người tốt việc tốt." in client.get(url).content.decode()
    exemplar = make_exemplar("Chị Lường Thị Hoa")
    assert "Chị Lường Thị Hoa" not in client.get(url).content.decode()  # stored again
    Participation.objects.create(campaign=campaign, exemplar=exemplar)
    assert "Chị Lường Thị Hoa" in client.get(url).content.decode()
