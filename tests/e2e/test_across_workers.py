"""One site across processes: what the editor-in-chief changes in the admin (served by one
gunicorn worker), and what the scheduler process publishes, is what every worker serves next.

Each check first has every worker serve the story as it was (so a per-process cache holds it),
then makes the change in a real browser as `lanhdao`, then reads the story page, the column page,
the home page and the feeds from every worker (`Stack.every_worker`, by the X-Served-By pid).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import feedparser
from playwright.sync_api import expect

TIME_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


class _Page(HTMLParser):
    """The links and the first <h1> of an HTML page, as a reader's browser sees them."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.links: set[str] = set()
        self.h1: str | None = None
        self._in_h1 = False
        self._h1_text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "a" and dict(attrs).get("href"):
            self.links.add(dict(attrs)["href"])
        if tag == "h1" and self.h1 is None:
            self._in_h1 = True

    def handle_endtag(self, tag):
        if tag == "h1" and self._in_h1:
            self._in_h1 = False
            self.h1 = " ".join("".join(self._h1_text).split())

    def handle_data(self, data):
        if self._in_h1:
            self._h1_text.append(data)


@dataclass
class Story:
    path: str
    title: str
    page_id: str


def _column_stories(new_tab, public_paths) -> list[Story]:
    """The column's stories, oldest last, except the lead story other tests read."""
    tab = new_tab()
    page = tab.page
    page.goto(public_paths["column"])
    paths = [
        href
        for href in page.locator("main .story-card__title a").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))"
        )
        if href != public_paths["story"]
    ]
    stories = []
    for path in paths[-2:]:
        page.goto(path)
        stories.append(
            Story(
                path=path,
                title=page.locator("h1").first.inner_text().strip(),
                page_id=page.locator("script[data-page]").get_attribute("data-page"),
            )
        )
    return stories


def _feed_entries(reply) -> list:
    parsed = feedparser.parse(reply.body)
    assert reply.status == 200 and not parsed.bozo, (reply.status, parsed.get("bozo_exception"))
    return parsed.entries


def _column_feed(public_paths) -> str:
    return f"/feeds/column/{public_paths['column'].strip('/').split('/')[-1]}.rss"


def _by_worker(replies, check) -> dict[str, list]:
    """{worker pid: [what `check` found wrong in each of its replies]} for the failing ones."""
    wrong: dict[str, list] = {}
    for reply in replies:
        problem = check(reply)
        if problem:
            wrong.setdefault(reply.worker, []).append(problem)
    return wrong


def test_unpublished_story_is_gone_from_every_worker(stack, new_tab, log_in, public_paths):
    story = _column_stories(new_tab, public_paths)[-1]
    column_feed = _column_feed(public_paths)

    def in_feed(reply) -> bool:
        return any(entry.link.endswith(story.path) for entry in _feed_entries(reply))

    # Every worker serves the story, and lists it in the column and both feeds.
    assert {r.status for r in stack.every_worker(story.path)} == {200}
    column = stack.every_worker(public_paths["column"])
    assert all(story.path in _Page(r.text).links for r in column)
    assert all(in_feed(r) for r in stack.every_worker("/feeds/all.rss"))
    assert all(in_feed(r) for r in stack.every_worker(column_feed))

    # The editor-in-chief unpublishes it from the page editor.
    chief = new_tab()
    log_in(chief, "lanhdao")
    page = chief.page
    try:
        page.goto(f"/admin/pages/{story.page_id}/edit/")
        footer = page.locator("footer nav.actions")
        footer.get_by_role("button", name="Thao tác khác").click()
        with page.expect_navigation():
            footer.get_by_role("link", name="Ngừng xuất bản").click()
        with page.expect_navigation():
            page.locator("main form [type=submit]").click()
        expect(page.locator(".messages")).to_contain_text(story.title)

        # At once, on every worker: the page is gone (410, taken down), no listing links it,
        # no feed carries it.
        gone = _by_worker(stack.every_worker(story.path), lambda r: r.status != 410 and r.status)
        assert gone == {}
        for path in (public_paths["column"], "/"):
            linked = _by_worker(
                stack.every_worker(path), lambda r: story.path in _Page(r.text).links
            )
            assert linked == {}, f"{path} still links {story.path} on workers {linked}"
        for feed in ("/feeds/all.rss", column_feed):
            stale = _by_worker(stack.every_worker(feed), in_feed)
            assert stale == {}, f"{feed} still carries «{story.title}» on workers {sorted(stale)}"
    finally:  # other tests read this column: the story goes back up, whatever happened here
        stack.manage(
            "shell",
            "-c",
            "from wagtail.models import Page; "
            f"Page.objects.get(pk={story.page_id}).get_latest_revision().publish()",
        )
    assert {r.status for r in stack.every_worker(story.path, times=1)} == {200}


def _next_minute(margin: int = 25) -> datetime:
    """The next whole minute at least `margin` seconds away (the admin schedules to the minute)."""
    now = datetime.now(TIME_ZONE)
    when = (now + timedelta(minutes=1)).replace(second=0, microsecond=0)
    if (when - now).total_seconds() < margin:
        when += timedelta(minutes=1)
    return when


def test_scheduled_change_reaches_every_worker_within_a_minute(
    stack, new_tab, log_in, public_paths
):
    story = _column_stories(new_tab, public_paths)[0]
    new_title = f"{story.title} (bản hẹn giờ)"

    def shows_new_title(reply) -> bool:
        return _Page(reply.text).h1 == new_title

    def feed_has_new_title(reply) -> bool:
        return any(entry.title == new_title for entry in _feed_entries(reply))

    assert not any(shows_new_title(r) for r in stack.every_worker(story.path))
    assert not any(feed_has_new_title(r) for r in stack.every_worker("/feeds/all.rss"))

    # The editor-in-chief retitles the story and schedules the change, typing the time as
    # the admin shows it (dd/mm/yyyy HH:MM).
    chief = new_tab()
    log_in(chief, "lanhdao")
    page = chief.page
    page.goto(f"/admin/pages/{story.page_id}/edit/")
    page.locator("#id_title").fill(new_title)
    page.locator("[data-side-panel-toggle=status]").click()
    page.get_by_role("button", name="Đặt lịch").click()
    dialog = page.locator("#schedule-publishing-dialog")
    go_live = _next_minute()
    dialog.locator("#id_go_live_at").fill(f"{go_live:%d/%m/%Y %H:%M}")
    pickers = page.locator(".xdsoft_datetimepicker:visible")
    expect(pickers).to_have_count(1)  # the date picker opened on the field…
    dialog.get_by_role("heading", name=re.compile("lịch xuất bản", re.I)).click()
    expect(pickers).to_have_count(0)  # …and a click beside it closes it
    with page.expect_navigation():  # the dialog saves a draft with the schedule
        dialog.get_by_role("button", name="Lưu lịch").click()
    expect(page.locator(".messages")).not_to_contain_text(re.compile("could not|không thể", re.I))
    footer = page.locator("footer nav.actions")
    footer.get_by_role("button", name="Thao tác khác").click()
    with page.expect_navigation():
        footer.locator("button[name=action-publish]").click()
    expect(page.locator(".messages")).to_contain_text(story.title)
    assert datetime.now(TIME_ZONE) < go_live, "the admin steps took past the go-live time"

    # Not yet: every worker still shows the live title.
    assert not any(shows_new_title(r) for r in stack.every_worker(story.path, times=1))

    # Within a minute of the go-live time, the scheduler process has published the change
    # and every worker shows it, on the page and in the feed.
    deadline = go_live + timedelta(seconds=60)
    while True:
        pages = stack.every_worker(story.path, times=2)
        feeds = stack.every_worker("/feeds/all.rss", times=2)
        if all(map(shows_new_title, pages)) and all(map(feed_has_new_title, feeds)):
            break
        now = datetime.now(TIME_ZONE)
        old_page = sorted(_by_worker(pages, lambda r: not shows_new_title(r)))
        old_feed = sorted(_by_worker(feeds, lambda r: not feed_has_new_title(r)))
        assert now < deadline, (
            f"{(now - go_live).total_seconds():.0f} s after the go-live time, workers still "
            f"show the old title: page {old_page}, feed {old_feed}"
        )
        time.sleep(3)
    assert f"Published stories.StoryPage {story.page_id}" in stack.log.read_text()
