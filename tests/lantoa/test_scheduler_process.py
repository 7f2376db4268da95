"""A real scheduler process on a real SQLite file: a page whose scheduled publish fails and a
database locked by another process do not end it; it logs both, publishes the next scheduled
page within its interval, and stops cleanly on SIGTERM."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INTERVAL = 1  # seconds between two scheduler runs in this test

SETUP = """
import json
from datetime import timedelta
from django.utils import timezone
from lantoa.models import HomePage
from stories.models import ColumnIndexPage, StoryPage
from tests.conftest import make_image

image = make_image()
column = HomePage.objects.get().add_child(instance=ColumnIndexPage(title="Chuyên mục"))

def story(title, slug, live):
    page = StoryPage(title=title, slug=slug, live=live, sapo="Tóm tắt.", hero_image=image)
    column.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return page

def schedule(page, seconds, **changes):
    page = StoryPage.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.go_live_at = timezone.now() + timedelta(seconds=seconds)
    page.save_revision().publish()

renamed = story("Bài đổi đường dẫn", "bai-cu", live=True)
schedule(renamed, 2, slug="bai-moi")  # due first, and it will fail:
story("Bài chiếm đường dẫn", "bai-moi", live=True)  # the new slug is taken meanwhile
next_one = story("Bài hẹn giờ kế tiếp", "bai-ke-tiep", live=False)
schedule(next_one, 3)
locked = story("Bài hẹn giờ lúc khóa", "bai-luc-khoa", live=False)
schedule(locked, 3600)  # brought forward by the test while it holds the lock
revision = StoryPage.objects.get(pk=locked.pk).scheduled_revision
print(json.dumps({
    "renamed": renamed.pk, "next": next_one.pk, "locked": locked.pk, "revision": revision.pk
}))
"""


def _page(database: Path, pk: int) -> tuple[int, str]:
    with sqlite3.connect(database) as db:
        return db.execute("SELECT live, slug FROM wagtailcore_page WHERE id = ?", (pk,)).fetchone()


def _wait_for(condition, timeout: float, what: str, process: subprocess.Popen, log: Path):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        if process.poll() is not None:
            pytest.fail(f"the scheduler exited ({process.returncode}):\n{log.read_text()}")
        time.sleep(0.2)
    pytest.fail(f"{what} did not happen within {timeout:.0f}s:\n{log.read_text()}")


@pytest.mark.slow
def test_scheduler_survives_a_failing_page_and_a_locked_database(process_env, tmp_path):
    database = tmp_path / "db.sqlite3"
    env = {**process_env, "TASKS_BACKEND": "database", "SQLITE_BUSY_TIMEOUT": "0.5"}
    manage = [sys.executable, "manage.py"]
    setup = subprocess.run(
        [*manage, "shell", "-c", SETUP],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
        capture_output=True,
        text=True,
    )
    pages = json.loads(setup.stdout.strip().splitlines()[-1])
    log = tmp_path / "scheduler.log"
    with log.open("w") as out:
        scheduler = subprocess.Popen(
            [*manage, "run_scheduler", "--interval", str(INTERVAL)],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        # 1. The rename fails (its slug is taken), is logged with its traceback, and the page
        #    scheduled after it is published anyway; the process goes on.
        _wait_for(
            lambda: _page(database, pages["next"])[0] == 1,
            30,
            "publishing the page after the failing one",
            scheduler,
            log,
        )
        text = log.read_text()
        assert f"Could not publish stories.StoryPage {pages['renamed']} «Bài đổi đường dẫn»" in text
        assert "Traceback" in text and "ValidationError" in text
        assert f"Published stories.StoryPage {pages['next']} «Bài hẹn giờ kế tiếp»" in text
        assert _page(database, pages["renamed"]) == (1, "bai-cu")

        # 2. Another process holds the write lock while the next page falls due: it brings
        #    the page's time forward and takes the lock again at once.
        past = datetime.now(UTC) - timedelta(minutes=1)
        holder = sqlite3.connect(database, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        holder.execute(
            "UPDATE wagtailcore_revision SET approved_go_live_at = ?,"
            " content = json_set(content, '$.go_live_at', ?) WHERE id = ?",
            (past.strftime("%Y-%m-%d %H:%M:%S.%f"), past.isoformat(), pages["revision"]),
        )
        holder.execute("COMMIT")
        holder.execute("BEGIN IMMEDIATE")
        try:
            _wait_for(
                lambda: "database is locked" in log.read_text(),
                30,
                "a locked-database failure",
                scheduler,
                log,
            )
            assert _page(database, pages["locked"])[0] == 0
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        released_at = time.monotonic()
        _wait_for(
            lambda: _page(database, pages["locked"])[0] == 1,
            INTERVAL + 5,
            "publishing once the lock is released",
            scheduler,
            log,
        )
        assert time.monotonic() - released_at < INTERVAL + 5
        assert scheduler.poll() is None

        # 3. SIGTERM stops it cleanly.
        scheduler.send_signal(signal.SIGTERM)
        assert scheduler.wait(timeout=10) == 0
        assert "Scheduler stopped" in log.read_text()
    finally:
        if scheduler.poll() is None:
            scheduler.kill()
            scheduler.wait(timeout=10)
