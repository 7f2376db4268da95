"""One coherent site across processes: a change made in one process is what every other
process serves on its very next request.

Three gunicorn processes (one worker each, so "every worker" is deterministic) and a
long-lived script process share one SQLite file and the configured cache: the embedded
default, and Redis when REDIS_URL (or a redis:// CACHE_URL) names one. Each test first reads
the old state from every process (so each has it cached), changes something in one process —
the admin as the editor-in-chief with a real login, a script, `manage.py publish_scheduled` —
and reads feeds, pages, the menu and a private feed back from every process.

LANTOA_CROSS_PROCESS_CACHES="locmem://" runs them on per-process caches (the old setting), to
see them fail.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import feedparser
import pytest
import requests
from bs4 import BeautifulSoup

from tests.sites import (
    ROOT,
    RunningSite,
    admin_login,
    copy_database,
    environment,
    manage,
    seed,
    submit_admin_form,
)

pytestmark = [pytest.mark.slow, pytest.mark.cross_process, pytest.mark.django_db]

PASSWORD = "mat-khau-lanh-dao"
HOST = "localhost"  # the site's hostname: what nginx in front passes to every worker
BODY = "Chị Hà Thị Mai đã vận động bà con cả bản cùng làm đường bê tông dài 1,2 km."
PRIVATE_BODY = "Hồ sơ khen thưởng của chị Mai đang chờ hội đồng thi đua cấp tỉnh xét duyệt."


def _redis_url() -> str:
    url = os.environ.get("REDIS_URL", "")
    cache_url = os.environ.get("CACHE_URL", "")
    return url or (cache_url if cache_url.startswith(("redis://", "rediss://", "unix://")) else "")


def _backends() -> list:
    override = os.environ.get("LANTOA_CROSS_PROCESS_CACHES")
    if override:
        return [pytest.param(url, id=url.split(":")[0]) for url in override.split(",")]
    redis = _redis_url()
    return [
        pytest.param("", id="embedded-default"),
        pytest.param(
            redis,
            id="redis",
            marks=[]
            if redis
            else pytest.mark.skip(reason="Redis: set REDIS_URL=redis://host:port/db to run"),
        ),
    ]


SEED = seed(
    f"""
from datetime import timedelta
from django.utils import timezone
from syndication.models import Outlet

main = column("Gương sáng đời thường")
other = column("Người tốt việc tốt")
soon = timezone.now() + timedelta(seconds=2)
scheduled = StoryPage.objects.get(pk=story(main, "Bài hẹn giờ xuất bản", publish=False)["id"])
scheduled.go_live_at = soon
scheduled.save_revision().publish()
outlet = Outlet(name="Đài truyền thanh xã Nậm Mơ", kind="loudspeaker")
outlet.regenerate_token()
outlet.save()
staff("lanhdao", {PASSWORD!r}, roles.EDITOR_IN_CHIEF)
result = {{
    "admin": story(main, "Bài gỡ trong trang quản trị"),
    "script": story(main, "Bài gỡ bằng lệnh"),
    "private": story(main, "Bài chuyển sang riêng tư", text={PRIVATE_BODY!r}),
    "expiring": story(main, "Bài hết hạn", expire_at=soon),
    "scheduled": {{"id": scheduled.pk, "title": scheduled.title, "url": scheduled.url}},
    "other_column": {{"id": other.pk, "title": other.title}},
    "outlet": {{"id": outlet.pk, "token": outlet.token}},
    "column_feed": "/feeds/column/" + main.slug + ".rss",
}}
""",
    BODY,
)


class Site(RunningSite):
    """The running site: its processes and what the seed created."""

    def __init__(self, workdir: Path, env: dict) -> None:
        super().__init__(workdir, env, SEED, count=3)

    def get(self, index: int, path: str, **kwargs) -> requests.Response:
        """An anonymous request to process `index`, with the Host a proxy in front would pass."""
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("headers", {"Host": HOST})
        return requests.get(self.bases[index] + path, timeout=30, **kwargs)

    def get_all(self, path: str, **kwargs) -> list[requests.Response]:
        """The same anonymous request to every process (no cookies, no redirects followed)."""
        return [self.get(index, path, **kwargs) for index in range(len(self.bases))]

    def feed_titles(self, path: str = "/feeds/all.rss", **kwargs) -> list[set[str]]:
        titles = []
        for response in self.get_all(path, **kwargs):
            assert response.status_code == 200, (path, response.status_code)
            titles.append({entry.title for entry in feedparser.parse(response.content).entries})
        return titles

    def menus(self) -> list[list[str]]:
        menus = []
        for response in self.get_all("/"):
            assert response.status_code == 200
            html = BeautifulSoup(response.text, "html.parser")
            menus.append([link.get_text(strip=True) for link in html.select(".site-nav a")])
        return menus

    def login(self, index: int, username: str, password: str) -> requests.Session:
        """A real admin login on process `index` (CSRF token from the form)."""
        return admin_login(self.bases[index], username, password)

    def admin_post(self, session: requests.Session, index: int, path: str) -> requests.Response:
        """Submits the confirmation form found at `path` (e.g. a page's unpublish view)."""
        return submit_admin_form(session, self.bases[index], path)


@pytest.fixture(scope="module", params=_backends())
def processes(request, migrated_sqlite, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("site")
    database = copy_database(migrated_sqlite, workdir / "processes.sqlite3")
    running = Site(workdir, environment(workdir, database, cache_url=request.param))
    yield running
    running.close()


def _gone(response: requests.Response) -> bool:
    """Unpublished: 404, or 410 where takedown pages are in place."""
    return response.status_code in (404, 410)


def test_a_page_rendered_by_one_process_is_served_from_the_cache_by_the_others(processes):
    path = processes.seed["private"]["url"]
    first = processes.get(0, path)
    assert first.status_code == 200 and first.headers["X-Page-Cache"] == "miss"
    for index in (1, 2):
        response = processes.get(index, path)
        assert response.headers["X-Page-Cache"] == "hit"
        assert response.content == first.content


def test_unpublish_in_the_admin_of_one_process_reaches_every_process(processes):
    story = processes.seed["admin"]
    assert all(r.status_code == 200 for r in processes.get_all(story["url"]))
    assert all(story["title"] in titles for titles in processes.feed_titles())
    assert all(
        story["title"] in titles for titles in processes.feed_titles(processes.seed["column_feed"])
    )

    session = processes.login(0, "lanhdao", PASSWORD)
    done = processes.admin_post(session, 0, f"/admin/pages/{story['id']}/unpublish/")
    assert done.status_code == 200 and [r.status_code for r in done.history] == [302]

    assert all(_gone(r) for r in processes.get_all(story["url"]))
    assert all(story["title"] not in titles for titles in processes.feed_titles())
    column_feeds = processes.feed_titles(processes.seed["column_feed"])
    assert all(story["title"] not in titles for titles in column_feeds)


def test_unpublish_from_a_script_reaches_every_process(processes):
    story = processes.seed["script"]
    assert all(r.status_code == 200 for r in processes.get_all(story["url"]))
    assert all(story["title"] in titles for titles in processes.feed_titles())
    assert all(story["title"] in titles for titles in processes.feed_titles("/feeds/all.atom"))

    processes.script.run(
        f"from stories.models import StoryPage\nStoryPage.objects.get(pk={story['id']}).unpublish()"
    )

    assert all(_gone(r) for r in processes.get_all(story["url"]))
    assert all(story["title"] not in titles for titles in processes.feed_titles())
    assert all(story["title"] not in titles for titles in processes.feed_titles("/feeds/all.atom"))


def test_scheduled_publish_and_expiry_by_publish_scheduled_reach_every_process(processes):
    scheduled, expiring = processes.seed["scheduled"], processes.seed["expiring"]
    before = processes.feed_titles()
    assert all(scheduled["title"] not in titles for titles in before)
    assert all(expiring["title"] in titles for titles in before)
    assert all(_gone(r) for r in processes.get_all(scheduled["url"]))
    assert all(r.status_code == 200 for r in processes.get_all(expiring["url"]))
    time.sleep(2.1)  # both were due two seconds after the seed

    manage(processes.env, "publish_scheduled")

    after = processes.feed_titles()
    assert all(scheduled["title"] in titles for titles in after)
    assert all(expiring["title"] not in titles for titles in after)
    assert all(r.status_code == 200 for r in processes.get_all(scheduled["url"]))
    assert all(_gone(r) for r in processes.get_all(expiring["url"]))


def test_a_regenerated_outlet_token_is_refused_and_the_new_one_accepted_everywhere(processes):
    outlet = processes.seed["outlet"]
    path = f"/feeds/outlet/{outlet['id']}.rss"
    assert [r.status_code for r in processes.get_all(path, params={"token": outlet["token"]})] == [
        200
    ] * 3
    assert [r.status_code for r in processes.get_all(path, params={"token": "sai"})] == [403] * 3

    new_token = processes.script.run(
        "from syndication.models import Outlet\n"
        f"outlet = Outlet.objects.get(pk={outlet['id']})\n"
        "result = outlet.regenerate_token()\noutlet.save()"
    )

    old = processes.get_all(path, params={"token": outlet["token"]})
    new = processes.get_all(path, params={"token": new_token})
    assert [r.status_code for r in old] == [403] * 3
    assert [r.status_code for r in new] == [200] * 3


def test_a_story_made_private_leaves_every_feed_and_page(processes):
    story = processes.seed["private"]
    for response in processes.get_all("/feeds/all.rss"):
        entries = {e.title: e for e in feedparser.parse(response.content).entries}
        assert PRIVATE_BODY in entries[story["title"]].content[0].value
    assert all(r.status_code == 200 for r in processes.get_all(story["url"]))

    processes.script.run(
        "from wagtail.models import Page, PageViewRestriction\n"
        f"PageViewRestriction.objects.create(page=Page.objects.get(pk={story['id']}), "
        "restriction_type=PageViewRestriction.LOGIN)"
    )

    for response in processes.get_all("/feeds/all.rss"):
        entries = feedparser.parse(response.content).entries
        assert entries and story["title"] not in {e.title for e in entries}
        assert all(PRIVATE_BODY not in e.content[0].value for e in entries)
    for response in processes.get_all(story["url"]):
        assert response.status_code == 302 and "login" in response.headers["Location"]
        assert PRIVATE_BODY.encode() not in response.content


def test_an_unpublished_column_leaves_the_menu_of_every_process(processes):
    column = processes.seed["other_column"]
    assert all(column["title"] in menu for menu in processes.menus())

    processes.script.run(
        f"from wagtail.models import Page\nPage.objects.get(pk={column['id']}).unpublish()"
    )

    assert all(column["title"] not in menu for menu in processes.menus())


COUNTER = """
import sys
from django.core.cache import cache
for _ in range(int(sys.argv[1])):
    cache.incr("cross-process:counter")
"""


def test_increments_from_several_processes_are_all_counted(processes):
    processes.script.run(
        "from django.core.cache import cache\ncache.set('cross-process:counter', 0)"
    )
    counters = [
        subprocess.Popen([sys.executable, "-c", COUNTER, "200"], cwd=ROOT, env=processes.env)
        for _ in range(3)
    ]
    assert [counter.wait(timeout=120) for counter in counters] == [0, 0, 0]
    total = processes.script.run(
        "from django.core.cache import cache\nresult = cache.get('cross-process:counter')"
    )
    assert total == 600
