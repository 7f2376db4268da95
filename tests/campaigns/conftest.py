"""A campaign with known answers: five exemplars, targets, stories, pulls and an airing."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from campaigns.choices import CampaignStatus, Stage
from campaigns.models import Campaign, Criterion, ExemplarPage, Participation, Recognition, Target
from core.models import Locality
from stories.models import Channel, StoryExemplar
from syndication.models import AiringConfirmation, Delivery, FeedPull, Outlet


@pytest.fixture
def commune(db) -> Locality:
    province = Locality.objects.create(name="Tỉnh Sơn Hà", level="province")
    district = Locality.objects.create(name="Huyện Mường Khoa", level="district", parent=province)
    return Locality.objects.create(name="Xã Nậm Mơ", level="commune", parent=district)


@pytest.fixture
def make_exemplar(exemplar_index, commune):
    def _make(title: str, kind: str = "individual", locality=None) -> ExemplarPage:
        page = ExemplarPage(title=title, kind=kind, field="economy", locality=locality or commune)
        exemplar_index.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    return _make


def join(campaign, exemplar, moves, user=None) -> Participation:
    """moves: [(stage, date, reason)] recorded in order through the model's rules."""
    participation = Participation.objects.create(campaign=campaign, exemplar=exemplar)
    for stage, day, reason in moves:
        participation.move_to(stage, day, by=user, reason=reason)
    return participation


def aware(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 9, 0))


@pytest.fixture
def campaign(db) -> Campaign:
    campaign = Campaign.objects.create(
        title="Kế hoạch phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến",
        code="60/KH-UBND",
        issuing_body="Ủy ban nhân dân tỉnh Sơn Hà",
        start_date=date(2024, 1, 1),
        end_date=date(2025, 12, 31),
        goal="Mỗi xã có ít nhất một mô hình hay được nhân rộng.",
        status=CampaignStatus.RUNNING,
        report_place="Sơn Hà",
    )
    Target.objects.create(campaign=campaign, year=2024, category="collective", number=2)
    Target.objects.create(campaign=campaign, year=2024, category="individual", number=3)
    Target.objects.create(campaign=campaign, year=2025, category="individual", number=1)
    Criterion.objects.create(campaign=campaign, text="Có thành tích được địa phương xác nhận")
    Criterion.objects.create(campaign=campaign, text="Có khả năng nhân rộng")
    return campaign


@pytest.fixture
def known(client, campaign, make_exemplar, make_story, campaign_officer):
    """The fixture whose 2024 answers the tests assert (see test_dashboard)."""
    d = date
    a = make_exemplar("Hợp tác xã Chè Shan", "collective")
    b = make_exemplar("Tổ hợp tác Mây tre", "collective")
    c = make_exemplar("Lò Văn Pọm")
    dd = make_exemplar("Hà Thị Nga")
    e = make_exemplar("Nguyễn Văn Tư")
    parts = {
        "a": join(
            campaign,
            a,
            [(1, d(2024, 2, 1), ""), (2, d(2024, 4, 1), ""), (3, d(2024, 9, 1), "")],
            campaign_officer,
        ),
        "b": join(campaign, b, [(1, d(2024, 3, 1), ""), (2, d(2024, 10, 1), "")]),
        "c": join(
            campaign,
            c,
            [
                (1, d(2024, 1, 15), ""),
                (2, d(2024, 3, 1), ""),
                (3, d(2024, 5, 1), ""),
                (4, d(2024, 11, 1), ""),
            ],
        ),
        "d": join(
            campaign,
            dd,
            [
                (1, d(2024, 6, 1), ""),
                (2, d(2024, 7, 1), ""),
                (1, d(2024, 8, 1), "Hồ sơ chưa đủ minh chứng"),
            ],
        ),
        "e": join(campaign, e, [(1, d(2025, 2, 1), "")]),
    }
    Recognition.objects.create(
        participation=parts["c"],
        level="province",
        form="merit",
        decision_number="12/QĐ-UBND",
        decision_date=d(2024, 12, 10),
    )
    newspaper_channel = Channel.objects.get(code="newspaper")
    radio_channel = Channel.objects.get(code="radio_tv")
    story_a = make_story("Chè Shan lên núi", publication_date=aware(d(2024, 10, 1)))
    story_a.channels = [newspaper_channel]
    story_a.save()
    StoryExemplar.objects.create(story=story_a, exemplar=a)
    story_c = make_story("Ông Pọm và rừng quế", publication_date=aware(d(2024, 6, 1)))
    story_c.channels = [radio_channel]
    story_c.save()
    StoryExemplar.objects.create(story=story_c, exemplar=c)
    draft = make_story("Bản nháp về Mây tre", live=False)
    StoryExemplar.objects.create(story=draft, exemplar=b)
    newspaper = Outlet.objects.create(name="Báo Sơn Hà", kind="newspaper")
    radio = Outlet.objects.create(name="Đài Phát thanh tỉnh", kind="radio")
    # The newspaper pulls its feed (a real request): story a reaches it, on 2 October 2024.
    assert client.get(f"/feeds/outlet/{newspaper.pk}.rss").status_code == 200
    Delivery.objects.filter(outlet=newspaper).update(
        first_reached_at=aware(d(2024, 10, 2)), last_reached_at=aware(d(2024, 10, 2))
    )
    FeedPull.objects.create(outlet=radio, feed="radio", status=500)  # failed
    AiringConfirmation.objects.create(
        outlet=radio, story=story_c, confirmed_at=aware(d(2024, 6, 3))
    )
    return {
        "parts": parts,
        "exemplars": {"a": a, "b": b, "c": c, "d": dd, "e": e},
        "stories": {"a": story_a, "c": story_c},
        "outlets": {"newspaper": newspaper, "radio": radio},
        "stage": Stage,
    }


from tests.engagement.conftest import send  # noqa: E402, F401  (the beacon, for reach tests)
