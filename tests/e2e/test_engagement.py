"""The engagement beacon in a real browser: a view on load, a read at the end of the story and a
share click, each answered 204 by the ingest endpoint; nothing leaves 127.0.0.1."""

import json


def test_beacon_sends_view_read_and_share(new_tab, public_paths):
    tab = new_tab()
    page = tab.page
    sent = []

    def remember(response):
        if response.url.endswith("/e/"):
            sent.append((json.loads(response.request.post_data), response.status))

    page.on("response", remember)
    page.goto(public_paths["story"])
    page.wait_for_function("() => document.readyState === 'complete'")
    page.locator("[data-read-end]").scroll_into_view_if_needed()
    page.get_by_role("button", name="Sao chép liên kết").click()
    page.wait_for_timeout(1500)
    kinds = {payload["t"]: status for payload, status in sent}
    assert kinds == {"view": 204, "read": 204, "share": 204}, sent
    share = next(payload for payload, _status in sent if payload["t"] == "share")
    assert share["c"] == "copy" and isinstance(share["p"], int)
    assert not tab.problems()
