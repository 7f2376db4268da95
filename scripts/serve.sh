#!/usr/bin/env bash
# Serves Lan Tỏa as production does, on one machine (`make serve`): gunicorn with the settings in
# gunicorn.conf.py, the background-task worker and the scheduler. Ctrl-C or SIGTERM stops all
# three; when one of them exits, the other two are stopped and the script exits non-zero.
# Expects a migrated database and collected static files (`make serve` does both first).
# Environment: everything lantoa/settings.py and gunicorn.conf.py read; PYTHON (the interpreter,
# .venv/bin/python by default), SERVE_STOP_TIMEOUT (seconds before a process that ignores
# SIGTERM is killed, default 40), SCHEDULER_INTERVAL (seconds, default 30).
set -uo pipefail
cd "$(dirname "$0")/.."

PY="${PYTHON:-.venv/bin/python}"
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-lantoa.settings}"
export DEBUG="${DEBUG:-0}"
export PYTHONUNBUFFERED=1

declare -A names=()
start() {  # start NAME COMMAND…
  "${@:2}" &
  names[$!]="$1"
}

stop_all() {
  trap '' INT TERM
  local pid deadline=$((SECONDS + ${SERVE_STOP_TIMEOUT:-40}))
  for pid in "${!names[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${!names[@]}"; do
    while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "serve: ${names[$pid]} ignored SIGTERM; killing it" >&2
      kill -KILL "$pid" 2>/dev/null
    fi
  done
  wait
}

stopping=0
trap 'stopping=1' INT TERM

start web "$PY" -m gunicorn -c gunicorn.conf.py
start worker "$PY" manage.py db_worker --queue-name default
start scheduler "$PY" manage.py run_scheduler --interval "${SCHEDULER_INTERVAL:-30}"

# The first of the three to exit ends the others; a signal interrupts this wait as well.
wait -n -p exited
status=$?
# Ctrl-C reaches the three processes too, and one may exit before the trap has run: give it
# a moment, so that Ctrl-C reads as a stop, not as a crash.
[ "$stopping" = 1 ] || sleep 0.5
if [ "$stopping" = 1 ]; then
  echo "serve: stopping web, worker and scheduler" >&2
  stop_all
  exit 0
fi
echo "serve: ${names[$exited]:-a process} (pid ${exited:-?}) exited with status $status;" \
  "stopping the others" >&2
[ -n "${exited:-}" ] && unset "names[$exited]"
stop_all
exit $((status == 0 ? 1 : status))
