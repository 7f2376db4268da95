"""The production settings (lantoa.settings) for tests that run the site in real processes
(tests/sites.py), with static files served from their folders instead of collected:
`collectstatic` compresses 14 MB of admin assets (20 s), which caching has nothing to do with."""

from lantoa.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
