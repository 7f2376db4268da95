"""One truth for reach: an exemplar's and a story's outlets and reach read the same on the
engagement reports, the campaign dashboard, the timeline, the story's "Phát hành & phát sóng"
report and the campaign reports (HTML parsed, CSV and XLSX opened), before and after the feed
pulls are pruned; and every one of those screens costs a fixed number of queries."""

import csv
import io
from datetime import date, timedelta

import lxml.html
import pytest
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook

from campaigns.choices import CampaignStatus
from campaigns.models import Campaign
from engagement import rollups
from stories.models import Channel, StoryExemplar
from syndication.models import Delivery, FeedPull, Outlet
from syndication.sources import airing_token
from tests.campaigns.conftest import join

pytestmark = pytest.mark.django_db


def _text(node) -> str:
    return " ".join(node.text_content().split())


def _page(client, url, **query) -> lxml.html.HtmlElement:
    response = client.get(url, query)
    assert response.status_code == 200, url
    return lxml.html.fromstring(response.content.decode())


@pytest.fixture
def world(client, send, make_exemplar, make_story):
    """This year's campaign; one exemplar with two stories; four outlets acting for real."""
    today = timezone.localdate()
    campaign = Campaign.objects.create(
        title="Phong trào thi đua năm nay",
        code="9/KH-UBND",
        issuing_body="Ủy ban nhân dân tỉnh Sơn Hà",
        start_date=date(today.year, 1, 1),
        end_date=date(today.year + 1, 12, 31),
        status=CampaignStatus.RUNNING,
    )
    exemplar = make_exemplar("Nguyễn Thị Ước")
    join(campaign, exemplar, [(1, date(today.year, 1, 2), "")])
    radio_story = make_story("Bà Ước và vườn cam")
    radio_story.channels.set(
        [Channel.objects.get(code="newspaper"), Channel.objects.get(code="radio_tv")]
    )
    paper_story = make_story("Chuyện cam ở xã Nậm Mơ")
    paper_story.channels.set([Channel.objects.get(code="newspaper")])
    for story in (radio_story, paper_story):
        story.save_revision().publish()
        StoryExemplar.objects.create(story=story, exemplar=exemplar)
    newspaper = Outlet.objects.create(name="Báo Sơn Hà", kind="newspaper")
    radio = Outlet.objects.create(name="Đài Phát thanh tỉnh", kind="radio")
    portal = Outlet.objects.create(name="Cổng thông tin tỉnh", kind="portal")
    station = Outlet(name="Đài truyền thanh xã Nậm Mơ", kind="loudspeaker")
    station.regenerate_token()
    station.save()

    first = client.get(f"/feeds/outlet/{newspaper.pk}.rss")
    assert first.status_code == 200
    again = client.get(f"/feeds/outlet/{newspaper.pk}.rss", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert client.get(f"/feeds/outlet/{radio.pk}/radio.rss").status_code == 200
    assert client.get(f"/feeds/outlet/{portal.pk}.rss").status_code == 200  # not its channel
    assert client.get(f"/feeds/outlet/{station.pk}/radio.rss").status_code == 403  # no token
    script = f"/radio/script/{radio_story.pk}.txt?outlet={radio.pk}"
    assert client.get(script).status_code == 200
    assert (
        client.post(f"/radio/confirm/{airing_token(radio.pk, radio_story.pk)}/").status_code == 200
    )

    for ip in ("203.0.113.1", "203.0.113.2"):
        send({"t": "view", "p": radio_story.pk}, ip=ip)
    send({"t": "read", "p": radio_story.pk}, ip="203.0.113.1")
    send({"t": "view", "p": paper_story.pk}, ip="203.0.113.3")
    send({"t": "view", "p": exemplar.pk}, ip="203.0.113.4")
    rollups.rollup_day(today)
    return {
        "campaign": campaign,
        "participation": campaign.participations.get(),
        "exemplar": exemplar,
        "radio_story": radio_story,
        "paper_story": paper_story,
        "outlets": {"newspaper": newspaper, "radio": radio, "portal": portal},
        "today": today,
    }


def engagement_rows(client, scope: str, today: date) -> dict[str, dict[str, str]]:
    """The engagement report exported as CSV, as an officer opens it in a spreadsheet."""
    response = client.get(
        f"/admin/engagement/{scope}/",
        {
            "day_from": date(today.year, 1, 1).isoformat(),
            "day_to": today.isoformat(),
            "export": "csv",
        },
    )
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return {row["Tên"]: row for row in csv.DictReader(io.StringIO(text))}


def story_report_outlets(client, story) -> int:
    """The story's "Phát hành & phát sóng" report (for those who may edit the story)."""
    report = _page(client, f"/admin/syndication/story/{story.pk}/")
    return int(_text(report.find_class("reach-outlets")[0]))


def screens(client, world) -> dict[str, tuple]:
    """(outlets, reach) of the exemplar and of the radio story, as each screen shows them."""
    exemplar, story, today = world["exemplar"], world["radio_story"], world["today"]
    campaign, participation = world["campaign"], world["participation"]
    seen = {}

    by_exemplar = engagement_rows(client, "exemplar", today)[exemplar.title]
    by_story = engagement_rows(client, "story", today)[story.title]
    seen["engagement"] = (
        int(by_exemplar["Đơn vị đã nhận bài"]),
        int(by_exemplar["Độ lan tỏa (người xem + đơn vị)"]),
        int(by_story["Đơn vị đã nhận bài"]),
        int(by_story["Độ lan tỏa (người xem + đơn vị)"]),
    )

    dashboard = _page(
        client, f"/admin/snippets/campaigns/campaign/dashboard/{campaign.pk}/", year=today.year
    )
    row = dashboard.xpath(f"//table[@id='publicity']//tr[@data-exemplar='{exemplar.pk}']")[0]
    outlets = int(_text(row.find_class("outlet-count")[0]))
    seen["dashboard"] = (outlets, int(_text(row.find_class("reach")[0])))

    timeline = _page(
        client, f"/admin/snippets/campaigns/participation/timeline/{participation.pk}/"
    )
    summary = timeline.get_element_by_id("exemplar-reach")
    story_row = timeline.xpath(f"//table[@id='stories']//tr[@data-story='{story.pk}']")[0]
    seen["timeline"] = (
        int(_text(summary.find_class("outlets")[0])),
        int(_text(summary.find_class("reach")[0])),
        int(story_row.find_class("outlets")[0].get("data-count")),
        int(_text(story_row.find_class("reach")[0])),
    )

    printed = _page(
        client,
        f"/admin/snippets/campaigns/campaign/report/{campaign.pk}/",
        year=today.year,
        format="html",
    )
    cells = printed.get_element_by_id("reach").xpath(".//tbody/tr")[0]
    seen["print"] = (
        int(_text(cells.find_class("outlet-count")[0])),
        int(_text(cells.find_class("reach")[0])),
    )

    xlsx = client.get(
        f"/admin/snippets/campaigns/campaign/report/{campaign.pk}/",
        {"year": today.year, "format": "xlsx"},
    )
    sheet = load_workbook(io.BytesIO(xlsx.content))["Tuyên truyền"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows.index(next(r for r in rows if r[0] == "Điển hình"))
    values = dict(zip(rows[header], rows[header + 1], strict=False))
    seen["xlsx"] = (values["Số đơn vị đã nhận bài"], values["Độ lan tỏa"])
    return seen


def test_every_screen_shows_the_same_outlets_and_reach(
    client, campaign_officer, editor_in_chief, world
):
    client.force_login(editor_in_chief)  # the story report needs edit rights on the story
    story_report = story_report_outlets(client, world["radio_story"])
    client.force_login(campaign_officer)
    seen = screens(client, world)
    # The exemplar: the newspaper (both stories, by feed) and the radio station (feed, script,
    # airing), not the portal (other channel) nor the station refused for its token: 2 outlets.
    # Visitors summed over days: 2 (radio story) + 1 (paper story) + 1 (profile) = 4; reach 6.
    # The radio story: 2 outlets, 2 visitors, reach 4.
    assert seen["engagement"] == (2, 6, 2, 4)
    assert seen["dashboard"] == (2, 6)
    assert seen["timeline"] == (2, 6, 2, 4)
    assert seen["print"] == seen["xlsx"] == (2, 6)
    assert story_report == 2


def test_the_same_after_feed_pulls_are_pruned(
    client, campaign_officer, editor_in_chief, world, settings
):
    client.force_login(campaign_officer)
    before = screens(client, world)
    settings.ENGAGEMENT_PRUNE_FEED_PULLS = True
    FeedPull.objects.update(pulled_at=timezone.now() - timedelta(days=40))
    call_command("engagement_prune", "--days", "30")
    assert not FeedPull.objects.exists()
    rollups.rollup_day(world["today"])  # today's roll-up is recomputed without the pulls
    assert screens(client, world) == before
    client.force_login(editor_in_chief)
    assert story_report_outlets(client, world["radio_story"]) == 2


def test_a_delivery_counts_once_per_outlet_and_story(client, world):
    radio, story = world["outlets"]["radio"], world["radio_story"]
    kinds = set(Delivery.objects.filter(outlet=radio, story=story).values_list("kind", flat=True))
    assert kinds == {"feed", "script", "airing"}
    for _ in range(3):  # polling again changes nothing: one row per outlet, story and kind
        assert client.get(f"/feeds/outlet/{radio.pk}/radio.rss").status_code == 200
    assert Delivery.objects.filter(outlet=radio, story=story).count() == 3
    assert not Delivery.objects.filter(outlet=world["outlets"]["portal"]).exists()


SCREENS = {
    "dashboard": lambda w: (
        f"/admin/snippets/campaigns/campaign/dashboard/{w['campaign'].pk}/",
        {},
    ),
    "timeline": lambda w: (
        f"/admin/snippets/campaigns/participation/timeline/{w['participation'].pk}/",
        {},
    ),
    "print report": lambda w: (
        f"/admin/snippets/campaigns/campaign/report/{w['campaign'].pk}/",
        {"format": "html"},
    ),
    "spreadsheet": lambda w: (
        f"/admin/snippets/campaigns/campaign/report/{w['campaign'].pk}/",
        {"format": "xlsx"},
    ),
    "engagement exemplars": lambda w: ("/admin/engagement/exemplar/", {}),
    "engagement stories": lambda w: ("/admin/engagement/story/", {}),
    "story report": lambda w: (f"/admin/syndication/story/{w['radio_story'].pk}/", {}),
}


@pytest.mark.parametrize("screen", SCREENS)
def test_reach_screens_cost_a_fixed_number_of_queries(
    screen,
    client,
    campaign_officer,
    editor_in_chief,
    world,
    make_story,
    django_assert_max_num_queries,
):
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    client.force_login(editor_in_chief if screen == "story report" else campaign_officer)
    url, query = SCREENS[screen](world)
    client.get(url, query)
    reset_queries()  # the fixture's work filled the query log (it keeps 9,000)
    with CaptureQueriesContext(connection) as baseline:
        assert client.get(url, query).status_code == 200
    budget = len(baseline)  # now: the log moves on
    newspaper = Channel.objects.get(code="newspaper")
    for number in range(4):  # more stories about the exemplar, each reaching more outlets
        outlet = Outlet.objects.create(name=f"Báo huyện số {number}", kind="newspaper")
        story = make_story(f"Bài thêm số {number}")
        story.channels.set([newspaper])
        story.save_revision().publish()
        StoryExemplar.objects.create(story=story, exemplar=world["exemplar"])
        assert client.get(f"/feeds/outlet/{outlet.pk}.rss").status_code == 200
        assert (
            client.get(f"/feeds/outlet/{world['outlets']['newspaper'].pk}.rss").status_code == 200
        )
    rollups.rollup_day(world["today"])
    assert Delivery.objects.count() > 10
    client.get(url, query)
    with django_assert_max_num_queries(budget):
        assert client.get(url, query).status_code == 200
