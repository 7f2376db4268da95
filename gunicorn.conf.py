"""Gunicorn settings for Lan Tỏa (`make serve`, systemd, the container), read from the environment.

Every value can be overridden by an environment variable; docs/deployment.md explains each and
the measurements behind the defaults. Gunicorn loads this file itself (`-c gunicorn.conf.py`).

  GUNICORN_BIND              127.0.0.1:8000   address (or unix:/run/lantoa/web.sock) to listen on
  WEB_CONCURRENCY            cores + 1        worker processes
  GUNICORN_THREADS           4                threads per worker; 1 selects the sync worker
  GUNICORN_TIMEOUT           30               a worker silent for longer is killed and replaced
  GUNICORN_GRACEFUL_TIMEOUT  30               on TERM/HUP, time given to requests in flight
  GUNICORN_KEEPALIVE         5                seconds an idle kept-alive connection stays open
  GUNICORN_CLIENT_TIMEOUT    10               a client that sends (or reads) nothing for this long
                                              in the middle of a request is dropped (0: never)
  GUNICORN_MAX_REQUESTS      1000             a worker is replaced after this many requests…
  GUNICORN_MAX_REQUESTS_JITTER 100            …plus a random 0..N, so they do not restart together
  GUNICORN_PRELOAD           0                1: import Django once in the master before forking
  GUNICORN_ACCESS_LOG        -                access log file, "-" for stdout, empty for none
  GUNICORN_LOG_LEVEL         info
  FORWARDED_ALLOW_IPS        127.0.0.1        proxies whose X-Forwarded-Proto/-For are trusted
  LANTOA_SERVED_BY_HEADER    0                1: add "X-Served-By: <worker pid>" (tests only)
"""

from __future__ import annotations

import os
import socket
import struct


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # honours CPU pinning and container limits
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


wsgi_app = "lantoa.wsgi:application"
bind = [os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")]
workers = _int("WEB_CONCURRENCY", _cores() + 1)
threads = _int("GUNICORN_THREADS", 4)
# gthread: a slow or idle client holds one thread, not a whole worker (docs/deployment.md).
worker_class = "gthread" if threads > 1 else "sync"
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 100)
# Off by default: each worker imports the project itself, so `kill -HUP` (systemctl reload)
# loads new code without dropping a request, and nothing opened at import time is shared
# between forked workers. On saves memory and start-up time on a small machine.
preload_app = os.environ.get("GUNICORN_PRELOAD", "0") == "1"
# The workers' heartbeat files on tmpfs: a container's overlay disk can stall them.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
access_log_format = (
    '%(h)s %({x-forwarded-for}i)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms pid=%(p)s'
)
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = "lantoa-web"

CLIENT_TIMEOUT = _int("GUNICORN_CLIENT_TIMEOUT", 10)
SERVED_BY_HEADER = os.environ.get("LANTOA_SERVED_BY_HEADER", "0") == "1"


def when_ready(server) -> None:
    """Bounds how long a half-sent request (or an unread response) can hold a worker or thread.

    Gunicorn reads a request with blocking sockets and no deadline of its own: a client that
    sends half its headers and stops holds a sync worker until `timeout` kills it, and a gthread
    thread for ever. Send and receive timeouts on the listening sockets are inherited by every
    accepted connection (Linux), so such a read or write fails after CLIENT_TIMEOUT seconds of
    silence and the connection is closed. nginx in front does this better (docs/deployment.md).
    """
    if CLIENT_TIMEOUT <= 0:
        return
    timeval = struct.pack("ll", CLIENT_TIMEOUT, 0)
    for listener in server.LISTENERS:
        for option in (socket.SO_RCVTIMEO, socket.SO_SNDTIMEO):
            listener.sock.setsockopt(socket.SOL_SOCKET, option, timeval)


def post_worker_init(worker) -> None:
    """Optionally tags every response with the worker's pid (end-to-end tests read it)."""
    if not SERVED_BY_HEADER:
        return
    application = worker.wsgi
    served_by = ("X-Served-By", str(os.getpid()))

    def tagged(environ, start_response):
        def start(status, headers, exc_info=None):
            return start_response(status, [*headers, served_by], exc_info)

        return application(environ, start)

    worker.wsgi = tagged
