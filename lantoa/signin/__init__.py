"""Signing in to the admin: throttling and lockout (django-axes), the lockout screen for
administrators, and optional two-factor codes (django-otp). docs/security.md, "Sign-in"."""
