"""The scheduler process: publishes and expires what editors scheduled, every 30 seconds,
enqueues the engagement roll-ups and pruning for the task worker every ten minutes, and the
integrity scan of the rendered live pages every hour.

Wagtail's own `publish_scheduled` stops at the first object that raises, and one exception used
to end this loop. Here every object is published or expired in its own transaction: one that
fails is logged with its traceback and retried on the next run while the others go ahead. Each
job of a pass (expiry, publishing, enqueueing the engagement work) runs even when the one before
it raised (database locked or unreachable, task queue broken): the failure is logged with its
traceback, the connections are dropped and the pass is retried after a short back-off. Only
SIGTERM or SIGINT (or `--once`) ends the loop. Run one scheduler per site (docs/deployment.md).
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable
from datetime import datetime

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import connections, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from wagtail.models import DraftStateMixin, Page, Revision

from engagement.tasks import prune_task, rollup_task
from integrity.tasks import integrity_scan_task

logger = logging.getLogger("lantoa.scheduler")

DEFAULT_INTERVAL = 30  # seconds: a scheduled change reaches readers within this (plus caches)
ENGAGEMENT_EVERY = 600  # seconds between two roll-ups ("Lượt xem" lags by up to this much)
INTEGRITY_EVERY = 3600  # seconds between two scans of the rendered live pages
RETRY_DELAY = 5  # seconds before retrying a failed run; doubles, capped at the interval


def _when(moment: datetime | None) -> str:
    return f"{timezone.localtime(moment):%d/%m/%Y %H:%M:%S}" if moment else "?"


def _drop_stale_connections() -> None:
    """What Django does around each request: reopen connections that broke or grew old.

    Not inside a transaction (a caller's, or a test's), where closing would lose its work.
    """
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close_if_unusable_or_obsolete()


def _close_connections() -> None:
    """After a failed pass: close every connection (reopened on the next pass), except inside
    a caller's transaction (a test's), where closing would lose its work."""
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close()


def _scheduled_models() -> list[type]:
    """Page plus every other model with draft state (snippets), as `publish_scheduled` does."""
    return [Page] + [
        model
        for model in apps.get_models()
        if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    ]


class RunFailed(Exception):
    """Some jobs of a pass raised (each logged with its traceback); the loop backs off."""

    def __init__(self, jobs: list[str]) -> None:
        super().__init__(", ".join(jobs))
        self.jobs = jobs


class Scheduler:
    """One scheduler's state: failures already reported, the engagement tasks in flight."""

    def __init__(
        self, engagement_every: float = ENGAGEMENT_EVERY, integrity_every: float = INTEGRITY_EVERY
    ) -> None:
        self.engagement_every = engagement_every
        self.next_engagement = time.monotonic()  # the first run enqueues them
        self.pending_results: list = []
        self.integrity_every = integrity_every
        self.next_integrity = time.monotonic()
        self.integrity_result = None
        self.reported: dict[str, int] = {}
        self.stop = threading.Event()

    def _failed(self, key: str, message: str, *args) -> None:
        """Logs a failure with its traceback the first time, a one-line reminder after."""
        count = self.reported.get(key, 0) + 1
        self.reported[key] = count
        if count == 1:
            logger.exception(message + "; retried on every run", *args)
        else:
            logger.error(message + " (failed %d times)", *args, count, exc_info=False)

    def _succeeded(self, key: str) -> None:
        if self.reported.pop(key, None):
            logger.info("%s succeeded after earlier failures", key)

    def expire_due(self, now: datetime) -> tuple[int, int]:
        done = failed = 0
        for model in _scheduled_models():
            for obj in list(model.objects.filter(live=True, expire_at__lt=now).order_by("pk")):
                if self.stop.is_set():
                    return done, failed
                key = f"expiry of {model._meta.label} {obj.pk}"
                try:
                    with transaction.atomic():
                        obj.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
                except Exception:
                    failed += 1
                    self._failed(key, "Could not expire %s %s «%s»", model._meta.label, obj.pk, obj)
                else:
                    done += 1
                    self._succeeded(key)
                    logger.info(
                        "Expired %s %s «%s» (expiry %s)",
                        model._meta.label,
                        obj.pk,
                        obj,
                        _when(obj.expire_at),
                    )
        return done, failed

    def publish_due(self, now: datetime) -> tuple[int, int]:
        done = failed = 0
        due = (
            Revision.objects.filter(approved_go_live_at__lt=now)
            .select_related("content_type")
            .order_by("approved_go_live_at", "pk")
        )
        for revision in list(due):
            if self.stop.is_set():
                break
            label = revision.content_type.model_class()
            label = label._meta.label if label else revision.content_type.model
            key = f"scheduled revision {revision.pk} of {label} {revision.object_id}"
            try:
                with transaction.atomic():
                    revision.publish(log_action="wagtail.publish.scheduled")
            except Exception:
                failed += 1
                self._failed(
                    key,
                    "Could not publish %s %s «%s» (revision %s, scheduled for %s)",
                    label,
                    revision.object_id,
                    revision.object_str,
                    revision.pk,
                    _when(revision.approved_go_live_at),
                )
            else:
                done += 1
                self._succeeded(key)
                logger.info(
                    "Published %s %s «%s» (revision %s, scheduled for %s)",
                    label,
                    revision.object_id,
                    revision.object_str,
                    revision.pk,
                    _when(revision.approved_go_live_at),
                )
        return done, failed

    def enqueue_engagement(self) -> None:
        """Hands the roll-up and the pruning to the task worker, unless the last ones still wait."""
        if time.monotonic() < self.next_engagement:
            return
        unfinished = (TaskResultStatus.READY, TaskResultStatus.RUNNING)
        waiting = []
        for result in self.pending_results:
            if result.status in unfinished:
                result.refresh()  # only backends that queue leave a result unfinished
            if result.status in unfinished:
                waiting.append(result)
        if waiting:
            logger.warning(
                "Engagement roll-up not enqueued: the previous one is still %s "
                "(is `manage.py db_worker` running?)",
                waiting[0].status,
            )
        else:
            self.pending_results = [rollup_task.enqueue(), prune_task.enqueue()]
            logger.debug("Enqueued the engagement roll-up and pruning")
        self.next_engagement = time.monotonic() + self.engagement_every

    def enqueue_integrity(self) -> None:
        """Hands the integrity scan of the live pages to the task worker, once an hour, unless
        the last one still waits or runs."""
        if time.monotonic() < self.next_integrity:
            return
        unfinished = (TaskResultStatus.READY, TaskResultStatus.RUNNING)
        result = self.integrity_result
        if result is not None and result.status in unfinished:
            result.refresh()
        if result is not None and result.status in unfinished:
            logger.warning(
                "Integrity scan not enqueued: the previous one is still %s", result.status
            )
        else:
            self.integrity_result = integrity_scan_task.enqueue()
            logger.debug("Enqueued the integrity scan")
        self.next_integrity = time.monotonic() + self.integrity_every

    def jobs(self) -> list[tuple[str, Callable[[datetime], object]]]:
        """The jobs of one pass, in order; each runs even when the one before it raised."""
        return [
            ("expiry", self.expire_due),
            ("publishing", self.publish_due),
            ("engagement tasks", lambda now: self.enqueue_engagement()),
            ("integrity scan", lambda now: self.enqueue_integrity()),
        ]

    def run_once(self) -> int:
        """One pass; returns how many objects failed. A job that raises (the database locked
        or unreachable, the task queue broken) is logged with its traceback and the next job
        still runs; then RunFailed tells the loop to back off."""
        _drop_stale_connections()
        failed, done, broken = 0, {}, []
        try:
            now = timezone.now()
            for name, job in self.jobs():
                if self.stop.is_set():
                    break
                try:
                    outcome = job(now)
                except Exception:
                    broken.append(name)
                    logger.exception("Scheduler job «%s» failed; the other jobs go on", name)
                    _drop_stale_connections()
                    continue
                if isinstance(outcome, tuple):
                    done[name], job_failed = outcome
                    failed += job_failed
        finally:
            _drop_stale_connections()
        if broken:
            raise RunFailed(broken)
        published, expired = done.get("publishing", 0), done.get("expiry", 0)
        if expired or published:
            logger.info("Run done: %d published, %d expired", published, expired)
        else:
            logger.debug("Run done: nothing due")
        return failed

    def run_forever(self, interval: float) -> None:
        failures_in_a_row = 0
        while not self.stop.is_set():
            try:
                self.run_once()
            except Exception as error:
                failures_in_a_row += 1
                delay = min(interval, RETRY_DELAY * 2 ** (failures_in_a_row - 1))
                logger.error(
                    "Scheduler run failed (%d in a row); retrying in %.0f s",
                    failures_in_a_row,
                    delay,
                    exc_info=not isinstance(error, RunFailed),  # a job's is logged already
                )
                _close_connections()  # a broken connection is reopened on the next run
            else:
                if failures_in_a_row:
                    logger.info("Scheduler run succeeded after %d failures", failures_in_a_row)
                failures_in_a_row = 0
                delay = interval
            self.stop.wait(delay)


class Command(BaseCommand):
    help = (
        "Xuất bản / gỡ các trang đã hẹn giờ, lặp lại sau mỗi khoảng thời gian (mặc định 30 giây), "
        "và giao việc tổng hợp lượt xem cho tiến trình nền."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--interval",
            type=float,
            default=DEFAULT_INTERVAL,
            help="Số giây giữa hai lần chạy (mặc định 30).",
        )
        parser.add_argument(
            "--engagement-every",
            type=float,
            default=ENGAGEMENT_EVERY,
            help="Số giây giữa hai lần tổng hợp lượt xem (mặc định 600).",
        )
        parser.add_argument(
            "--integrity-every",
            type=float,
            default=INTEGRITY_EVERY,
            help="Số giây giữa hai lần quét nội dung trang (mặc định 3600).",
        )
        parser.add_argument("--once", action="store_true", help="Chạy một lần rồi thoát.")

    def handle(
        self,
        *args,
        interval: float,
        engagement_every: float,
        once: bool,
        integrity_every: float = INTEGRITY_EVERY,
        **options,
    ):
        scheduler = Scheduler(engagement_every=engagement_every, integrity_every=integrity_every)
        if once:
            try:
                failed = scheduler.run_once()
            except RunFailed as error:
                raise CommandError(
                    f"Việc hẹn giờ không chạy được: {', '.join(error.jobs)} (xem nhật ký)."
                ) from error
            if failed:
                raise CommandError(f"{failed} mục hẹn giờ không xuất bản / gỡ được (xem nhật ký).")
            return

        def request_stop(signum, frame) -> None:
            logger.info("Received %s: stopping after the current step", signal.strsignal(signum))
            scheduler.stop.set()

        signal.signal(signal.SIGTERM, request_stop)
        signal.signal(signal.SIGINT, request_stop)
        interval = max(interval, 1.0)
        logger.info("Scheduler started: every %.0f s", interval)
        scheduler.run_forever(interval)
        logger.info("Scheduler stopped")
        self.stdout.write("Đã dừng bộ hẹn giờ xuất bản.")
