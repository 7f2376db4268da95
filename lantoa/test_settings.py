"""Settings for the test suite: the real engines, with tasks run at once and fast hashing."""

import os
import secrets
import tempfile

# A key of this run's own (settings refuse to start with DEBUG=0 on a public one); exported, so
# the processes the tests start (gunicorn, scripts) get it too.
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))

from .settings import *  # noqa: F403

TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default"],
    }
}
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="lantoa-test-media-"))  # noqa: F405
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="lantoa-test-private-"))  # noqa: F405
if STORAGES["private"]["BACKEND"] == "core.storage.PrivateFileSystemStorage":
    STORAGES["private"] = {**STORAGES["private"], "OPTIONS": {"location": PRIVATE_MEDIA_ROOT}}
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="lantoa-test-static-"))  # noqa: F405
ALLOWED_HOSTS = ["*"]
SEARCH_INDEX_RETRY_DELAYS = [0.0, 0.0]
# The cache: the embedded default in a folder of this run's own, or the one CACHE_URL names
# (Redis in CI; tests clear it, so give them a database of their own), under this run's prefix.
CACHES = {
    "default": {
        **cache_from_url(  # noqa: F405
            os.environ.get("CACHE_URL", ""),
            Path(tempfile.mkdtemp(prefix="lantoa-test-cache-")),  # noqa: F405
        ),
        "KEY_PREFIX": f"lantoa-test-{os.getpid()}",
    }
}
