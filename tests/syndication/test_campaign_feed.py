"""A campaign's feed carries the stories about its exemplars, and follows who takes part."""

from datetime import date

import feedparser
import pytest

from campaigns.choices import CampaignStatus
from campaigns.models import Campaign, ExemplarPage, Participation
from stories.models import StoryExemplar

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(db) -> Campaign:
    return Campaign.objects.create(
        title="Kế hoạch nhân rộng điển hình tiên tiến",
        code="25/KH-UBND",
        issuing_body="Ủy ban nhân dân tỉnh",
        start_date=date(2025, 1, 1),
        end_date=date(2026, 12, 31),
        status=CampaignStatus.RUNNING,
    )


def exemplar(index, title: str) -> ExemplarPage:
    page = ExemplarPage(title=title, kind="individual", field="economy")
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def titles(client, campaign) -> list[str]:
    response = client.get(f"/feeds/campaign/{campaign.slug}.rss")
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo
    return [entry.title for entry in parsed.entries]


def test_campaign_feed_follows_its_participants(client, campaign, exemplar_index, make_story):
    inside = exemplar(exemplar_index, "Lò Văn Pọm")
    outside = exemplar(exemplar_index, "Hà Thị Nga")
    about_inside = make_story("Ông Pọm giữ rừng")
    StoryExemplar.objects.create(story=about_inside, exemplar=inside)
    about_outside = make_story("Bà Nga mở lớp")
    StoryExemplar.objects.create(story=about_outside, exemplar=outside)
    draft = make_story("Bản nháp về ông Pọm", live=False)
    StoryExemplar.objects.create(story=draft, exemplar=inside)

    Participation.objects.create(campaign=campaign, exemplar=inside)
    assert titles(client, campaign) == ["Ông Pọm giữ rừng"]

    # A new participant's stories appear at once: the feed cache follows participation.
    Participation.objects.create(campaign=campaign, exemplar=outside)
    assert sorted(titles(client, campaign)) == ["Bà Nga mở lớp", "Ông Pọm giữ rừng"]


def test_planned_campaign_has_no_feed_and_pages_advertise_it(client, campaign, exemplar_index):
    url = f"/feeds/campaign/{campaign.slug}.atom"
    assert client.get(url).status_code == 200
    page = client.get(f"{exemplar_index.url}phong-trao/{campaign.slug}/").content.decode()
    assert f'href="/feeds/campaign/{campaign.slug}.rss"' in page
    campaign.status = CampaignStatus.PLANNED
    campaign.save()
    assert client.get(url).status_code == 404
