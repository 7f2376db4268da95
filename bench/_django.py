"""Django on a throwaway database, for benchmark modules (each runs in its own process)."""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(database_url: str = "") -> Path:
    """Temporary SQLite file (or `database_url`, an empty database), media and static folders;
    tasks run at once; DEBUG off; migrated."""
    workdir = Path(tempfile.mkdtemp(prefix="lantoa-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "lantoa.settings"
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ["PRIVATE_MEDIA_ROOT"] = str(workdir / "private")
    os.environ["STATIC_ROOT"] = str(workdir / "static")
    os.environ["TASKS_BACKEND"] = "immediate"
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))  # DEBUG=0 requires one
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    return workdir
