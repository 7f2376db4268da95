"""The lockout holds across gunicorn processes: attempts are counted in the database, so wrong
passwords sent to one worker lock the sign-in on every other (docs/security.md, "Sign-in")."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from bs4 import BeautifulSoup

from tests.sites import Gunicorns, ScriptProcess

pytestmark = [pytest.mark.slow, pytest.mark.cross_process]

PASSWORD = "mat-khau-bien-tap"
CREATE_EDITOR = f"""
from django.contrib.auth.models import Group, User
from core import roles
user = User.objects.create_user("bientap", password={PASSWORD!r})
user.groups.add(Group.objects.get(name=roles.EDITOR))
"""
COUNT_FAILURES = """
from django.db.models import Sum
from axes.models import AccessAttempt
attempts = AccessAttempt.objects.filter(username="bientap")
result = attempts.aggregate(n=Sum("failures_since_start"))["n"]
"""


def sign_in(base: str, password: str) -> requests.Response:
    """The admin's login form as a browser submits it (a session, its CSRF token)."""
    session = requests.Session()
    form = session.get(base + "/admin/login/", timeout=30)
    token = BeautifulSoup(form.text, "html.parser").select_one("input[name=csrfmiddlewaretoken]")
    return session.post(
        base + "/admin/login/",
        data={"username": "bientap", "password": password, "csrfmiddlewaretoken": token["value"]},
        headers={"Referer": base + "/admin/login/"},
        allow_redirects=False,
        timeout=30,
    )


@pytest.fixture
def site(process_env, tmp_path):
    env = {
        **process_env,
        # Production settings, static files from their folders (no collectstatic).
        "DJANGO_SETTINGS_MODULE": "tests.site_settings",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "TASKS_BACKEND": "immediate",
    }
    script = ScriptProcess(env, tmp_path / "script.log")
    script.run(CREATE_EDITOR)
    servers = Gunicorns(env, tmp_path, count=2, workers=1)
    try:
        yield script, servers.bases
    finally:
        servers.stop()
        script.close()


def test_a_lockout_reached_through_one_process_holds_on_every_other(site):
    script, (first, second) = site
    # Wrong passwords alternately to both processes: the first process sees only three of
    # them, yet the fifth (on it) is answered with the lockout, counted from both.
    for index in range(5):
        response = sign_in((first, second)[index % 2], "sai-mat-khau")
        assert response.status_code == (200 if index < 4 else 429), index
    assert script.run(COUNT_FAILURES) == 5
    for base in (first, second):
        refused = sign_in(base, PASSWORD)
        assert refused.status_code == 429, base
        message = BeautifulSoup(refused.text, "html.parser").find(id="lockout-message")
        assert "tạm khóa" in message.get_text()
        assert "sessionid" not in refused.cookies

    # Ten at once over both processes (one site start for both checks: it takes a while):
    # no attempt is lost to a race between the workers.
    script.run("from axes.models import AccessAttempt; AccessAttempt.objects.all().delete()")
    assert sign_in(second, PASSWORD).status_code == 302
    bases = [first, second]
    with ThreadPoolExecutor(max_workers=6) as pool:
        statuses = list(pool.map(lambda i: sign_in(bases[i % 2], "sai").status_code, range(10)))
    assert set(statuses) <= {200, 429}
    assert script.run(COUNT_FAILURES) == 10
    assert all(sign_in(base, PASSWORD).status_code == 429 for base in bases)
