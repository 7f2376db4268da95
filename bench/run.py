"""Runs every benchmark module in bench/ and writes docs/benchmarks.md (`make bench`).

Each bench/*.py module (except this one) has a `main()` returning its Markdown section; each
runs in its own process so that every benchmark sets Django up with its own temporary database.
`bench/run.py pages search` (`make bench BENCH="pages search"`) runs only those modules and
replaces their sections (matched by their "## " heading) in the existing docs/benchmarks.md.
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


def modules(names: list[str] | None = None) -> list[Path]:
    found = sorted(
        path
        for path in BENCH.glob("*.py")
        if path.name != "run.py" and not path.name.startswith("_")
    )
    if not names:
        return found
    unknown = set(names) - {path.stem for path in found}
    if unknown:
        raise SystemExit(f"bench: no module {', '.join(sorted(unknown))} in bench/")
    return [path for path in found if path.stem in names]


def split_sections(text: str) -> list[str]:
    """The parts of a Markdown text that each start at a "## " heading (the first: the header)."""
    parts: list[str] = [""]
    for line in text.splitlines(keepends=True):
        if line.startswith("## "):
            parts.append("")
        parts[-1] += line
    return parts


def merge(old: str, sections: list[str]) -> list[str]:
    """The old file's sections with each new one in place of the one with its heading."""
    _, *kept = split_sections(old)
    fresh = {section.splitlines()[0]: section for section in sections}
    merged = [fresh.pop(section.splitlines()[0], section).rstrip("\n") + "\n" for section in kept]
    return merged + list(fresh.values())


def run(module: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, str(module)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip() + "\n"


def main(names: list[str] | None = None) -> None:
    header = [
        "# Benchmarks",
        "",
        "Written by `make bench` (bench/run.py); each section comes from one bench/*.py module.",
        f"Last run: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {platform.machine()}."
        + (f" That run: {', '.join(names)}; other sections are older." if names else ""),
        "",
    ]
    sections = []
    for module in modules(names):
        print(f"bench: {module.name} …", file=sys.stderr)
        sections.append(run(module))
    if names and OUTPUT.exists():
        sections = merge(OUTPUT.read_text(encoding="utf-8"), sections)
    OUTPUT.write_text("\n".join(header) + "\n" + "\n".join(sections), encoding="utf-8")
    print(OUTPUT.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main(sys.argv[1:])
