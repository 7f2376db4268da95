"""Signing in as people do: through the admin's login form, as a real member of a group."""

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

PASSWORD = "mat-khau-thu"  # tests/conftest.py gives every test user this password


def signed_in(user: User) -> Client:
    """A fresh client (own cookies) that signed in through the admin's login form."""
    client = Client()
    response = client.post(
        reverse("wagtailadmin_login"), {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 302, response.content[:500]
    return client
