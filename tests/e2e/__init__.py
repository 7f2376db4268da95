"""End-to-end tests: a real browser against a real `runserver` (see conftest.py)."""
