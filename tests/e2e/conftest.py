"""End-to-end fixtures: the site as a newcomer runs it, driven by Debian's Chromium.

These tests do not use pytest-django's test database. A session fixture builds a fresh SQLite
database in a temporary directory exactly as `make run` would (`migrate`, `load_demo`,
`collectstatic`), starts `manage.py runserver` with the production settings (`lantoa.settings`,
static files served by WhiteNoise) on a free port of 127.0.0.1, and stops it at the end.

They only run when LANTOA_E2E=1 (`make test-e2e` sets it); `make test` reports them as skipped.
The browser is the system's `chromium` (`scripts/install-browser.sh`), never Playwright's own
download. Every request to a host other than 127.0.0.1 is blocked and recorded.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
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
        report.sections.append(("runserver log, without static/media (last 40)", "\n".join(lines)))
    return report


# --- The server ----------------------------------------------------------------------------


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
        timeout=300,
    )
    if result.returncode != 0:
        pytest.fail(
            f"`manage.py {' '.join(args)}` failed ({result.returncode}):\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}",
            pytrace=False,
        )


def _wait_until_up(process: subprocess.Popen, url: str, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"runserver exited with {process.returncode}:\n{log.read_text(errors='replace')}",
                pytrace=False,
            )
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except urllib.error.HTTPError as error:
            pytest.fail(f"{url} answered {error.code} instead of 200", pytrace=False)
        except OSError:
            pass
        time.sleep(0.25)
    pytest.fail(f"runserver did not answer {url} within {timeout:.0f}s", pytrace=False)


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Iterator[str]:
    """A migrated demo site served by `manage.py runserver`; yields its base URL.

    (Not called `live_server`: pytest-django would give that name a test database.)
    """
    global _server_log
    workdir = tmp_path_factory.mktemp("e2e")
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir / 'e2e.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir / "static"),
        "DJANGO_SETTINGS_MODULE": "lantoa.settings",
        "TASKS_BACKEND": "immediate",
        "SITE_BASE_URL": base_url,
        "PYTHONUNBUFFERED": "1",
    }
    _manage(env, "migrate", "--no-input", "-v", "0")
    _manage(env, "load_demo")
    _manage(env, "collectstatic", "--no-input", "-v", "0")

    log = workdir / "runserver.log"
    _server_log = log
    with log.open("w") as log_file:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=REPO_ROOT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_up(process, f"{base_url}/", log)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


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
    page.wait_for_function("[...document.images].every(img => img.complete)")
