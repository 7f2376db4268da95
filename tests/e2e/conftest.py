"""End-to-end fixtures: the site as production runs it, driven by Debian's Chromium.

These tests do not use pytest-django's test database. A session fixture builds a fresh database
(`migrate`, `load_demo`, `collectstatic`) — a new SQLite file in a temporary directory, or, when
DATABASE_URL names a PostgreSQL server, a new database on that server, dropped at the end — and
starts the production stack on it with scripts/serve.sh: gunicorn (gunicorn.conf.py, several
workers, DEBUG=0, static files by WhiteNoise), the `db_worker` task worker and `run_scheduler`, on
a free port of 127.0.0.1. CACHE_URL, when set, is passed on (CI sets a throwaway Redis). Every
response carries the pid of the gunicorn worker that made it (X-Served-By, test-only), so a
test can read the same URL back from every worker (`every_worker`).

They only run when LANTOA_E2E=1 (`make test-e2e` sets it); `make test` reports them as skipped.
The browser is the system's `chromium` (`scripts/install-browser.sh`), never Playwright's own
download. Every request to a host other than 127.0.0.1 is blocked and recorded.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ENABLED = os.environ.get("LANTOA_E2E", "") == "1"
SKIP_REASON = "end-to-end browser tests: run them with `make test-e2e` (sets LANTOA_E2E=1)"

E2E_DIR = Path(__file__).resolve().parent
REPO_ROOT = E2E_DIR.parents[1]
SCREENSHOT_DIR = E2E_DIR / "screenshots"

DEMO_PASSWORD = "lantoa-demo"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Anything that does not go to the local server: CDNs, web fonts, avatars, trackers.
EXTERNAL_URL = re.compile(r"^(https?|wss?)://(?!127\.0\.0\.1[:/])")

_server_log: Path | None = None

if not ENABLED and importlib.util.find_spec("playwright") is None:
    # `make test` in a virtualenv from before Playwright was a dev dependency: nothing to run.
    collect_ignore_glob = ["test_*.py"]


def _is_e2e(item) -> bool:
    return E2E_DIR in Path(str(item.path)).resolve().parents


def pytest_collection_modifyitems(config, items):
    if ENABLED:
        return
    skip = pytest.mark.skip(reason=SKIP_REASON)
    for item in items:
        if _is_e2e(item):
            item.add_marker(skip)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    if report.failed and _server_log is not None and _is_e2e(item):
        lines = [
            line
            for line in _server_log.read_text(errors="replace").splitlines()
            if '"GET /static/' not in line and '"GET /media/' not in line
        ][-40:]
        report.sections.append(("stack log, without static/media (last 40)", "\n".join(lines)))
    return report


# --- The server ----------------------------------------------------------------------------

# Gunicorn workers of the e2e stack: more than one, so a cache or state kept per process shows.
WORKERS = int(os.environ.get("LANTOA_E2E_WORKERS", "3"))
SCHEDULER_INTERVAL = 30  # the production default: scheduled changes must show within a minute
SERVED_BY = "X-Served-By"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(env: dict[str, str], *args: str) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0:
        pytest.fail(
            f"`manage.py {' '.join(args)}` failed ({result.returncode}):\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}",
            pytrace=False,
        )


@contextlib.contextmanager
def _fresh_database(workdir: Path) -> Iterator[str]:
    """A new, empty database for this run: on DATABASE_URL's PostgreSQL server, else SQLite."""
    given = os.environ.get("DATABASE_URL", "")
    if not given.startswith(("postgres://", "postgresql://", "pgsql://")):
        yield f"sqlite:///{workdir / 'e2e.sqlite3'}"
        return
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(given)
    name = f"lantoa_e2e_{os.getpid()}_{int(time.time())}"
    server = {
        "host": config.get("HOST") or None,
        "port": config.get("PORT") or None,
        "user": config.get("USER") or None,
        "password": config.get("PASSWORD") or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**server) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urllib.parse.urlsplit(given)._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(**server) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _get(url: str, timeout: float = 30) -> tuple[int, dict[str, str], bytes]:
    """One GET on a new connection: status, headers (lower-case names) and body."""
    request = urllib.request.Request(url, headers={"User-Agent": "lantoa-e2e"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, error.headers, error.read()
    return status, {name.lower(): value for name, value in headers.items()}, body


@dataclass
class Reply:
    """One response, with the pid of the gunicorn worker that made it."""

    worker: str
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def fetch_from_every_worker(
    url: str, times: int = 3, workers: int = WORKERS, limit: int = 400
) -> list[Reply]:
    """GETs `url` until each of the `workers` gunicorn workers has answered it `times` times.

    Requests go out a few at a time on new connections, so the kernel hands them to different
    workers; fails if some worker never answered within `limit` requests.
    """
    replies: list[Reply] = []
    seen: Counter[str] = Counter()

    def one(_number: int) -> Reply:
        status, headers, body = _get(url)
        return Reply(headers.get(SERVED_BY.lower(), "?"), status, headers, body)

    with ThreadPoolExecutor(max_workers=workers * 2) as pool:
        while len(replies) < limit:
            for reply in pool.map(one, range(workers * 2)):
                replies.append(reply)
                seen[reply.worker] += 1
            if len(seen) >= workers and min(seen.values()) >= times:
                return replies
    pytest.fail(
        f"{url}: {len(replies)} requests reached only {dict(seen)}, not {workers} workers "
        f"{times} times each",
        pytrace=False,
    )


@dataclass
class Stack:
    """The running production stack: its address, its environment and its combined log."""

    base_url: str
    env: dict[str, str]
    log: Path
    workers: int = WORKERS

    def every_worker(self, path: str, times: int = 3) -> list[Reply]:
        return fetch_from_every_worker(self.base_url + path, times=times, workers=self.workers)

    def manage(self, *args: str) -> None:
        """Runs a management command against the stack's database, as an operator would."""
        _manage(self.env, *args)


def _wait_until_up(process: subprocess.Popen, url: str, log: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"scripts/serve.sh exited with {process.returncode}:\n"
                f"{log.read_text(errors='replace')[-5000:]}",
                pytrace=False,
            )
        try:
            status, _headers, _body = _get(url, timeout=5)
        except OSError:
            time.sleep(0.25)
            continue
        if status != 200:
            pytest.fail(f"{url} answered {status} instead of 200", pytrace=False)
        return
    pytest.fail(f"the stack did not answer {url} within {timeout:.0f}s", pytrace=False)


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM to scripts/serve.sh stops gunicorn, the worker and the scheduler together."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def stack(tmp_path_factory) -> Iterator[Stack]:
    """The demo site on the production stack (gunicorn workers, task worker, scheduler)."""
    global _server_log
    workdir = tmp_path_factory.mktemp("e2e")
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    with _fresh_database(workdir) as database_url:
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(workdir / "media"),
            "PRIVATE_MEDIA_ROOT": str(workdir / "private"),
            "STATIC_ROOT": str(workdir / "static"),
            "DJANGO_SETTINGS_MODULE": "lantoa.settings",
            "DEBUG": "0",
            "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
            "SITE_BASE_URL": base_url,
            "PYTHONUNBUFFERED": "1",
            "PYTHON": sys.executable,
            "TASKS_BACKEND": "database",
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": str(WORKERS),
            # Workers live for the whole run: a worker restarted after N requests would start
            # with empty per-process state and hide the bugs these tests look for.
            "GUNICORN_MAX_REQUESTS": "0",
            "LANTOA_SERVED_BY_HEADER": "1",
            "SCHEDULER_INTERVAL": str(SCHEDULER_INTERVAL),
        }
        setup_env = {**env, "TASKS_BACKEND": "immediate"}  # the demo's indexing, done now
        _manage(setup_env, "migrate", "--no-input", "-v", "0")
        _manage(setup_env, "load_demo")
        _manage(setup_env, "collectstatic", "--no-input", "-v", "0")
        # A cache server (CACHE_URL) may keep entries from an earlier run.
        _manage(
            setup_env,
            "shell",
            "-c",
            "from django.core.cache import caches; [c.clear() for c in caches.all()]",
        )

        log = workdir / "stack.log"
        _server_log = log
        with log.open("w") as log_file:
            process = subprocess.Popen(
                ["bash", str(REPO_ROOT / "scripts" / "serve.sh")],
                cwd=REPO_ROOT,
                env=env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            _wait_until_up(process, f"{base_url}/", log)
            running = Stack(base_url=base_url, env=env, log=log)
            running.every_worker("/robots.txt", times=1)  # every worker has booted
            yield running
        finally:
            _stop(process)


def _plain(value):
    """A value as SQLite's driver gives it, whichever database answered: ISO text for dates and
    UTC times, JSON text for JSON, 0/1 for booleans."""
    import datetime as dt
    import json

    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value)
    return value


@pytest.fixture(scope="session")
def database(stack) -> Callable[..., list[tuple]]:
    """Read-only queries on the stack's database, SQLite or PostgreSQL, with `?` placeholders;
    values come back as SQLite gives them (see `_plain`), so a test reads the same either way."""
    url = stack.env["DATABASE_URL"]

    if url.startswith("sqlite:///"):
        import sqlite3

        path = url.removeprefix("sqlite:///")

        def query(sql: str, *params) -> list[tuple]:
            with contextlib.closing(
                sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
            ) as connection:
                return connection.execute(sql, params).fetchall()

        return query

    import psycopg

    def query(sql: str, *params) -> list[tuple]:
        with psycopg.connect(url.replace("pgsql://", "postgresql://"), autocommit=True) as conn:
            rows = conn.execute(sql.replace("%", "%%").replace("?", "%s"), params).fetchall()
        return [tuple(_plain(value) for value in row) for row in rows]

    return query


@pytest.fixture(scope="session")
def demo_site(stack) -> str:
    """The base URL of the demo site on the production stack.

    (Not called `live_server`: pytest-django would give that name a test database.)
    """
    return stack.base_url


# --- The browser ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail(
            "`chromium` is not installed: run `bash scripts/install-browser.sh`", pytrace=False
        )
    shutil.rmtree(SCREENSHOT_DIR / "failures", ignore_errors=True)  # from an earlier run
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def public_paths(browser, demo_site) -> dict[str, str]:
    """Home, a column, the lead story, the exemplar directory and a document, by their paths."""
    context = browser.new_context(base_url=demo_site)
    page = context.new_page()
    try:
        page.goto("/")
        nav = page.get_by_role("navigation", name="Chuyên mục")
        paths = {
            "home": "/",
            "column": nav.get_by_role("link", name="Gương sáng đời thường").get_attribute("href"),
            "story": page.locator(".featured .story-card__title a").first.get_attribute("href"),
            "exemplar_directory": nav.get_by_role(
                "link", name="Gương điển hình tiên tiến"
            ).get_attribute("href"),
        }
        page.goto(nav.get_by_role("link", name="Văn bản chỉ đạo").get_attribute("href"))
        paths["legal_document"] = page.locator("table.documents a").first.get_attribute("href")
    finally:
        context.close()
    assert all(paths.values()), paths
    return paths


@dataclass
class Tab:
    """A page in its own browser context (own cookies), with what went wrong while it ran."""

    page: object  # playwright.sync_api.Page
    console_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return [f"console: {m}" for m in self.console_errors] + [
            f"external request: {u}" for u in self.external_requests
        ]


@pytest.fixture
def new_tab(browser, demo_site, request) -> Iterator[Callable[..., Tab]]:
    """Opens a fresh browser context at a viewport size; one context per user."""
    contexts = []
    tabs: list[Tab] = []

    def _open(width: int = 1280, height: int = 900, **context_options) -> Tab:
        context = browser.new_context(
            base_url=demo_site,
            viewport={"width": width, "height": height},
            locale="vi-VN",
            timezone_id="Asia/Ho_Chi_Minh",
            **context_options,
        )
        context.set_default_timeout(15_000)
        context.set_default_navigation_timeout(30_000)
        contexts.append(context)
        page = context.new_page()
        tab = Tab(page)

        def block(route):
            tab.external_requests.append(route.request.url)
            route.abort()

        context.route(EXTERNAL_URL, block)
        page.on(
            "console",
            lambda message: (
                tab.console_errors.append(f"{message.text} ({message.location.get('url')})")
                if message.type == "error"
                else None
            ),
        )
        page.on("pageerror", lambda error: tab.console_errors.append(f"uncaught: {error}"))
        tabs.append(tab)
        return tab

    yield _open

    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        failures = SCREENSHOT_DIR / "failures"
        failures.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
        for number, tab in enumerate(tabs, start=1):
            # The page may be gone; the screenshot is only a help.
            with contextlib.suppress(Exception):
                tab.page.screenshot(path=str(failures / f"{name}-{number}.png"), full_page=True)
    for context in contexts:
        context.close()


@pytest.fixture
def log_in() -> Callable[[Tab, str], None]:
    """Signs a tab in through the admin's login form; it lands on the dashboard."""
    from playwright.sync_api import expect

    def _log_in(tab: Tab, username: str) -> None:
        page = tab.page
        page.goto("/admin/login/")
        page.locator("input[name=username]").fill(username)
        page.locator("input[name=password]").fill(DEMO_PASSWORD)
        with page.expect_navigation():
            page.locator("form button[type=submit]").click()
        expect(page).to_have_url(re.compile(r"/admin/$"))

    return _log_in


def load_every_image(page) -> None:
    """Makes lazy images load now and waits until every image has loaded (or failed)."""
    page.evaluate(
        "document.querySelectorAll('img[loading=lazy]').forEach(img => (img.loading = 'eager'))"
    )
    # A function, not an expression: Playwright evaluates expressions with eval, which the
    # site's Content-Security-Policy forbids.
    page.wait_for_function("() => [...document.images].every(img => img.complete)")
