"""Settings for the engagement benchmark's gunicorn: the project's, plus a do-nothing view."""

from lantoa.settings import *  # noqa: F403

ROOT_URLCONF = "bench._urls"
