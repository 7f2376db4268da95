"""`manage.py backup` while another process keeps writing, then the restore steps of
docs/deployment.md, and the restored copy read back through Django."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from lantoa.management.commands.backup import Command

ROOT = Path(__file__).resolve().parents[2]

# Commits one row at a time, as the site's requests do, and records when each committed.
WRITER = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=5)
db.execute("PRAGMA journal_mode=WAL")
db.execute("CREATE TABLE IF NOT EXISTS probe (n INTEGER PRIMARY KEY, at REAL)")
stop = time.monotonic() + 60
n = 0
while time.monotonic() < stop and not __import__("os").path.exists(sys.argv[2]):
    n += 1
    db.execute("BEGIN IMMEDIATE")
    db.execute("INSERT INTO probe VALUES (?, ?)", (n, time.time()))
    db.execute("COMMIT")
    time.sleep(0.002)
"""

READ_BACK = """
import json
from django.contrib.auth.models import User
from django.core.files.storage import default_storage, storages
from django.db import connection
from wagtail.models import Page
with connection.cursor() as cursor:
    cursor.execute("SELECT COUNT(*), MAX(n) FROM probe")
    probes, last = cursor.fetchone()
print(json.dumps({
    "pages": sorted(Page.objects.values_list("title", flat=True)),
    "users": sorted(User.objects.values_list("username", flat=True)),
    "probes": probes, "last": last,
    "photo": default_storage.open("original_images/anh.jpg").read().decode(),
    "report": storages["private"].open("campaign-reports/bao-cao.xlsx").read().decode(),
}))
"""


def _manage(env, *args) -> str:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    ).stdout


@pytest.mark.slow
def test_backup_while_writing_then_restore(process_env, tmp_path):
    database = Path(process_env["DATABASE_URL"].removeprefix("sqlite:///"))
    media = Path(process_env["MEDIA_ROOT"])
    (media / "original_images").mkdir(parents=True)
    (media / "original_images" / "anh.jpg").write_text("ảnh gốc")
    # A staff file in the private storage (outside MEDIA_ROOT) is backed up with the media.
    private = Path(process_env["PRIVATE_MEDIA_ROOT"])
    (private / "campaign-reports").mkdir(parents=True)
    (private / "campaign-reports" / "bao-cao.xlsx").write_text("báo cáo nội bộ")
    _manage(
        process_env,
        "shell",
        "-c",
        "from django.contrib.auth.models import User; User.objects.create_user('lanhdao')",
    )

    stop = tmp_path / "stop"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(database), str(stop)])
    try:
        deadline = time.monotonic() + 30
        while True:
            with sqlite3.connect(database) as db:
                tables = db.execute("SELECT name FROM sqlite_master WHERE name='probe'").fetchall()
                before = db.execute("SELECT COUNT(*) FROM probe").fetchone()[0] if tables else 0
            if before >= 200:
                break
            assert time.monotonic() < deadline and writer.poll() is None, "the writer stalled"
            time.sleep(0.1)
        started = time.time()
        output = _manage(process_env, "backup", "--to", str(tmp_path / "backups"))
        finished = time.time()
        time.sleep(0.3)
    finally:
        stop.touch()
        writer.wait(timeout=30)
    assert writer.returncode == 0

    [copy] = (tmp_path / "backups").glob("lantoa-*.sqlite3")
    [archive] = (tmp_path / "backups").glob("lantoa-*-media.tar.gz")
    assert str(copy) in output and "2 tệp tải lên" in output
    with sqlite3.connect(database) as db:
        total = db.execute("SELECT COUNT(*) FROM probe").fetchone()[0]
        commits = [at for (at,) in db.execute("SELECT at FROM probe ORDER BY n")]
    with sqlite3.connect(copy) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        numbers = [n for (n,) in db.execute("SELECT n FROM probe ORDER BY n")]
    # A snapshot: every row up to one commit and none after it, taken while writes went on.
    assert numbers == list(range(1, len(numbers) + 1))
    assert before <= len(numbers) < total
    # …and the writer went on committing while the command ran: it was never locked out for
    # its 5-second busy timeout (it would have died with "database is locked", returncode 1).
    assert any(started <= at <= finished for at in commits)

    # Restore as docs/deployment.md says: the copy becomes the database file, the archive
    # is unpacked where MEDIA_ROOT points; the site reads both back.
    restored = tmp_path / "restored"
    restored.mkdir()
    shutil.copy(copy, restored / "db.sqlite3")
    with tarfile.open(archive) as tar:
        tar.extractall(restored, filter="data")
    env = {
        **process_env,
        "DATABASE_URL": f"sqlite:///{restored / 'db.sqlite3'}",
        "MEDIA_ROOT": str(restored / "media"),
        "PRIVATE_MEDIA_ROOT": str(restored / "private"),
    }
    _manage(env, "migrate", "--check")
    with sqlite3.connect(database) as db:
        source_pages = sorted(t for (t,) in db.execute("SELECT title FROM wagtailcore_page"))
    back = json.loads(_manage(env, "shell", "-c", READ_BACK).strip().splitlines()[-1])
    assert back == {
        "pages": source_pages,
        "users": ["lanhdao"],
        "probes": len(numbers),
        "last": len(numbers),
        "photo": "ảnh gốc",
        "report": "báo cáo nội bộ",
    }


def test_keep_removes_the_oldest_backups_with_their_media(tmp_path):
    names = []
    for stamp in ("20261101-020000", "20261102-020000", "20261103-020000"):
        names += [f"lantoa-{stamp}.sqlite3", f"lantoa-{stamp}-media.tar.gz"]
    for name in [*names, "ghi-chu.txt"]:
        (tmp_path / name).write_text("x")
    command = Command()
    command._prune(tmp_path, keep=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*names[2:], "ghi-chu.txt"])


@pytest.mark.django_db(transaction=True)
def test_postgres_backup_is_a_dump_pg_restore_reads(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only (make test-postgres)")
    call_command("backup", "--to", str(tmp_path), "--no-media")
    [dump] = tmp_path.glob("lantoa-*.dump")
    listing = subprocess.run(
        ["pg_restore", "--list", str(dump)], check=True, capture_output=True, text=True
    ).stdout
    assert "TABLE DATA public wagtailcore_page" in listing
