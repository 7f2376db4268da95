"""Campaign dates as the campaign officer types them, and correcting a stage event's day.

The audit: the demo campaign (ends 31/12/2026) could not be saved; a stage event typed
05/11/2026 was stored as 11 May and could not be corrected (append-only).
"""

from datetime import date

import lxml.html
import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from campaigns.choices import CampaignStatus, Half
from campaigns.dashboard import campaign_figures
from campaigns.models import (
    Campaign,
    Participation,
    Recognition,
    StageEvent,
    StageEventCorrection,
    Target,
)
from core import roles
from lantoa.demo.content import load
from tests.campaigns.conftest import join
from tests.campaigns.test_admin import participation_data
from tests.dates_forms import as_post, shown_value, submitted_values

pytestmark = pytest.mark.django_db

CAMPAIGNS = "/admin/snippets/campaigns/campaign/"
PARTICIPATIONS = "/admin/snippets/campaigns/participation/"


@pytest.fixture
def demo_campaign(db) -> Campaign:
    """The demo plan 25/KH-UBND as load_demo creates it: 01/01/2025 – 31/12/2026."""
    spec = load().campaign
    campaign = Campaign.objects.create(
        title=spec.title,
        code=spec.code,
        issuing_body=spec.issuing_body,
        start_date=spec.start_date,
        end_date=spec.end_date,
        goal=spec.goal,
        status=CampaignStatus.RUNNING,
    )
    for target in spec.targets:
        Target.objects.create(
            campaign=campaign, year=target.year, category=target.kind, number=target.number
        )
    return campaign


def test_officer_saves_the_demo_campaign_untouched(client, campaign_officer, demo_campaign):
    assert demo_campaign.end_date == date(2026, 12, 31)
    client.force_login(campaign_officer)
    url = f"{CAMPAIGNS}edit/{demo_campaign.pk}/"
    for _ in range(2):  # and again: nothing flips
        html = client.get(url).content.decode()
        assert shown_value(html, "start_date") == "01/01/2025"
        assert shown_value(html, "end_date") == "31/12/2026"
        response = client.post(url, as_post(submitted_values(html, "end_date")))
        assert response.status_code == 302, response.content.decode()[:3000]
        demo_campaign.refresh_from_db()
        assert (demo_campaign.start_date, demo_campaign.end_date) == (
            date(2025, 1, 1),
            date(2026, 12, 31),
        )
    assert demo_campaign.targets.count() == len(load().campaign.targets)


def test_officer_types_a_new_end_date_and_reads_it_back(client, campaign_officer, demo_campaign):
    client.force_login(campaign_officer)
    url = f"{CAMPAIGNS}edit/{demo_campaign.pk}/"
    html = client.get(url).content.decode()
    response = client.post(url, as_post(submitted_values(html, "end_date"), end_date="25/11/2026"))
    assert response.status_code == 302
    demo_campaign.refresh_from_db()
    assert demo_campaign.end_date == date(2026, 11, 25)
    assert shown_value(client.get(url).content.decode(), "end_date") == "25/11/2026"


def test_a_campaign_ending_before_it_starts_is_refused_as_typed(
    client, campaign_officer, demo_campaign
):
    client.force_login(campaign_officer)
    url = f"{CAMPAIGNS}edit/{demo_campaign.pk}/"
    html = client.get(url).content.decode()
    response = client.post(url, as_post(submitted_values(html, "end_date"), end_date="25/11/2024"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ngày kết thúc không thể trước ngày bắt đầu" in page
    assert shown_value(page, "end_date") == "25/11/2024"
    demo_campaign.refresh_from_db()
    assert demo_campaign.end_date == date(2026, 12, 31)


def test_stage_and_recognition_dates_typed_day_first(
    client, campaign_officer, demo_campaign, make_exemplar
):
    exemplar = make_exemplar("Lò Thị Mai")
    client.force_login(campaign_officer)
    data = participation_data(
        demo_campaign,
        exemplar,
        stage_date="05/11/2026",
        recognitions=inline_formset(
            [
                {
                    "level": "commune",
                    "form": "certificate",
                    "decision_number": "3/QĐ-UBND",
                    "decision_date": "12/11/2026",
                    "year": "",
                }
            ]
        ),
    )
    response = client.post(f"{PARTICIPATIONS}add/", nested_form_data(data))
    assert response.status_code == 302, response.content.decode()[:3000]
    participation = Participation.objects.get(exemplar=exemplar)
    assert participation.stage_events.get().happened_on == date(2026, 11, 5)
    assert participation.recognitions.get().decision_date == date(2026, 11, 12)
    html = client.get(f"{PARTICIPATIONS}edit/{participation.pk}/").content.decode()
    assert shown_value(html, "recognitions-0-decision_date") == "12/11/2026"


# --- Correcting a stage event's day ------------------------------------------------------


@pytest.fixture
def swapped_event(demo_campaign, make_exemplar, campaign_officer):
    """Typed 05/11/2026 before the fix: stored as 11 May 2026, then nurtured on 20/11/2026."""
    participation = join(
        demo_campaign,
        make_exemplar("Hà Văn Khoa"),
        [(1, date(2026, 5, 11), "Xã giới thiệu"), (2, date(2026, 11, 20), "")],
        campaign_officer,
    )
    return participation.stage_events.get(stage=1)


def correct_url(event) -> str:
    return f"/admin/snippets/campaigns/participation/stage-event/{event.pk}/correct/"


def timeline_url(participation) -> str:
    return f"/admin/snippets/campaigns/participation/timeline/{participation.pk}/"


def test_officer_corrects_a_stage_day_and_the_history_keeps_both(
    client, campaign_officer, swapped_event
):
    participation = swapped_event.participation
    client.force_login(campaign_officer)
    timeline = lxml.html.fromstring(client.get(timeline_url(participation)).content)
    links = timeline.xpath("//ol[@id='timeline']//a[contains(., 'Đính chính ngày')]/@href")
    assert correct_url(swapped_event) in links

    page = client.get(correct_url(swapped_event))
    assert page.status_code == 200
    assert shown_value(page.content.decode(), "corrected_on") == ""
    response = client.post(
        correct_url(swapped_event),
        {"corrected_on": "05/11/2026", "reason": "Nhập nhầm ngày và tháng"},
    )
    assert response.status_code == 302

    event = StageEvent.objects.get(pk=swapped_event.pk)
    assert event.happened_on == date(2026, 5, 11)  # the history is not rewritten
    assert event.effective_on == date(2026, 11, 5)
    correction = event.corrections.get()
    assert (correction.previous_on, correction.corrected_on) == (
        date(2026, 5, 11),
        date(2026, 11, 5),
    )
    assert correction.recorded_by == campaign_officer
    assert correction.reason == "Nhập nhầm ngày và tháng"
    assert StageEvent.objects.filter(participation=participation).count() == 2
    assert participation.discovered_on() == date(2026, 11, 5)

    timeline = lxml.html.fromstring(client.get(timeline_url(participation)).content)
    items = [
        " ".join(li.text_content().split()) for li in timeline.xpath("//ol[@id='timeline']/li")
    ]
    discovered = next(text for text in items if "Phát hiện" in text)
    assert discovered.startswith("05/11/2026")
    assert "Đính chính ngày 11/05/2026 → 05/11/2026" in discovered
    assert "ghi lần đầu 11/05/2026" in discovered
    assert "thidua" in discovered and "Nhập nhầm ngày và tháng" in discovered


def test_dashboards_and_reports_count_the_corrected_day(client, campaign_officer, swapped_event):
    campaign = swapped_event.participation.campaign
    assert len(campaign_figures(campaign, 2026, Half.FIRST).exemplars) == 1  # 11 May
    swapped_event.correct(date(2026, 11, 5), reason="Nhập nhầm ngày và tháng", by=campaign_officer)
    assert campaign_figures(campaign, 2026, Half.FIRST).exemplars == []
    second = campaign_figures(campaign, 2026, Half.SECOND)
    assert [row.stage for row in second.exemplars] == [2]
    client.force_login(campaign_officer)
    report = client.get(
        f"/admin/snippets/campaigns/campaign/report/{campaign.pk}/?year=2026&half=1&format=html"
    )
    assert "Hà Văn Khoa" not in report.content.decode()


@pytest.mark.parametrize(
    ("typed", "reason", "message"),
    [
        ("25/11/2026", "Nhập nhầm", "không thể sau lần chuyển giai đoạn liền sau (20/11/2026"),
        ("05/11/2026", "", "Hãy ghi lý do đính chính"),
        ("11/05/2026", "Nhập nhầm", "Ngày này trùng với ngày đang ghi (11/05/2026)."),
        ("31/11/2026", "Nhập nhầm", "Hãy nhập một ngày hợp lệ."),
    ],
)
def test_a_correction_that_breaks_the_history_is_refused(
    client, campaign_officer, swapped_event, typed, reason, message
):
    client.force_login(campaign_officer)
    response = client.post(correct_url(swapped_event), {"corrected_on": typed, "reason": reason})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert shown_value(html, "corrected_on") == typed
    assert not StageEventCorrection.objects.exists()


def test_discovery_cannot_be_moved_after_a_recognition(client, campaign_officer, swapped_event):
    Recognition.objects.create(
        participation=swapped_event.participation,
        level="commune",
        form="certificate",
        decision_number="7/QĐ-UBND",
        decision_date=date(2026, 6, 1),
    )
    client.force_login(campaign_officer)
    response = client.post(
        correct_url(swapped_event), {"corrected_on": "05/11/2026", "reason": "Nhập nhầm"}
    )
    assert "không thể sau ngày quyết định khen thưởng 7/QĐ-UBND (01/06/2026)" in (
        response.content.decode()
    )
    assert not StageEventCorrection.objects.exists()


@pytest.mark.parametrize("role", ["journalist", "editor", "editor_in_chief"])
def test_only_campaign_officers_correct_stage_days(request, client, swapped_event, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    assert client.get(correct_url(swapped_event)).status_code in (302, 403)  # Wagtail: to /admin/
    response = client.post(
        correct_url(swapped_event), {"corrected_on": "05/11/2026", "reason": "Nhập nhầm"}
    )
    assert response.status_code in (302, 403)
    assert not StageEventCorrection.objects.exists()
    timeline = client.get(timeline_url(swapped_event.participation)).content.decode()
    assert correct_url(swapped_event) not in timeline


def test_corrections_are_granted_to_officers_by_migration():
    officer = Group.objects.get(name=roles.CAMPAIGN_OFFICER)
    codenames = set(officer.permissions.values_list("codename", flat=True))
    assert {"add_stageeventcorrection", "view_stageeventcorrection"} <= codenames
    assert "change_stageeventcorrection" not in codenames
    assert "delete_stageeventcorrection" not in codenames
    editor = Group.objects.get(name=roles.EDITOR)
    assert not editor.permissions.filter(codename="add_stageeventcorrection").exists()


def test_corrections_are_append_only(campaign_officer, swapped_event):
    correction = swapped_event.correct(date(2026, 11, 5), reason="Nhập nhầm", by=campaign_officer)
    correction.reason = "Sửa lại"
    with pytest.raises(ValidationError):
        correction.save()
    with pytest.raises(ValidationError):
        correction.delete()
    # A second correction is appended; the latest one counts.
    swapped_event.correct(date(2026, 11, 6), reason="Theo biên bản ngày 06/11", by=campaign_officer)
    event = StageEvent.objects.get(pk=swapped_event.pk)
    assert event.effective_on == date(2026, 11, 6)
    assert [c.corrected_on for c in event.corrections.all()] == [
        date(2026, 11, 5),
        date(2026, 11, 6),
    ]
    assert event.corrections.last().previous_on == date(2026, 11, 5)


# --- The screens' first addresses lead to the viewsets' own --------------------------------


def test_first_addresses_answer_308_with_the_query_string(client, campaign_officer, swapped_event):
    participation = swapped_event.participation
    campaign = participation.campaign
    client.force_login(campaign_officer)
    moved = {
        f"/admin/campaigns/{campaign.pk}/dashboard/?year=2026&half=1": (
            f"/admin/snippets/campaigns/campaign/dashboard/{campaign.pk}/?year=2026&half=1"
        ),
        f"/admin/campaigns/{campaign.pk}/report/?year=2026&format=html": (
            f"/admin/snippets/campaigns/campaign/report/{campaign.pk}/?year=2026&format=html"
        ),
        f"/admin/campaigns/participation/{participation.pk}/timeline/": timeline_url(participation),
        f"/admin/campaigns/stage-event/{swapped_event.pk}/correct/": correct_url(swapped_event),
    }
    for old, new in moved.items():
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (308, new)
    # As a browser follows it (Django's test client drops the query string of a GET's 308).
    dashboard = lxml.html.fromstring(client.get(client.get(next(iter(moved)))["Location"]).content)
    assert dashboard.xpath("//select[@name='half']/option[@selected]/@value") == ["1"]
    crumbs = [" ".join(a.text_content().split()) for a in dashboard.xpath("//nav//ol/li//a")]
    assert "Phong trào thi đua" in crumbs and str(campaign) in crumbs  # list, then the campaign


def test_a_correction_posted_to_the_first_address_is_kept(client, campaign_officer, swapped_event):
    """308 keeps the method and the body: a form opened before the move still saves."""
    client.force_login(campaign_officer)
    response = client.post(
        f"/admin/campaigns/stage-event/{swapped_event.pk}/correct/",
        {"corrected_on": "05/11/2026", "reason": "Nhập nhầm ngày và tháng"},
        follow=True,
    )
    assert response.redirect_chain[0] == (correct_url(swapped_event), 308)
    assert response.redirect_chain[-1][0] == timeline_url(swapped_event.participation)
    correction = StageEventCorrection.objects.get(event=swapped_event)
    assert (correction.previous_on, correction.corrected_on) == (
        date(2026, 5, 11),
        date(2026, 11, 5),
    )
