"""The audit's beacon flood, through real HTTP: two gunicorn processes, one SQLite file, the
embedded shared cache; readers and the forger connect from their own loopback addresses
(127.0.0.x), as distinct clients reach nginx. The forger's 600 beacons with rotating user
agents stop at the per-address limit on both processes together, and its rumour never
becomes a popular search; five readers from five addresses make theirs popular; a commune's
NAT still counts; an editor's hidden phrase leaves the search page of the other process on its
next request. Pages are parsed, not string-matched."""

from __future__ import annotations

import http.client
import json
import re
from pathlib import Path

import pytest
import requests
from bs4 import BeautifulSoup

from tests.sites import (
    RunningSite,
    admin_login,
    copy_database,
    environment,
    seed,
    submit_admin_form,
)

pytestmark = [pytest.mark.slow, pytest.mark.cross_process, pytest.mark.django_db]

ADDRESS_LIMIT = 100
FORGED = 600
PASSWORD = "mat-khau-bien-tap"
RUMOUR = "Tin đồn lãnh đạo tỉnh bị bắt"
FESTIVAL = "lễ hội hoa ban"
HIDDEN_ADD = "/admin/snippets/lantoa_search/hiddensearchterm/add/"

SEED = seed(
    f"""
main = column("Gương sáng đời thường")
staff("bientap", {PASSWORD!r}, roles.EDITOR)
result = {{
    "flooded": story(main, "Người giữ rừng ở Nậm Mơ"),
    "nat": story(main, "Con đường bê tông của bản Phiêng"),
    "festival": story(main, "Lễ hội hoa ban ở bản Nậm Mơ"),
}}
""",
    "Bà con cả bản cùng làm đường, trồng rừng và giữ lễ hội.",
)

ROLLUP = """
from django.utils import timezone
from engagement.rollups import rollup_day
from engagement.selectors import dropped_events
rollup_day(timezone.localdate())
result = dropped_events(timezone.localdate(), timezone.localdate())
"""


class Site(RunningSite):
    def __init__(self, workdir: Path, env: dict) -> None:
        super().__init__(workdir, env, SEED, count=2)

    def beacon(self, index: int, payload: dict, *, address: str, agent: str) -> int:
        """One beacon as a browser at `address` sends it (sendBeacon: a text/plain POST)."""
        port = self.servers.ports[index]
        connection = http.client.HTTPConnection(
            "127.0.0.1", port, timeout=30, source_address=(address, 0)
        )
        try:
            connection.request(
                "POST",
                "/e/",
                body=json.dumps(payload),
                headers={"Content-Type": "text/plain;charset=UTF-8", "User-Agent": agent},
            )
            return connection.getresponse().status
        finally:
            connection.close()

    def rollup(self) -> int:
        """Rolls today up (as the task worker does) and returns today's dropped events."""
        return self.script.run(ROLLUP)

    def popular(self, index: int) -> list[str]:
        """ "Tìm kiếm phổ biến" on the empty search page of process `index`, as shown."""
        response = requests.get(self.bases[index] + "/tim-kiem/", timeout=30)
        assert response.status_code == 200
        html = BeautifulSoup(response.text, "html.parser")
        return [link.get_text(strip=True) for link in html.select("ul.search-popular li a")]

    def views(self, index: int, path: str) -> int:
        """ "Lượt xem: N" under the story's date (0 when the page shows none)."""
        response = requests.get(self.bases[index] + path, timeout=30)
        assert response.status_code == 200
        shown = BeautifulSoup(response.text, "html.parser").select_one(".story__views")
        return int(re.sub(r"\D", "", shown.get_text())) if shown else 0

    def log_lines(self, text: str) -> list[str]:
        return [
            line
            for path in sorted(self.workdir.glob("gunicorn-*.log"))
            for line in path.read_text().splitlines()
            if text in line
        ]


def browser(number: int) -> str:
    return f"Mozilla/5.0 (Linux; Android 14; SM-A{number:03d}) Chrome/{100 + number % 50}.0 Mobile"


@pytest.fixture(scope="module")
def site(migrated_sqlite, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("beacon-site")
    database = copy_database(migrated_sqlite, workdir / "site.sqlite3")
    env = environment(
        workdir,
        database,
        ENGAGEMENT_ADDRESS_RATE_LIMIT=str(ADDRESS_LIMIT),
        # One window for the whole test: a flood split by a window's end would get two.
        ENGAGEMENT_RATE_WINDOW="86400",
    )
    running = Site(workdir, env)
    yield running
    running.close()


def test_600_forged_beacons_from_one_address_stop_at_its_limit_and_rig_nothing(site):
    story = site.seed["flooded"]
    answers = []
    for number in range(FORGED):  # every beacon a new "visitor", spread over both processes
        payload = (
            {"t": "view", "p": story["id"]} if number % 2 else {"t": "search", "q": RUMOUR, "n": 4}
        )
        answers.append(
            site.beacon(number % 2, payload, address="127.0.0.66", agent=browser(number))
        )
    assert answers == [204] * FORGED  # dropped, never an error a page could show
    dropped = site.rollup()
    assert dropped == FORGED - ADDRESS_LIMIT  # shared: per process, each would let 100 through
    views = site.views(0, story["url"])
    assert views == ADDRESS_LIMIT // 2  # the first hundred accepted: every other one a view
    assert site.views(1, story["url"]) == views
    assert RUMOUR not in site.popular(0) and RUMOUR not in site.popular(1)
    # One warning for the whole flood, from whichever process saw the first dropped event.
    assert len(site.log_lines("engagement flood limit: address key")) == 1


def test_five_readers_from_five_addresses_make_a_search_popular(site):
    assert FESTIVAL not in site.popular(0)
    for number in range(5):
        address = f"127.0.0.{11 + number}"
        # The reader's search page, then the beacon its script sends with the result count.
        page = requests.get(
            site.bases[number % 2] + "/tim-kiem/", params={"q": FESTIVAL}, timeout=30
        )
        count = BeautifulSoup(page.text, "html.parser").select_one("[data-result-count]")
        found = int(count["data-result-count"])
        assert found >= 1
        payload = {"t": "search", "q": FESTIVAL, "n": found}
        assert site.beacon(number % 2, payload, address=address, agent=browser(number)) == 204
    site.rollup()
    assert FESTIVAL in site.popular(0) and FESTIVAL in site.popular(1)


def test_a_commune_nat_within_the_limits_is_counted_in_full(site):
    story = site.seed["nat"]
    for number in range(40):  # forty phones behind one address, one view each
        payload = {"t": "view", "p": story["id"]}
        assert site.beacon(number % 2, payload, address="127.0.0.20", agent=browser(number)) == 204
    site.rollup()
    assert site.views(0, story["url"]) == 40
    assert site.views(1, story["url"]) == 40


def test_an_editors_hidden_phrase_leaves_the_other_process_at_once(site):
    for number in range(5):  # a rumour pushed from five addresses: popular by the rule
        payload = {"t": "search", "q": RUMOUR, "n": 2}
        address = f"127.0.0.{31 + number}"
        assert site.beacon(number % 2, payload, address=address, agent=browser(number)) == 204
    site.rollup()
    assert RUMOUR in site.popular(0) and RUMOUR in site.popular(1)  # both now cache it

    session = admin_login(site.bases[0], "bientap", PASSWORD)
    form = BeautifulSoup(session.get(site.bases[0] + HIDDEN_ADD, timeout=30).text, "html.parser")
    assert form.select_one("label[for=id_phrase]").get_text(strip=True).startswith("Từ hoặc cụm từ")
    done = submit_admin_form(
        session, site.bases[0], HIDDEN_ADD, {"phrase": "tin don lanh dao", "reason": "Bịa đặt."}
    )
    assert done.status_code == 200 and [r.status_code for r in done.history] == [302]

    assert RUMOUR not in site.popular(1)  # the other process, on its very next request
    assert RUMOUR not in site.popular(0)
    assert FESTIVAL in site.popular(1)
