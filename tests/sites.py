"""The site as an operator runs it, for tests and benchmarks that need several processes.

One SQLite file in WAL mode, several gunicorn processes on free loopback ports, and a
long-lived Django process for what is not a web request (a script, the task worker, the
scheduler), all started with the same environment and the production settings
(tests/site_settings.py), so whatever they cache is either shared by all of them or not.
"""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = "tests.site_settings"
RESULT_MARK = "\x1eRESULT "
# The script process: runs each line of JSON it reads as Python, answers with `result`.
RUNNER = f"""
import json, sys, traceback
import django
django.setup()
namespace = {{}}
for line in sys.stdin:
    namespace["result"] = None
    try:
        exec(json.loads(line), namespace)
        reply = {{"ok": True, "result": namespace["result"]}}
    except Exception:
        reply = {{"ok": False, "error": traceback.format_exc()}}
    sys.stdout.write({RESULT_MARK!r} + json.dumps(reply, default=str) + "\\n")
    sys.stdout.flush()
"""


# The start of a seed for ScriptProcess.run (see `seed`): the home page, a photo, a column and
# stories published the way the admin publishes them, and staff in the newsroom's groups.
_SEED_START = """
import io
from django.contrib.auth.models import Group, User
from django.core.files.images import ImageFile
from PIL import Image
from core import roles
from lantoa.models import HomePage
from media_pipeline.models import LanToaImage
from stories.models import ColumnIndexPage, StoryPage

home = HomePage.objects.get()
buffer = io.BytesIO()
Image.new("RGB", (320, 180), "#2a6f97").save(buffer, format="JPEG")
image = LanToaImage.objects.create(
    title="Con đường bê tông", file=ImageFile(io.BytesIO(buffer.getvalue()), name="duong.jpg")
)

def column(title):
    page = ColumnIndexPage(title=title, show_in_menus=True)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page

def story(parent, title, publish=True, text=STORY_TEXT, **fields):
    page = StoryPage(
        title=title, sapo="Một câu chuyện về người tốt việc tốt.", hero_image=image,
        body=[("paragraph", "<p>" + text + "</p>")], live=False, **fields,
    )
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return {"id": page.pk, "title": page.title, "url": page.url}

def staff(username, password, group):
    user = User.objects.create_user(username, password=password)
    user.groups.add(Group.objects.get(name=group))
    return user
"""


def seed(code: str, story_text: str) -> str:
    """A seed script: `column(title)`, `story(parent, title, publish=True, text=story_text,
    **fields)` (returns its id, title and url), `staff(username, password, group)`, `home` and
    `image` defined, then `code`, which sets `result`."""
    return _SEED_START.replace("STORY_TEXT", repr(story_text)) + code


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(
    workdir: Path, database: Path, cache_url: str = "", settings: str = SETTINGS, **extra: str
) -> dict:
    """What every process of one site is started with (the cache from `cache_url`)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings,
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(workdir / "media"),
        "PRIVATE_MEDIA_ROOT": str(workdir / "private"),
        "STATIC_ROOT": str(workdir / "static"),
        "TASKS_BACKEND": "immediate",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CACHE_URL": cache_url,
        "CACHE_KEY_PREFIX": f"lantoa-{workdir.name}",
        "PYTHONUNBUFFERED": "1",
        **extra,
    }
    env.pop("CACHE_DIR", None)
    return env


def copy_database(template: Path, database: Path) -> Path:
    """A private copy of a migrated SQLite file (the `migrated_sqlite` fixture) to run a site on:
    the sqlite3 backup API, so a template still in WAL mode is copied whole."""
    with sqlite3.connect(template) as source, sqlite3.connect(database) as copy:
        source.backup(copy)
    source.close()
    copy.close()
    return database


def manage(env: dict, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """`manage.py ARGS` as its own process; fails with its output when it fails."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)}:\n{result.stdout}\n{result.stderr}")
    return result


class ScriptProcess:
    """A long-lived Django process (like a shell session, the worker or the scheduler)."""

    def __init__(self, env: dict, log: Path) -> None:
        self._log = log.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-c", RUNNER],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
        )

    def run(self, code: str, timeout: float = 120):
        """Runs `code` in the process and returns its `result` variable (JSON-serialisable)."""
        self.process.stdin.write(json.dumps(code) + "\n")
        self.process.stdin.flush()
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            ready, _, _ = select.select([self.process.stdout], [], [], max(remaining, 0))
            if not ready:
                raise TimeoutError(f"the script process did not answer within {timeout:.0f} s")
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError(f"the script process exited ({self.process.poll()})")
            if line.startswith(RESULT_MARK):
                reply = json.loads(line[len(RESULT_MARK) :])
                if not reply["ok"]:
                    raise RuntimeError(reply["error"])
                return reply["result"]

    def close(self) -> None:
        self.process.stdin.close()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log.close()


class RunningSite:
    """A seeded site in real processes: a script process (the seed ran there; `seed_result`)
    and `count` gunicorn processes of one worker each (`bases`)."""

    def __init__(self, workdir: Path, env: dict, seed_code: str, count: int) -> None:
        self.workdir, self.env = workdir, env
        self.script = ScriptProcess(env, workdir / "script.log")
        self.seed = self.script.run(seed_code)
        self.servers = Gunicorns(env, workdir, count=count, workers=1)
        self.bases = self.servers.bases

    def close(self) -> None:
        self.servers.stop()
        self.script.close()


class Gunicorns:
    """`count` gunicorn processes, each with `workers` sync workers, on their own ports."""

    def __init__(self, env: dict, logdir: Path, count: int = 3, workers: int = 1) -> None:
        self.ports = [free_port() for _ in range(count)]
        self.processes = []
        for index, port in enumerate(self.ports):
            log = (logdir / f"gunicorn-{index}.log").open("w")
            command = [sys.executable, "-m", "gunicorn", "lantoa.wsgi:application"]
            options = ["-b", f"127.0.0.1:{port}", "-w", str(workers), "--log-level", "warning"]
            self.processes.append(
                subprocess.Popen(
                    [*command, *options],
                    cwd=ROOT,
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
        self.bases = [f"http://127.0.0.1:{port}" for port in self.ports]
        try:
            for process, base in zip(self.processes, self.bases, strict=True):
                _wait_until_up(process, base + "/robots.txt")
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def _wait_until_up(process: subprocess.Popen, url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode} before answering")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (OSError, urllib.error.HTTPError):
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


def admin_login(base: str, username: str, password: str):
    """A real admin login on the server at `base` (CSRF token from the form): a requests
    Session holding the staff member's cookies."""
    import requests
    from bs4 import BeautifulSoup

    session = requests.Session()
    form = session.get(base + "/admin/login/", timeout=30)
    token = BeautifulSoup(form.text, "html.parser").select_one("input[name=csrfmiddlewaretoken]")
    response = session.post(
        base + "/admin/login/",
        data={"username": username, "password": password, "csrfmiddlewaretoken": token["value"]},
        headers={"Referer": base + "/admin/login/"},
        timeout=30,
    )
    assert response.url.rstrip("/").endswith("/admin"), response.url
    return session


def submit_admin_form(session, base: str, path: str, data: dict | None = None):
    """Fills in the form found at `path` as a person would (its CSRF token plus `data`) and
    submits it; redirects are followed, so `history` shows them."""
    from bs4 import BeautifulSoup

    form = session.get(base + path, timeout=30)
    assert form.status_code == 200, (path, form.status_code)
    token = BeautifulSoup(form.text, "html.parser").select_one(
        "form[method=POST] input[name=csrfmiddlewaretoken], "
        "form[method=post] input[name=csrfmiddlewaretoken]"
    )["value"]
    return session.post(
        base + path,
        data={"csrfmiddlewaretoken": token, **(data or {})},
        headers={"Referer": base + path},
        timeout=30,
    )
