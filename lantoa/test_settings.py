"""Settings for the test suite: the real engines, with tasks run at once and fast hashing."""

import tempfile

from .settings import *  # noqa: F403

TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default"],
    }
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="lantoa-test-media-"))  # noqa: F405
ALLOWED_HOSTS = ["*"]
