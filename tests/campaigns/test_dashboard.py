"""Dashboard figures on a fixture with known answers, the screens, and their query budget."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.choices import Half
from campaigns.dashboard import campaign_figures
from tests.campaigns.conftest import aware, join

pytestmark = pytest.mark.django_db


def by_category(figures):
    return {row.category: row for row in figures.categories}


def test_year_targets_against_achieved(campaign, known):
    figures = campaign_figures(campaign, 2024)
    rows = by_category(figures)
    assert (rows["collective"].target, rows["collective"].achieved) == (2, 1)
    assert (rows["individual"].target, rows["individual"].achieved) == (3, 1)
    assert rows["collective"].by_stage == {3: 1, 2: 1}
    assert rows["individual"].by_stage == {4: 1, 1: 1}  # Nga moved back to discovered
    assert (figures.total_target, figures.total_achieved) == (5, 2)
    assert figures.stage_totals == [1, 1, 1, 1]
    assert rows["collective"].percent == 50


def test_stage_funnel_counts_reached_at_least(campaign, known):
    figures = campaign_figures(campaign, 2024)
    assert figures.funnel == [("Phát hiện", 4), ("Bồi dưỡng", 4), ("Tổng kết", 2), ("Nhân rộng", 1)]


def test_first_half_uses_the_stage_on_its_last_day(campaign, known):
    figures = campaign_figures(campaign, 2024, Half.FIRST)
    rows = by_category(figures)
    assert rows["collective"].by_stage == {2: 1, 1: 1}
    assert rows["individual"].by_stage == {3: 1, 1: 1}
    assert rows["individual"].achieved == 1 and rows["collective"].achieved == 0
    assert rows["individual"].target is None  # the plan set yearly targets only


def test_next_year_counts_the_late_exemplar(campaign, known):
    figures = campaign_figures(campaign, 2025)
    assert by_category(figures)["individual"].target == 1
    assert len(figures.exemplars) == 5


def test_publicity_and_reach(campaign, known):
    figures = campaign_figures(campaign, 2024)
    titles = {row.exemplar.title: row for row in figures.exemplars}
    assert {row.exemplar.title for row in figures.not_publicised} == {
        "Tổ hợp tác Mây tre",  # a draft does not count
        "Hà Thị Nga",
    }
    assert titles["Hợp tác xã Chè Shan"].story_count == 1
    assert [o.name for o in titles["Hợp tác xã Chè Shan"].outlets] == ["Báo Sơn Hà"]
    assert [o.name for o in titles["Lò Văn Pọm"].outlets] == ["Đài Phát thanh tỉnh"]
    assert all(row.views == 0 for row in figures.exemplars)  # nobody has read them yet
    assert [(r.outlet.name, len(r.stories)) for r in figures.outlets] == [
        ("Báo Sơn Hà", 1),
        ("Đài Phát thanh tỉnh", 1),
    ]
    assert [r.decision_number for r in figures.recognitions] == ["12/QĐ-UBND"]
    assert figures.story_total == 2


def test_a_failed_pull_does_not_count_as_reach(campaign, known):
    known["stories"]["c"].airing_confirmations.all().delete()
    figures = campaign_figures(campaign, 2024)
    row = next(r for r in figures.exemplars if r.exemplar.title == "Lò Văn Pọm")
    assert row.outlets == []


def test_dashboard_page_shows_the_figures(client, campaign, known, campaign_officer):
    client.force_login(campaign_officer)
    response = client.get(
        f"/admin/snippets/campaigns/campaign/dashboard/{campaign.pk}/", {"year": 2024}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="total-target">5<' in html
    assert 'class="total-achieved">2<' in html
    assert "Chưa được tuyên truyền (2)" in html
    assert "Tổ hợp tác Mây tre" in html
    assert "Báo Sơn Hà" in html


def test_dashboard_rejects_a_year_outside_the_campaign(client, campaign, campaign_officer):
    client.force_login(campaign_officer)
    assert (
        client.get(
            f"/admin/snippets/campaigns/campaign/dashboard/{campaign.pk}/?year=2019"
        ).status_code
        == 404
    )
    assert (
        client.get(
            f"/admin/snippets/campaigns/campaign/dashboard/{campaign.pk}/?year=abc"
        ).status_code
        == 404
    )


def test_timeline_shows_stages_recognitions_criteria_and_stories(client, known, campaign_officer):
    client.force_login(campaign_officer)
    part = known["parts"]["c"]
    html = client.get(
        f"/admin/snippets/campaigns/participation/timeline/{part.pk}/"
    ).content.decode()
    assert html.index("01/05/2024") < html.index("01/11/2024")
    assert "Nhân rộng" in html
    assert "12/QĐ-UBND" in html
    assert "Có khả năng nhân rộng" in html and "Chưa đánh giá" in html
    assert "Ông Pọm và rừng quế" in html
    assert "Đài Phát thanh tỉnh" in html
    back = known["parts"]["d"]
    html = client.get(
        f"/admin/snippets/campaigns/participation/timeline/{back.pk}/"
    ).content.decode()
    assert "Hồ sơ chưa đủ minh chứng" in html
    assert "Chưa được tuyên truyền" in html


def test_dashboard_queries_do_not_grow_with_exemplars(
    client, campaign, known, make_exemplar, make_story, campaign_officer
):
    from datetime import date

    from stories.models import StoryExemplar

    client.force_login(campaign_officer)
    url = f"/admin/snippets/campaigns/campaign/dashboard/{campaign.pk}/?year=2024"

    def count() -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context)

    few = count()
    for n in range(6):
        exemplar = make_exemplar(f"Điển hình thêm {n}", "household")
        join(campaign, exemplar, [(1, date(2024, 3, 1), ""), (2, date(2024, 5, 1), "")])
        story = make_story(f"Bài thêm {n}", publication_date=aware(date(2024, 8, 1)))
        StoryExemplar.objects.create(story=story, exemplar=exemplar)
    response = client.get(url)
    assert "Bài thêm 5" not in response.content.decode()  # titles are not listed, counts are
    assert len(campaign_figures(campaign, 2024).exemplars) == 10
    assert campaign_figures(campaign, 2024).story_total == 8
    assert count() == few


def test_reader_figures_come_from_engagement_roll_ups_within_the_period(campaign, known):
    from datetime import date

    from engagement.models import DailyStat, Scope

    exemplar = known["exemplars"]["a"]
    for day, views, reads, visitors in [
        (date(2024, 5, 2), 40, 10, 30),
        (date(2024, 12, 31), 2, 1, 2),
        (date(2025, 1, 1), 500, 100, 400),
    ]:
        DailyStat.objects.create(
            day=day,
            scope=Scope.EXEMPLAR,
            key=str(exemplar.pk),
            views=views,
            reads=reads,
            visitors=visitors,
        )
    rows = {row.exemplar.title: row for row in campaign_figures(campaign, 2024).exemplars}
    row = rows["Hợp tác xã Chè Shan"]
    assert (row.views, row.reads, row.visitors) == (42, 11, 32)  # 2025 belongs to 2025
    assert (row.outlet_count, row.reach) == (1, 33)  # reach = visitors + outlets
    assert (rows["Lò Văn Pọm"].views, rows["Lò Văn Pọm"].reach) == (0, 1)


def test_campaign_reach_sums_its_exemplars_roll_ups(campaign, known):
    from datetime import date

    from engagement.models import DailyStat, Scope

    for key, views, visitors in [
        (known["exemplars"]["a"].pk, 30, 20),
        (known["exemplars"]["c"].pk, 5, 4),
    ]:
        DailyStat.objects.create(
            day=date(2024, 6, 1), scope=Scope.EXEMPLAR, key=str(key), views=views, visitors=visitors
        )
    reach = campaign_figures(campaign, 2024).reach
    assert (reach.views, reach.visitors) == (35, 24)
    assert campaign_figures(campaign, 2025).reach.views == 0


def test_publicity_columns_say_what_they_show(client, campaign, known, campaign_officer):
    """The audit: "Lượt đọc" showed views under a note saying it was always 0."""
    from datetime import date

    import lxml.html

    from engagement.models import DailyStat, Scope

    DailyStat.objects.create(
        day=date(2024, 5, 2),
        scope=Scope.EXEMPLAR,
        key=str(known["exemplars"]["a"].pk),
        views=40,
        reads=7,
        visitors=25,
    )
    client.force_login(campaign_officer)
    html = client.get(
        f"/admin/snippets/campaigns/campaign/dashboard/{campaign.pk}/", {"year": 2024}
    ).content
    page = lxml.html.fromstring(html.decode())
    table = page.get_element_by_id("publicity")
    headers = [" ".join(th.text_content().split()) for th in table.iter("th")]
    assert headers == [
        "Điển hình",
        "Giai đoạn",
        "Số bài",
        "Đơn vị đã nhận bài",
        "Lượt xem",
        "Lượt đọc hết",
        "Người xem (cộng theo ngày)",
        "Độ lan tỏa",
    ]
    row = table.xpath(f".//tr[@data-exemplar='{known['exemplars']['a'].pk}']")[0]
    cells = {name: row.find_class(name)[0].text_content() for name in ("views", "reads", "reach")}
    assert cells == {"views": "40", "reads": "7", "reach": "26"}
    notes = " ".join(page.find_class("reach-definitions")[0].text_content().split())
    assert "hiện ghi 0" not in html.decode()
    assert "một người đọc nhiều ngày được tính nhiều lần" in notes
