"""Runs every benchmark in bench/ on a throwaway database and writes docs/benchmarks.md.

Each benchmark module exposes `main() -> str`, returning a Markdown section. This runner sets
up Django once (temporary SQLite file, tasks run at once, DEBUG off) and migrates; modules add
the data they need.
"""

from __future__ import annotations

import importlib
import os
import platform
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ["bench.pages"]


def _prepare_environment() -> Path:
    workdir = Path(tempfile.mkdtemp(prefix="lantoa-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "lantoa.settings"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ["STATIC_ROOT"] = str(workdir / "static")
    os.environ["TASKS_BACKEND"] = "immediate"
    os.environ["DEBUG"] = "0"
    sys.path.insert(0, str(ROOT))
    return workdir


def main() -> None:
    _prepare_environment()
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)

    sections = []
    for name in sys.argv[1:] or BENCHMARKS:
        started = time.perf_counter()
        print(f"… {name}", flush=True)
        sections.append(importlib.import_module(name).main())
        print(f"  done in {time.perf_counter() - started:.1f} s", flush=True)

    header = [
        "# Benchmarks",
        "",
        f"Written by `make bench` on {datetime.now().astimezone():%Y-%m-%d %H:%M %z}. Machine: "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"database {os.environ['DATABASE_URL'].split(':', 1)[0]}. Figures are from one run on "
        "a shared machine: compare rows of the same run, not runs of different days.",
        "",
    ]
    output = ROOT / "docs" / "benchmarks.md"
    output.write_text("\n".join(header + sections) + "\n", encoding="utf-8")
    print(f"wrote {output.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
