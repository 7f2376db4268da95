"""Security settings and headers (issue 12): fail closed on a public key, `HTTPS=1` makes
`check --deploy` clean, and every response carries the security headers — the beacon too."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
JSON_SCRIPT_TYPES = {"application/ld+json", "application/json"}


def _django(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    """manage.py in a fresh process with exactly these settings variables."""
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "SECRET_KEY_FILE"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        # No key file either, unless the test names one (the checkout's .secret_key would do).
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "lantoa.settings",
            "SECRET_KEY_FILE": str(ROOT / "no-such-key-file"),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "key",
    [
        "",
        "lantoa-insecure-development-key-change-me",
        "django-insecure-" + "x" * 60,
        "short-but-random-7f3a",
        "a" * 80,
    ],
    ids=["missing", "repository-placeholder", "django-placeholder", "short", "one-letter"],
)
def test_production_refuses_to_start_on_a_key_others_can_know(key):
    result = _django({"DEBUG": "0", "SECRET_KEY": key}, "check")
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY" in result.stderr
    assert "SECRET_KEY_FILE" in result.stderr  # the message says what to set


def test_production_starts_with_a_strong_key_or_a_key_file(tmp_path):
    assert _django({"DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50)}, "check").returncode == 0
    key_file = tmp_path / "secret"
    key_file.write_text(secrets.token_urlsafe(50) + "\n")
    assert _django({"DEBUG": "0", "SECRET_KEY_FILE": str(key_file)}, "check").returncode == 0
    assert _django({"DEBUG": "1"}, "check").returncode == 0  # development needs no key


def test_https_switch_makes_check_deploy_clean():
    env = {"DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50)}
    without = _django(env, "check", "--deploy", "--fail-level", "WARNING")
    assert without.returncode != 0
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in without.stderr + without.stdout
    with_https = _django({**env, "HTTPS": "1"}, "check", "--deploy", "--fail-level", "WARNING")
    assert with_https.returncode == 0, with_https.stderr + with_https.stdout
    assert "no issues" in with_https.stdout


def _policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def _assert_security_headers(response) -> dict[str, list[str]]:
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "geolocation=()" in response["Permissions-Policy"]
    policy = _policy(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert "'unsafe-eval'" not in policy["script-src"]
    return policy


@pytest.mark.django_db
def test_every_kind_of_response_carries_the_security_headers(client, make_story):
    story = make_story("Cô giáo bản Lướt")
    responses = {
        "story": client.get(story.url),
        "home": client.get("/"),
        "feed": client.get("/feeds/all.rss"),
        "not found": client.get("/khong-co-trang-nay/"),
        "beacon": client.post(
            "/e/", data=b'{"p": %d, "t": "view"}' % story.pk, content_type="text/plain"
        ),
        "pixel": client.get(f"/e.gif?p={story.pk}"),
        "admin login": client.get("/admin/login/"),
    }
    for name, response in responses.items():
        assert response.status_code < 500, name
        policy = _assert_security_headers(response)
        # Wagtail's admin writes inline scripts and styles; the public site has none.
        expected = ["'self'", "'unsafe-inline'"] if name == "admin login" else ["'self'"]
        assert sorted(policy["style-src"]) == sorted(expected), name
        assert sorted(policy["script-src"]) == sorted(expected), name


@pytest.mark.django_db
def test_public_pages_need_no_inline_script_or_style(client, make_story):
    """What the policy forbids is absent: the pages work under it (the e2e suite runs them in
    Chromium, where a violation is a console error)."""
    story = make_story("Người gác đèn biển")
    for url in (story.url, "/", "/tim-kiem/?q=bien", "/dinh-chinh/"):
        html = BeautifulSoup(client.get(url).content, "html.parser")
        inline = [
            tag
            for tag in html.find_all("script")
            if not tag.get("src") and tag.get("type") not in JSON_SCRIPT_TYPES
        ]
        assert inline == [], url
        assert html.find_all("style") == [], url
        assert html.select("[style]") == [], url
        handlers = [
            (tag.name, name)
            for tag in html.find_all(True)
            for name in tag.attrs
            if name.startswith("on")
        ]
        assert handlers == [], url


def test_media_on_object_storage_is_allowed_from_its_own_origin(settings, rf):
    """With MEDIA_STORAGE=s3 images come from the bucket's domain: the policy names it, read
    from the storage itself (a page whose photos the policy blocked would show none)."""
    from django.http import HttpResponse

    from core.security import SecurityHeadersMiddleware

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": "lantoa-media", "custom_domain": "anh.example.vn"},
        },
    }
    middleware = SecurityHeadersMiddleware(lambda request: HttpResponse("ok"))
    policy = _policy(middleware(rf.get("/")))
    assert policy["img-src"] == ["'self'", "data:", "https://anh.example.vn"]
    assert policy["media-src"] == ["'self'", "https://anh.example.vn"]
    assert policy["script-src"] == ["'self'"]  # only media may come from there


def test_media_under_the_site_adds_no_origin(rf):
    from django.http import HttpResponse

    from core.security import SecurityHeadersMiddleware

    middleware = SecurityHeadersMiddleware(lambda request: HttpResponse("ok"))
    assert _policy(middleware(rf.get("/")))["img-src"] == ["'self'", "data:"]
