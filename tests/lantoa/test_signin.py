"""Sign-in throttling and two-factor sign-in, as people sign in: the admin's login form over
HTTP (Django's test client), pages parsed (docs/security.md, "Sign-in")."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core import roles
from tests.admin_login import PASSWORD, signed_in

OFFICE = "203.0.113.7"
HOME = "198.51.100.20"


def sign_in(username: str, password: str, address: str = OFFICE, client: Client | None = None):
    client = client or Client(REMOTE_ADDR=address)
    response = client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}
    )
    return client, response


def fail(username: str, times: int, address: str = OFFICE) -> None:
    for _attempt in range(times):
        _client, response = sign_in(username, "sai-mat-khau", address)
        assert response.status_code in (200, 429)


def lockout_text(response) -> str:
    page = BeautifulSoup(response.content, "html.parser")
    message = page.find(id="lockout-message")
    return " ".join(message.get_text().split()) if message else ""


def is_signed_in(client: Client) -> bool:
    return client.get(reverse("wagtailadmin_home")).status_code == 200


@pytest.fixture
def administrator(db) -> User:
    user = User.objects.create_user("quantrivien", password=PASSWORD)
    user.groups.add(Group.objects.get(name=roles.ADMINISTRATOR))
    return user


# --- Throttling ---------------------------------------------------------------------------


def test_five_wrong_passwords_then_the_right_one_is_refused_in_vietnamese(journalist):
    fail("phongvien", 4)
    client, response = sign_in("phongvien", PASSWORD)
    assert response.status_code == 302, "four mistakes do not lock anyone out"
    client.post(reverse("wagtailadmin_logout"))

    fail("phongvien", 1)  # the success cleared the count: one failure is not five
    client, response = sign_in("phongvien", PASSWORD)
    assert response.status_code == 302
    client.post(reverse("wagtailadmin_logout"))

    fail("phongvien", 5)
    client, response = sign_in("phongvien", PASSWORD)
    assert response.status_code == 429
    assert not is_signed_in(client)
    message = lockout_text(response)
    assert "tạm khóa" in message and "15 phút" in message, message
    page = BeautifulSoup(response.content, "html.parser")
    assert "quản trị" in page.get_text().lower()  # who can unlock it


def test_the_lockout_ends_after_the_cool_off(journalist):
    fail("phongvien", 5)
    assert sign_in("phongvien", PASSWORD)[1].status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    client, response = sign_in("phongvien", PASSWORD)
    assert response.status_code == 302
    assert is_signed_in(client)


def test_a_colleague_at_the_same_address_and_the_victim_elsewhere_still_sign_in(journalist, editor):
    fail("phongvien", 6)
    assert sign_in("phongvien", PASSWORD)[1].status_code == 429
    # Username + address: the attacker's address does not lock a colleague out...
    assert sign_in("bientap", PASSWORD)[1].status_code == 302
    # ...nor the victim herself, from her own desk.
    assert sign_in("phongvien", PASSWORD, address=HOME)[1].status_code == 302


def test_one_address_trying_many_usernames_is_locked_for_all(journalist, editor, settings):
    assert settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS == 20
    for number in range(20):  # four tries each at five names: no name reaches five
        fail(f"nguoi-{number % 5}", 1)
    assert AccessAttempt.objects.filter(ip_address=OFFICE).count() == 5
    _client, response = sign_in("bientap", PASSWORD)
    assert response.status_code == 429
    assert "tạm khóa" in lockout_text(response)
    assert sign_in("bientap", PASSWORD, address=HOME)[1].status_code == 302


def test_an_administrator_unlocks_a_whole_address(editor, administrator):
    for number in range(20):
        fail(f"nguoi-{number % 5}", 1)
    admin = signed_in(administrator)  # from the test client's own address
    rows = lockout_rows(admin)
    assert {row[5] for row in rows} == {"Đang khóa cả địa chỉ"}
    assert {row[3] for row in rows} == {"20"}
    page = BeautifulSoup(admin.get(reverse("signin_lockouts")).content, "html.parser")
    form = page.find("form", action=reverse("signin_unlock"))
    assert " ".join(form.button.get_text().split()) == "Mở khóa cả địa chỉ"
    fields = {field["name"]: field.get("value", "") for field in form.find_all("input")}
    response = admin.post(reverse("signin_unlock"), fields, follow=True)
    assert f"Địa chỉ {OFFICE} đã được mở khóa" in response.content.decode()
    assert not AccessAttempt.objects.exists()
    assert sign_in("bientap", PASSWORD)[1].status_code == 302


def test_changing_the_user_agent_does_not_reset_the_count(journalist):
    for number in range(5):
        Client(REMOTE_ADDR=OFFICE, HTTP_USER_AGENT=f"Trình duyệt {number}").post(
            reverse("wagtailadmin_login"), {"username": "phongvien", "password": "sai"}
        )
    assert sign_in("phongvien", PASSWORD)[1].status_code == 429


def test_behind_the_proxy_the_forwarded_address_is_the_key(journalist, settings):
    """Behind nginx (ENGAGEMENT_TRUST_X_FORWARDED_FOR=1) every request comes from the proxy;
    the address counted is the reader's, as for the engagement counter."""
    settings.ENGAGEMENT_TRUST_X_FORWARDED_FOR = True
    proxy = "127.0.0.1"
    for _attempt in range(5):
        Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=OFFICE).post(
            reverse("wagtailadmin_login"), {"username": "phongvien", "password": "sai"}
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {OFFICE}
    refused = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=OFFICE).post(
        reverse("wagtailadmin_login"), {"username": "phongvien", "password": PASSWORD}
    )
    assert refused.status_code == 429
    elsewhere = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=HOME).post(
        reverse("wagtailadmin_login"), {"username": "phongvien", "password": PASSWORD}
    )
    assert elsewhere.status_code == 302


def test_the_private_page_login_is_throttled_too(journalist):
    """Wagtail's front-end login (private pages) goes through the same backends."""
    url = reverse("wagtailcore_login")
    for _attempt in range(5):
        Client(REMOTE_ADDR=OFFICE).post(url, {"username": "phongvien", "password": "sai"})
    response = Client(REMOTE_ADDR=OFFICE).post(url, {"username": "phongvien", "password": PASSWORD})
    assert response.status_code == 429


# --- The lockout screen -------------------------------------------------------------------


def lockout_rows(client: Client) -> list[list[str]]:
    response = client.get(reverse("signin_lockouts"))
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    table = page.find(id="listing-results").find("table")
    if table is None:
        return []
    return [
        [" ".join(cell.get_text().split()) for cell in row.find_all("td")]
        for row in table.find("tbody").find_all("tr")
    ]


def menu_item(client: Client) -> str | None:
    """The label of the lockout screen's item in the sidebar's Settings menu (its JSON props)."""
    page = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")
    props = json.loads(page.find(id="wagtail-sidebar-props").string)
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("url") == reverse("signin_lockouts"):
                found.append(node.get("label"))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(props)
    return found[0] if found else None


def test_administrators_see_lockouts_and_unlock(journalist, administrator):
    fail("phongvien", 5)
    fail("bientap", 2)
    admin = signed_in(administrator)
    rows = lockout_rows(admin)
    by_name = {row[0]: row for row in rows}
    assert by_name["phongvien"][1] == OFFICE
    assert by_name["phongvien"][2] == "5"
    assert by_name["phongvien"][5] == "Đang khóa"
    assert by_name["bientap"][2] == "2"
    assert by_name["bientap"][5] == "Không bị khóa"
    assert menu_item(admin) == "Khóa đăng nhập"  # under Settings, in Vietnamese

    page = BeautifulSoup(admin.get(reverse("signin_lockouts")).content, "html.parser")
    form = page.find("form", action=reverse("signin_unlock"))
    fields = {field["name"]: field.get("value", "") for field in form.find_all("input")}
    assert fields["username"] == "phongvien"
    response = admin.post(reverse("signin_unlock"), fields, follow=True)
    assert "đã được mở khóa" in response.content.decode()
    assert sign_in("phongvien", PASSWORD)[1].status_code == 302


@pytest.mark.parametrize("role", ["journalist", "editor", "editor_in_chief"])
def test_the_newsroom_cannot_see_or_clear_lockouts(role, request, superuser):
    fail("quantri", 5)
    user = request.getfixturevalue(role)
    client = signed_in(user)
    assert client.get(reverse("signin_lockouts")).status_code in (302, 403)
    response = client.post(reverse("signin_unlock"), {"username": "quantri", "ip_address": OFFICE})
    assert response.status_code in (302, 403)
    assert AccessAttempt.objects.filter(username="quantri").exists()
    assert menu_item(client) is None


def test_unlock_with_a_broken_address_changes_nothing(administrator):
    fail("phongvien", 5)
    admin = signed_in(administrator)
    response = admin.post(
        reverse("signin_unlock"), {"username": "phongvien", "ip_address": "1.2.3.4.5'"}
    )
    assert response.status_code == 302
    assert AccessAttempt.objects.filter(username="phongvien").exists()


# --- Two-factor sign-in -------------------------------------------------------------------


def code_for(device: TOTPDevice, offset: int = 0) -> str:
    device.refresh_from_db()
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset)
    return f"{value:06d}"


def enrol(client: Client, user: User) -> list[str]:
    """Through the enrolment page: the QR code, then the app's first code."""
    page = client.get(reverse("signin_2fa_setup"))
    assert page.status_code == 200
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.find(id="qr").find("svg") is not None
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    secret = soup.find(id="secret").get_text().replace(" ", "")
    from base64 import b32encode

    assert secret == b32encode(device.bin_key).decode()
    response = client.post(reverse("signin_2fa_setup"), {"code": code_for(device)})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    codes = [item.get_text() for item in soup.find(id="backup-codes").find_all("code")]
    assert len(codes) == 10
    return codes


@pytest.fixture
def enrolled_admin(administrator):
    client = signed_in(administrator)
    codes = enrol(client, administrator)
    return administrator, codes


def test_an_enrolled_administrator_needs_the_code_after_the_password(enrolled_admin):
    user, _codes = enrolled_admin
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    client, response = sign_in(user.username, PASSWORD)
    assert response.status_code == 302
    # Password right, no code: the admin and its screens send her to the code page.
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_explore_root")):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("signin_2fa_verify"))
    # A wrong code is refused with a Vietnamese message.
    response = client.post(reverse("signin_2fa_verify"), {"code": "000000"})
    assert response.status_code == 400
    assert not is_signed_in(client)
    message = BeautifulSoup(response.content, "html.parser").find(id="code-error").get_text()
    assert "mã" in message.lower()
    device.refresh_from_db()
    device.throttle_reset()
    # The app's code gets her in. (The enrolment used this 30-second step's code, and a code
    # is accepted once: the app's next code, one step ahead, is within django-otp's tolerance.)
    code = code_for(device, offset=1)
    response = client.post(
        reverse("signin_2fa_verify"), {"code": code, "next": reverse("wagtailadmin_home")}
    )
    assert response.status_code == 302
    assert is_signed_in(client)
    # The same code again, in another session (an eavesdropper replaying it): refused.
    other, _response = sign_in(user.username, PASSWORD, address=HOME)
    replay = other.post(reverse("signin_2fa_verify"), {"code": code})
    assert replay.status_code == 400
    assert not is_signed_in(other)


def test_a_backup_code_works_once(enrolled_admin):
    user, codes = enrolled_admin
    client, _response = sign_in(user.username, PASSWORD)
    typed = codes[0].upper()[:4] + " " + codes[0].upper()[4:]  # as read from a printed sheet
    assert client.post(reverse("signin_2fa_verify"), {"code": typed}).status_code == 302
    assert is_signed_in(client)
    again, _response = sign_in(user.username, PASSWORD, address=HOME)
    assert again.post(reverse("signin_2fa_verify"), {"code": codes[0]}).status_code == 400
    assert StaticToken.objects.filter(device__user=user).count() == 9


def test_enrolment_with_a_wrong_code_does_not_turn_it_on(administrator):
    client = signed_in(administrator)
    client.get(reverse("signin_2fa_setup"))
    response = client.post(reverse("signin_2fa_setup"), {"code": "123456"})
    assert response.status_code == 400
    assert not TOTPDevice.objects.filter(user=administrator, confirmed=True).exists()
    assert is_signed_in(client)  # nothing asked of her yet


def test_required_two_factor_sends_administrators_to_enrol(administrator, journalist, settings):
    settings.LOGIN_2FA_REQUIRED = True
    client = signed_in(administrator)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("signin_2fa_setup"))
    page = BeautifulSoup(client.get(response["Location"]).content, "html.parser")
    assert page.find(id="required") is not None
    # The newsroom is not asked (the demo's logins keep working as printed).
    assert is_signed_in(signed_in(journalist))


def test_a_superuser_removes_a_lost_phone(enrolled_admin):
    user, _codes = enrolled_admin
    call_command("remove_two_factor", user.username)
    assert not TOTPDevice.objects.filter(user=user).exists()
    client, _response = sign_in(user.username, PASSWORD)
    assert is_signed_in(client)


def test_demo_users_sign_in_without_a_code(journalist, editor, superuser):
    for user in (journalist, editor, superuser):
        assert is_signed_in(signed_in(user))
