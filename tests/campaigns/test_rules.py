"""Every validation rule, with the Vietnamese message an officer sees."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from campaigns.models import Campaign, Participation, Recognition, StageEvent, Target
from tests.campaigns.conftest import join

pytestmark = pytest.mark.django_db


def messages(error: ValidationError) -> str:
    return " ".join(m for msgs in error.message_dict.values() for m in msgs)


def test_period_end_before_start(campaign):
    campaign.end_date = date(2023, 12, 31)
    with pytest.raises(ValidationError) as error:
        campaign.full_clean()
    assert "end_date" in error.value.message_dict
    assert "Ngày kết thúc không thể trước ngày bắt đầu" in messages(error.value)


def test_negative_target(campaign):
    target = Target(campaign=campaign, year=2024, category="household", number=-3)
    with pytest.raises(ValidationError) as error:
        target.full_clean()
    assert "Chỉ tiêu không thể là số âm." in messages(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        target.save()  # the database refuses it too


@pytest.mark.parametrize(("year", "half"), [(2023, 0), (2026, 0), (2026, 1)])
def test_target_outside_the_period(campaign, year, half):
    target = Target(campaign=campaign, year=year, half=half, category="household", number=1)
    with pytest.raises(ValidationError) as error:
        target.full_clean()
    assert f"Chỉ tiêu năm {year} nằm ngoài thời gian của phong trào" in messages(error.value)
    assert "01/01/2024 – 31/12/2025" in messages(error.value)


def test_half_year_target_inside_a_campaign_starting_mid_year(db):
    campaign = Campaign.objects.create(
        title="Phong trào nửa năm",
        code="9/KH-UBND",
        issuing_body="UBND tỉnh",
        start_date=date(2024, 7, 1),
        end_date=date(2024, 12, 31),
    )
    Target(campaign=campaign, year=2024, half=2, category="model", number=1).full_clean()
    with pytest.raises(ValidationError):
        Target(campaign=campaign, year=2024, half=1, category="model", number=1).full_clean()
    assert campaign.slug == "9-kh-ubnd"


def test_recognition_before_discovery(campaign, make_exemplar):
    part = join(campaign, make_exemplar("Lò Thị Mai"), [(1, date(2024, 5, 1), "")])
    recognition = Recognition(
        participation=part,
        level="district",
        form="certificate",
        decision_number="5/QĐ-UBND",
        decision_date=date(2024, 4, 30),
    )
    with pytest.raises(ValidationError) as error:
        recognition.full_clean()
    assert (
        "Ngày quyết định khen thưởng (30/04/2024) không thể trước ngày phát hiện điển hình "
        "(01/05/2024)." in messages(error.value)
    )
    recognition.decision_date = date(2024, 5, 1)
    recognition.full_clean()
    assert recognition.year == 2024


def test_stage_events_out_of_order(campaign, make_exemplar):
    part = join(campaign, make_exemplar("Lò Thị Mai"), [(1, date(2024, 5, 1), "")])
    part.move_to(2, date(2024, 6, 1))
    with pytest.raises(ValidationError) as error:
        part.move_to(3, date(2024, 5, 20))
    assert "Ngày chuyển giai đoạn (20/05/2024) không thể trước lần chuyển gần nhất" in messages(
        error.value
    )
    assert part.stage_events.count() == 2
    assert Participation.objects.get(pk=part.pk).stage == 2


def test_moving_back_needs_a_reason(campaign, make_exemplar):
    part = join(
        campaign,
        make_exemplar("Lò Thị Mai"),
        [(1, date(2024, 5, 1), ""), (2, date(2024, 6, 1), "")],
    )
    with pytest.raises(ValidationError) as error:
        part.move_to(1, date(2024, 7, 1), reason="  ")
    assert "Lùi từ giai đoạn Bồi dưỡng về Phát hiện phải ghi rõ lý do." in messages(error.value)
    part.move_to(1, date(2024, 7, 1), reason="Chưa đủ hồ sơ")
    assert Participation.objects.get(pk=part.pk).stage == 1


def test_first_stage_must_be_discovery_and_no_repeat(campaign, make_exemplar):
    part = Participation.objects.create(campaign=campaign, exemplar=make_exemplar("Lò Thị Mai"))
    with pytest.raises(ValidationError) as error:
        part.move_to(3, date(2024, 5, 1))
    assert "phải bắt đầu từ giai đoạn Phát hiện" in messages(error.value)
    part.move_to(1, date(2024, 5, 1))
    with pytest.raises(ValidationError) as error:
        part.move_to(1, date(2024, 6, 1))
    assert "đang ở giai đoạn này rồi" in messages(error.value)


def test_stage_history_is_append_only(campaign, make_exemplar, campaign_officer):
    part = join(
        campaign, make_exemplar("Lò Thị Mai"), [(1, date(2024, 5, 1), "")], campaign_officer
    )
    event = StageEvent.objects.get(participation=part)
    assert event.recorded_by == campaign_officer
    event.reason = "sửa lại"
    with pytest.raises(ValidationError, match="chỉ được ghi thêm, không được sửa"):
        event.save()
    with pytest.raises(ValidationError, match="không được xóa"):
        event.delete()
    assert StageEvent.objects.get(pk=event.pk).reason == ""


def test_criterion_of_another_campaign_is_refused(campaign, make_exemplar):
    from campaigns.models import Criterion, CriterionAssessment

    other = Campaign.objects.create(
        title="Phong trào khác",
        code="1/KH",
        issuing_body="UBND",
        start_date=date(2024, 1, 1),
        end_date=date(2024, 12, 31),
    )
    foreign = Criterion.objects.create(campaign=other, text="Tiêu chí lạ")
    part = join(campaign, make_exemplar("Lò Thị Mai"), [(1, date(2024, 5, 1), "")])
    with pytest.raises(ValidationError, match="thuộc một phong trào khác"):
        CriterionAssessment(participation=part, criterion=foreign).full_clean()
