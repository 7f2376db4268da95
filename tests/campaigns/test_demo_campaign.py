"""The demo campaign: `make run` shows a dashboard with data, and every campaign screen renders."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from campaigns.dashboard import campaign_figures
from campaigns.models import Campaign, ExemplarIndexPage, Participation, StageEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_module, db):
    """The demo's campaign (the demo loaded once for this file, tests/conftest.py)."""
    return Campaign.objects.get(code="25/KH-UBND")


def test_demo_campaign_has_figures_at_several_stages(demo):
    figures = campaign_figures(demo, 2025)
    assert figures.total_target == 6
    assert figures.total_achieved == 2  # Trần Thị Hai and the TD7 residential group
    assert len(figures.not_publicised) == 5  # the demo's stories are all dated 2026
    assert len(figures.recognitions) == 1
    stages = {p.stage for p in Participation.objects.filter(campaign=demo)}
    assert stages == {1, 2, 3, 4}
    later = campaign_figures(demo, 2026)
    assert later.not_publicised == []
    assert any(row.outlets for row in later.exemplars)  # the radio confirmed an airing


def test_demo_campaign_is_loaded_once(demo):
    events = StageEvent.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert Campaign.objects.count() == 1
    assert StageEvent.objects.count() == events


def test_every_campaign_screen_renders_for_the_officer(client, demo):
    client.force_login(User.objects.get(username="thidua"))
    part = Participation.objects.filter(campaign=demo).first()
    for url in (
        "/admin/snippets/campaigns/campaign/",
        f"/admin/snippets/campaigns/campaign/edit/{demo.pk}/",
        "/admin/snippets/campaigns/campaign/add/",
        "/admin/snippets/campaigns/participation/",
        f"/admin/snippets/campaigns/participation/edit/{part.pk}/",
        "/admin/snippets/campaigns/participation/add/",
        f"/admin/snippets/campaigns/campaign/dashboard/{demo.pk}/",
        f"/admin/snippets/campaigns/campaign/dashboard/{demo.pk}/?year=2025&half=2",
        f"/admin/snippets/campaigns/participation/timeline/{part.pk}/",
        f"/admin/snippets/campaigns/campaign/report/{demo.pk}/?year=2026&half=1",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    listing = client.get("/admin/snippets/campaigns/campaign/").content.decode()
    assert f"/admin/snippets/campaigns/campaign/dashboard/{demo.pk}/" in listing
    home = client.get("/admin/").content.decode()
    assert "/admin/snippets/campaigns/participation/" in home  # in the menu


def test_public_campaign_page_renders(client, demo):
    directory = ExemplarIndexPage.objects.get()
    html = client.get(f"{directory.url}phong-trao/{demo.slug}/").content.decode()
    assert "Kế hoạch phát hiện, bồi dưỡng" in html
    assert "Trần Thị Hai" in html
