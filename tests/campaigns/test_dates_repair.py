"""`manage.py repair_swapped_dates` on campaign data: stage events and campaign periods typed
through the old month-first forms (real admin posts), found and repaired."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset

from campaigns.models import Campaign, Participation, StageEvent, StageEventCorrection
from tests.campaigns.test_admin import campaign_data, participation_data
from tests.dates_forms import AFTER_EVERYTHING, listed_keys, month_first_forms, repair

pytestmark = pytest.mark.django_db

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def _backdate_participation(participation: Participation, moment: datetime) -> None:
    """The participation was saved (and its events recorded) at `moment`."""
    ModelLogEntry.objects.filter(object_id=str(participation.pk)).update(timestamp=moment)
    StageEvent.objects.filter(participation=participation).update(recorded_at=moment)


def test_a_stage_event_dated_after_it_was_recorded_is_corrected_not_rewritten(
    client, campaign_officer, campaign, make_exemplar
):
    campaign.end_date = date(2026, 12, 31)
    campaign.save()
    exemplar = make_exemplar("Hà Văn Khoa")
    client.force_login(campaign_officer)
    with month_first_forms():
        data = participation_data(campaign, exemplar, stage_date="12/03/2026")  # 12 March
        assert client.post("/admin/snippets/campaigns/participation/add/", data).status_code == 302
    participation = Participation.objects.get(exemplar=exemplar)
    event = participation.stage_events.get()
    assert event.happened_on == date(2026, 12, 3)
    _backdate_participation(participation, datetime(2026, 3, 20, 10, 0, tzinfo=HCM))

    output = repair("--fixed-at", AFTER_EVERYTHING)
    key = f"stage-event:{event.pk}"
    assert listed_keys(output) == [key]
    assert "[nhiều khả năng]" in output
    assert "đề xuất: 12/03/2026" in output
    repair("--fixed-at", AFTER_EVERYTHING, "--apply", key)
    event = StageEvent.objects.get(pk=event.pk)
    assert event.happened_on == date(2026, 12, 3)  # the history keeps what was recorded
    assert event.effective_on == date(2026, 3, 12)
    correction = StageEventCorrection.objects.get(event=event)
    assert correction.recorded_by is None and "repair_swapped_dates" in correction.reason
    assert ModelLogEntry.objects.filter(
        object_id=str(participation.pk), action="lantoa.date_repaired"
    ).exists()
    assert listed_keys(repair("--fixed-at", AFTER_EVERYTHING)) == []


def test_a_campaign_end_that_leaves_out_its_own_events_is_listed(
    client, campaign_officer, make_exemplar
):
    client.force_login(campaign_officer)
    with month_first_forms():
        data = campaign_data(
            start_date="2025-01-01",
            end_date="10/12/2025",  # meant 10 December, stored 12 October
            targets=inline_formset([]),
        )
        assert client.post("/admin/snippets/campaigns/campaign/add/", data).status_code == 302
        campaign = Campaign.objects.get(code="15/KH-BDV")
        assert campaign.end_date == date(2025, 10, 12)
        exemplar = make_exemplar("Tổ hợp tác Mây tre", "collective")
        data = participation_data(campaign, exemplar, stage_date="2025-11-20")
        assert client.post("/admin/snippets/campaigns/participation/add/", data).status_code == 302

    output = repair("--fixed-at", AFTER_EVERYTHING)
    key = f"campaign:{campaign.pk}:end_date"
    assert key in listed_keys(output)
    assert "nằm ngoài thời gian đang lưu" in output
    repair("--fixed-at", AFTER_EVERYTHING, "--apply", key)
    campaign.refresh_from_db()
    assert campaign.end_date == date(2025, 12, 10)
