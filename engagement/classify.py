"""Bots, device classes and referrer categories, from the user agent and the referrer.

Bot detection combines ua-parser (its "Spider" device family, a maintained rule set: fast and
with no false positives on browsers) with simple rules for what it misses: HTTP libraries,
headless browsers and the words "bot", "crawl", "spider". Results are cached per user agent.
Feed pulls never pass through here: feed readers are counted as pulls (syndication.FeedPull).
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

import ua_parser

BOT_PATTERN = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|scrap|archiver|fetch|headless|lighthouse|pingdom|monitor|"
    r"preview|python|curl|wget|httpclient|http-client|okhttp|go-http|java/|libwww|axios|"
    r"node-fetch|aiohttp|httpx|requests|phantomjs|facebookexternalhit|zalo.*(?:bot|crawler)",
    re.IGNORECASE,
)
TABLET_PATTERN = re.compile(r"ipad|tablet|kindle|silk|playbook|sm-t|sm-x", re.IGNORECASE)
MOBILE_PATTERN = re.compile(r"mobi|iphone|ipod|android|windows phone|opera mini", re.IGNORECASE)

SEARCH_ENGINES = ("google.", "bing.com", "coccoc.com", "yahoo.", "duckduckgo.com", "yandex.")
SOCIAL_HOSTS = (
    "twitter.com",
    "x.com",
    "t.co",
    "youtube.com",
    "tiktok.com",
    "linkedin.com",
    "reddit.com",
    "instagram.com",
    "threads.net",
    "telegram.org",
    "t.me",
)


@lru_cache(maxsize=32768)
def is_bot(user_agent: str) -> bool:
    """A crawler, monitor or script rather than a reader's browser (a blank agent is a bot)."""
    if not user_agent or len(user_agent) < 10:
        return True
    if BOT_PATTERN.search(user_agent):
        return True
    device = ua_parser.parse_device(user_agent)
    return device is not None and device.family == "Spider"


@lru_cache(maxsize=32768)
def device_class(user_agent: str) -> str:
    """mobile, tablet, desktop or bot."""
    if is_bot(user_agent):
        return "bot"
    if TABLET_PATTERN.search(user_agent) or (
        "android" in user_agent.lower() and "mobile" not in user_agent.lower()
    ):
        return "tablet"
    if MOBILE_PATTERN.search(user_agent):
        return "mobile"
    return "desktop"


def _matches(host: str, domains: tuple[str, ...]) -> bool:
    return any(
        host == d
        or host.endswith("." + d)
        or (d.endswith(".") and (host.startswith(d) or f".{d}" in host))
        for d in domains
    )


def referrer(url: str, own_hosts: set[str]) -> tuple[str, str]:
    """(category, host) of a referrer URL: search, facebook, zalo, social, internal, direct,
    other. Only the host is kept, never the path or query (they may carry personal data)."""
    if not url:
        return "direct", ""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return "other", ""
    if not host:
        return "other", ""
    if host.startswith("www."):
        host = host[4:]
    host = host[:100]
    if host in own_hosts:
        return "internal", host
    if host == "facebook.com" or host.endswith(".facebook.com") or host in ("fb.com", "fb.me"):
        return "facebook", host
    if host == "zalo.me" or host.endswith(".zalo.me") or host.endswith("zaloapp.com"):
        return "zalo", host
    if _matches(host, SEARCH_ENGINES):
        return "search", host
    if _matches(host, SOCIAL_HOSTS):
        return "social", host
    return "other", host


def in_app_source(user_agent: str) -> str:
    """Zalo's and Facebook's in-app browsers often send no referrer but name themselves in the
    user agent: a "direct" view from them came from that app."""
    lowered = user_agent.lower()
    if "zalo" in lowered:
        return "zalo"
    if "fban" in lowered or "fbav" in lowered or "fb_iab" in lowered:
        return "facebook"
    return ""
