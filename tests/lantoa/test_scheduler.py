"""The scheduler in one process: one failing object holds nothing back, what it did is logged,
and the engagement roll-ups go to the task queue instead of running inline.

The process-level behaviour (a real scheduler surviving a failing page and a locked database,
SIGTERM) is in test_scheduler_process.py."""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from lantoa.management.commands.run_scheduler import Scheduler
from stories.models import StoryPage

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def schedule(page: StoryPage, when, **changes) -> None:
    """Schedules a revision of `page` (with `changes`) as the admin does, then moves its time."""
    for name, value in changes.items():
        setattr(page, name, value)
    page.go_live_at = timezone.now() + timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()
    revision.refresh_from_db()
    revision.approved_go_live_at = when
    revision.content["go_live_at"] = when.isoformat()
    revision.save()


def test_a_failing_revision_does_not_hold_back_the_next_one(make_story, caplog):
    now = timezone.now()
    renamed = make_story("Bài đổi đường dẫn", slug="bai-doi-duong-dan")
    # The rename is scheduled first; then a colleague publishes a story with that very slug.
    schedule(renamed, now - timedelta(minutes=5), slug="duong-dan-moi")
    make_story("Bài chiếm đường dẫn", slug="duong-dan-moi")
    waiting = make_story("Bài hẹn giờ", live=False)
    schedule(waiting, now - timedelta(minutes=1))

    with (
        caplog.at_level(logging.INFO, logger="lantoa.scheduler"),
        pytest.raises(CommandError, match="1 mục hẹn giờ"),
    ):
        call_command("run_scheduler", "--once", verbosity=0)

    assert StoryPage.objects.get(pk=waiting.pk).live
    assert StoryPage.objects.get(pk=renamed.pk).slug == "bai-doi-duong-dan"  # not lost either:
    assert StoryPage.objects.get(pk=renamed.pk).scheduled_revision is not None  # retried later
    failure = next(r for r in caplog.records if r.levelno == logging.ERROR)
    assert str(renamed.pk) in failure.getMessage() and "Bài đổi đường dẫn" in failure.getMessage()
    assert failure.exc_info is not None  # the traceback is in the log
    published = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Published")]
    assert len(published) == 1 and f"{waiting.pk} «Bài hẹn giờ»" in published[0]


def test_a_repeated_failure_logs_its_traceback_once(make_story, caplog):
    renamed = make_story("Bài đổi đường dẫn", slug="bai-cu")
    schedule(renamed, timezone.now() - timedelta(minutes=5), slug="bai-moi")
    make_story("Bài chiếm", slug="bai-moi")
    scheduler = Scheduler()
    with caplog.at_level(logging.INFO, logger="lantoa.scheduler"):
        assert scheduler.run_once() == 1
        assert scheduler.run_once() == 1
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert [bool(r.exc_info) for r in errors] == [True, False]
    assert "failed 2 times" in errors[1].getMessage()


def test_expiry_is_logged_with_page_and_time(make_story, caplog):
    story = make_story("Bài hết hạn")
    StoryPage.objects.filter(pk=story.pk).update(expire_at=timezone.now() - timedelta(minutes=2))
    with caplog.at_level(logging.INFO, logger="lantoa.scheduler"):
        call_command("run_scheduler", "--once", verbosity=0)
    story.refresh_from_db()
    assert not story.live and story.expired
    [message] = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Expired")]
    assert f"{story.pk} «Bài hết hạn»" in message
    assert f"{timezone.localtime(story.expire_at):%d/%m/%Y %H:%M}" in message


# transaction=True: the real `db_worker` below closes and reopens its connection, as it does in
# production, which a test wrapped in one transaction would not survive on PostgreSQL.
@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_engagement_work_is_enqueued_not_run_inline_and_not_piled_up(caplog):
    scheduler = Scheduler(engagement_every=0)
    scheduler.run_once()
    queued = DBTaskResult.objects.order_by("task_path")
    assert [(r.task_path, r.status) for r in queued] == [
        ("engagement.tasks.prune_task", "READY"),
        ("engagement.tasks.rollup_task", "READY"),
        ("integrity.tasks.integrity_scan_task", "READY"),  # hourly, from the first pass
    ]
    # No worker took them yet: the next run does not queue two more.
    with caplog.at_level(logging.WARNING, logger="lantoa.scheduler"):
        scheduler.run_once()
    assert DBTaskResult.objects.count() == 3
    assert "still READY" in caplog.text

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    scheduler.run_once()
    # The roll-ups come back every time; the integrity scan waits for its hour.
    assert DBTaskResult.objects.filter(status="READY").count() == 2


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_engagement_work_waits_for_its_interval():
    scheduler = Scheduler(engagement_every=600)
    scheduler.run_once()
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    scheduler.run_once()
    assert DBTaskResult.objects.count() == 3  # two roll-up tasks and the integrity scan


def test_a_failing_job_is_logged_and_the_loop_goes_on(make_story, caplog):
    """The real loop (`run_forever`) with a job that raises before the others, every pass."""
    waiting = make_story("Bài hẹn giờ sau việc hỏng", live=False)
    schedule(waiting, timezone.now() - timedelta(minutes=1))
    calls = []

    class WithBrokenJob(Scheduler):
        def jobs(self):
            return [("broken", self.broken), *super().jobs()]

        def broken(self, now):
            calls.append(now)
            if len(calls) == 3:
                self.stop.set()  # the third pass is the last
            raise RuntimeError("hàng đợi hỏng")

    scheduler = WithBrokenJob(engagement_every=600)
    guard = threading.Timer(20, scheduler.stop.set)  # a loop that never calls the job ends too
    guard.start()
    with caplog.at_level(logging.INFO, logger="lantoa.scheduler"):
        scheduler.run_forever(interval=0.01)
    guard.cancel()

    assert len(calls) == 3  # the loop went on after each failure
    assert StoryPage.objects.get(pk=waiting.pk).live  # the next job ran on the first pass
    job_errors = [r for r in caplog.records if "«broken» failed" in r.getMessage()]
    assert len(job_errors) == 3 and all(r.exc_info for r in job_errors)
    assert "hàng đợi hỏng" in caplog.text
    run_errors = [r for r in caplog.records if r.getMessage().startswith("Scheduler run failed")]
    assert len(run_errors) == 3  # each pass backed off, without a second traceback
    assert not any(r.exc_info for r in run_errors)


def test_once_reports_a_failing_job_in_vietnamese(db, monkeypatch, caplog):
    def broken(self):
        raise RuntimeError("hàng đợi hỏng")

    monkeypatch.setattr(Scheduler, "enqueue_engagement", broken)
    with pytest.raises(CommandError, match="Việc hẹn giờ không chạy được: engagement tasks"):
        call_command("run_scheduler", "--once", verbosity=0)
    assert "hàng đợi hỏng" in caplog.text
