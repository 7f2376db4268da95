"""The government's EMC monitoring snippet (TT 22/2023/TT-BTTTT): off by default; when
EMC_SCRIPT_URL is set, on public pages only, and allowed by the content security policy —
through the real middleware stack (a fresh test client loads it with the settings in force)."""

from __future__ import annotations

import lxml.html
import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

EMC_URL = "https://giamsat.emc.gov.vn/tracking/lantoa-7f3a.js"
EMC_ORIGIN = "https://giamsat.emc.gov.vn"


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def script_sources(response) -> list[str]:
    return lxml.html.fromstring(response.content).xpath("//script/@src")


def pages(make_story, superuser) -> tuple[dict, Client]:
    story = make_story("Người gác đèn biển")
    admin = Client()
    admin.force_login(superuser)
    return {"home": "/", "story": story.url, "search": "/tim-kiem/?q=bien"}, admin


def test_off_by_default_nothing_added(make_story, superuser, settings):
    assert settings.EMC_SCRIPT_URL == ""
    urls, _admin = pages(make_story, superuser)
    client = Client()
    for url in urls.values():
        response = client.get(url)
        assert not any("emc" in src for src in script_sources(response)), url
        directives = policy(response)
        assert directives["script-src"] == ["'self'"]
        assert directives["connect-src"] == ["'self'"]


def test_on_public_pages_with_its_origin_allowed_never_in_the_admin(
    make_story, superuser, settings
):
    settings.EMC_SCRIPT_URL = EMC_URL
    urls, admin = pages(make_story, superuser)
    client = Client()  # loads the middleware with the setting on
    for url in urls.values():
        response = client.get(url)
        assert script_sources(response).count(EMC_URL) == 1, url
        directives = policy(response)
        assert EMC_ORIGIN in directives["script-src"], url
        assert EMC_ORIGIN in directives["connect-src"], url
        assert "'unsafe-inline'" not in directives["script-src"]
    for url in ("/admin/", "/admin/pages/"):
        response = admin.get(url)
        assert response.status_code == 200, url
        assert EMC_URL not in response.content.decode(), url
        assert EMC_ORIGIN not in response["Content-Security-Policy"], url


def test_settings_refuse_an_address_that_is_not_https():
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", "import lantoa.settings"],
        cwd=root,
        env={**os.environ, "EMC_SCRIPT_URL": "http://emc.example/x.js"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "EMC_SCRIPT_URL" in result.stderr
