"""Runs every benchmark module in bench/ and writes docs/benchmarks.md (`make bench`).

Each bench/*.py module (except this one) has a `main()` returning its Markdown section; each
runs in its own process so that every benchmark sets Django up with its own temporary database.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUTPUT = ROOT / "docs" / "benchmarks.md"
RUNNER = "import runpy, sys; sys.stdout.write(runpy.run_path(sys.argv[1])['main']())"


def modules() -> list[Path]:
    return sorted(
        path
        for path in BENCH.glob("*.py")
        if path.name != "run.py" and not path.name.startswith("_")
    )


def run(module: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, str(module)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip() + "\n"


def main() -> None:
    header = [
        "# Benchmarks",
        "",
        "Written by `make bench` (bench/run.py); each section comes from one bench/*.py module.",
        f"Last run: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {platform.machine()}.",
        "",
    ]
    sections = []
    for module in modules():
        print(f"bench: {module.name} …", file=sys.stderr)
        sections.append(run(module))
    OUTPUT.write_text("\n".join(header) + "\n" + "\n".join(sections), encoding="utf-8")
    print(OUTPUT.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
