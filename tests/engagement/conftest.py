"""Engagement fixtures: a clean in-memory state (salt, live page ids) per test; the flood
limits' counters live in the shared cache, which tests/conftest.py empties."""

import json

import pytest

from engagement import ingest, visitors

BROWSER = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0 Safari/537.36"
)
PHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)
TABLET = "Mozilla/5.0 (iPad; CPU OS 16_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


@pytest.fixture(autouse=True)
def _fresh_state():
    visitors.forget_cached_salt()
    ingest.forget_page_ids()
    yield
    visitors.forget_cached_salt()
    ingest.forget_page_ids()


@pytest.fixture
def send(client):
    """POSTs one beacon payload the way navigator.sendBeacon does (a text/plain body)."""

    def _send(payload, *, user_agent: str = BROWSER, ip: str = "203.0.113.7", **headers):
        body = payload if isinstance(payload, (bytes, str)) else json.dumps(payload)
        return client.post(
            "/e/",
            data=body,
            content_type="text/plain;charset=UTF-8",
            HTTP_USER_AGENT=user_agent,
            REMOTE_ADDR=ip,
            **headers,
        )

    return _send
