"""Sign-in in Chromium on the production stack: the lockout page, enrolling in two-step sign-in
and signing in with the app's code, with the site's Content-Security-Policy (a violation is a
console error, which fails the test)."""

from __future__ import annotations

import re
import time
from base64 import b32decode

from django_otp.oath import totp
from playwright.sync_api import expect

from core import roles

PASSWORD = "mat-khau-quan-tri-2fa"


def app_code(secret: str, steps_ahead: int = 0) -> str:
    """What an authenticator app shows for the key (steps_ahead: its code 30 s from now)."""
    key = b32decode(secret.replace(" ", ""))
    return f"{totp(key, drift=steps_ahead):06d}"


def sign_in(page, username: str, password: str) -> None:
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    with page.expect_navigation():
        page.locator("form button[type=submit]").click()


def test_wrong_passwords_end_on_the_vietnamese_lockout_page(new_tab, stack):
    tab = new_tab()
    page = tab.page
    try:
        for _attempt in range(5):
            sign_in(page, "bientap", "doan-sai-mat-khau")
        expect(page.locator("#lockout-message")).to_contain_text("tạm khóa")
        expect(page.locator("#lockout-message")).to_contain_text("15 phút")
        sign_in(page, "bientap", "lantoa-demo")  # the right password, still refused
        expect(page.locator("#lockout-message")).to_be_visible()
        assert "/admin/login/" in page.url
        # Chromium reports the 429 itself as a console error; nothing else may appear.
        assert [problem for problem in tab.problems() if "status of 429" not in problem] == []
    finally:
        stack.manage("axes_reset_username", "bientap")


def test_an_administrator_enrols_and_signs_in_with_the_code(new_tab, stack):
    stack.manage(
        "shell",
        "-c",
        "from django.contrib.auth.models import Group, User; "
        f"u = User.objects.create_user('quantri2buoc', password={PASSWORD!r}); "
        f"u.groups.add(Group.objects.get(name={roles.ADMINISTRATOR!r}))",
    )
    tab = new_tab()
    page = tab.page
    sign_in(page, "quantri2buoc", PASSWORD)
    expect(page).to_have_url(re.compile(r"/admin/$"))
    page.goto("/admin/account/")
    page.get_by_role("tab", name="Thao tác khác").click()
    page.get_by_role("link", name="Xác thực hai bước").click()
    expect(page.locator("#qr svg")).to_be_visible()
    secret = page.locator("#secret").inner_text()
    page.locator("#id_code").fill(app_code(secret))
    page.get_by_role("button", name="Bật", exact=True).click()
    expect(page.locator("#enrolled")).to_be_visible()
    expect(page.locator("#backup-codes li")).to_have_count(10)

    # A new sign-in: the password, then the code page, then the dashboard.
    page.context.clear_cookies()
    sign_in(page, "quantri2buoc", PASSWORD)
    expect(page).to_have_url(re.compile(r"/admin/2fa/verify/"))
    expect(page.get_by_role("heading", name="Xác thực hai bước")).to_be_visible()
    page.locator("#id_code").fill("000000")
    page.get_by_role("button", name="Tiếp tục", exact=True).click()
    expect(page.locator("#code-error")).to_contain_text("Mã không đúng")
    time.sleep(1.1)  # django-otp waits 1 s after a wrong code
    page.locator("#id_code").fill(app_code(secret, steps_ahead=1))
    page.get_by_role("button", name="Tiếp tục", exact=True).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    # Chromium reports the wrong code's 400 itself as a console error; nothing else may appear.
    assert [problem for problem in tab.problems() if "status of 400" not in problem] == []
