"""The site as an operator runs it, for tests and benchmarks that need several processes.

One SQLite file in WAL mode, several gunicorn processes on free loopback ports, and a
long-lived Django process for what is not a web request (a script, the task worker, the
scheduler), all started with the same environment and the production settings
(tests/site_settings.py), so whatever they cache is either shared by all of them or not.
"""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = "tests.site_settings"
RESULT_MARK = "\x1eRESULT "
# The script process: runs each line of JSON it reads as Python, answers with `result`.
RUNNER = f"""
import json, sys, traceback
import django
django.setup()
namespace = {{}}
for line in sys.stdin:
    namespace["result"] = None
    try:
        exec(json.loads(line), namespace)
        reply = {{"ok": True, "result": namespace["result"]}}
    except Exception:
        reply = {{"ok": False, "error": traceback.format_exc()}}
    sys.stdout.write({RESULT_MARK!r} + json.dumps(reply, default=str) + "\\n")
    sys.stdout.flush()
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(
    workdir: Path, database: Path, cache_url: str = "", settings: str = SETTINGS, **extra: str
) -> dict:
    """What every process of one site is started with (the cache from `cache_url`)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings,
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(workdir / "media"),
        "PRIVATE_MEDIA_ROOT": str(workdir / "private"),
        "STATIC_ROOT": str(workdir / "static"),
        "TASKS_BACKEND": "immediate",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CACHE_URL": cache_url,
        "CACHE_KEY_PREFIX": f"lantoa-{workdir.name}",
        "PYTHONUNBUFFERED": "1",
        **extra,
    }
    env.pop("CACHE_DIR", None)
    return env


def manage(env: dict, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """`manage.py ARGS` as its own process; fails with its output when it fails."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)}:\n{result.stdout}\n{result.stderr}")
    return result


class ScriptProcess:
    """A long-lived Django process (like a shell session, the worker or the scheduler)."""

    def __init__(self, env: dict, log: Path) -> None:
        self._log = log.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-c", RUNNER],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
        )

    def run(self, code: str, timeout: float = 120):
        """Runs `code` in the process and returns its `result` variable (JSON-serialisable)."""
        self.process.stdin.write(json.dumps(code) + "\n")
        self.process.stdin.flush()
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            ready, _, _ = select.select([self.process.stdout], [], [], max(remaining, 0))
            if not ready:
                raise TimeoutError(f"the script process did not answer within {timeout:.0f} s")
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError(f"the script process exited ({self.process.poll()})")
            if line.startswith(RESULT_MARK):
                reply = json.loads(line[len(RESULT_MARK) :])
                if not reply["ok"]:
                    raise RuntimeError(reply["error"])
                return reply["result"]

    def close(self) -> None:
        self.process.stdin.close()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log.close()


class Gunicorns:
    """`count` gunicorn processes, each with `workers` sync workers, on their own ports."""

    def __init__(self, env: dict, logdir: Path, count: int = 3, workers: int = 1) -> None:
        self.ports = [free_port() for _ in range(count)]
        self.processes = []
        for index, port in enumerate(self.ports):
            log = (logdir / f"gunicorn-{index}.log").open("w")
            command = [sys.executable, "-m", "gunicorn", "lantoa.wsgi:application"]
            options = ["-b", f"127.0.0.1:{port}", "-w", str(workers), "--log-level", "warning"]
            self.processes.append(
                subprocess.Popen(
                    [*command, *options],
                    cwd=ROOT,
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
        self.bases = [f"http://127.0.0.1:{port}" for port in self.ports]
        try:
            for process, base in zip(self.processes, self.bases, strict=True):
                _wait_until_up(process, base + "/robots.txt")
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def _wait_until_up(process: subprocess.Popen, url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode} before answering")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (OSError, urllib.error.HTTPError):
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")
