#!/usr/bin/env bash
# Starts a throwaway Redis server on 127.0.0.1 for the tests and prints its URL for CACHE_URL.
# Installs Debian's `redis-server` package when it is missing (needs root, as on CI machines).
# Nothing is persisted: no RDB snapshots, no append-only file.
# Usage: CACHE_URL=$(bash scripts/redis.sh)   |   bash scripts/redis.sh stop
# Environment: LANTOA_REDIS_PORT (6390), LANTOA_REDIS_DIR (/tmp/lantoa-redis-<port>).
set -euo pipefail

PORT="${LANTOA_REDIS_PORT:-6390}"
DIR="${LANTOA_REDIS_DIR:-/tmp/lantoa-redis-$PORT}"
URL="redis://127.0.0.1:$PORT/0"

ping() { redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null | grep -q PONG; }

if [ "${1:-start}" = "stop" ]; then
  if command -v redis-cli >/dev/null 2>&1 && ping; then
    redis-cli -h 127.0.0.1 -p "$PORT" shutdown nosave >/dev/null 2>&1 || true
  elif [ -f "$DIR/redis.pid" ]; then
    kill "$(cat "$DIR/redis.pid")" 2>/dev/null || true
  fi
  exit 0
fi

if ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then
    echo "Redis is not installed; run: sudo apt-get install redis-server" >&2
    exit 1
  fi
  echo "Installing Redis (Debian package redis-server)…" >&2
  apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
    --no-install-recommends redis-server >&2
fi

if ! ping; then
  mkdir -p "$DIR"
  redis-server --port "$PORT" --bind 127.0.0.1 --daemonize yes --dir "$DIR" \
    --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log" --save "" --appendonly no \
    --maxmemory 256mb --maxmemory-policy allkeys-lru >&2
  for _ in $(seq 1 50); do ping && break; sleep 0.1; done
  ping || { echo "redis-server did not start; see $DIR/redis.log" >&2; exit 1; }
fi

echo "$URL"
