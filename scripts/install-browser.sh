#!/usr/bin/env bash
# Installs the browser the end-to-end suite drives: Debian's Chromium (`make test-e2e`).
# Playwright's own browser download is not used. Idempotent: does nothing when `chromium` is on
# PATH; otherwise installs the `chromium` package with apt (needs root, or sudo).
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
    echo "install-browser: $(command -v chromium) is already installed."
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "install-browser: chromium is missing and installing it needs root (apt-get)." >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
# DejaVu has every Vietnamese letter, so screenshots show text rather than empty boxes.
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    chromium fonts-dejavu-core

command -v chromium >/dev/null 2>&1 || {
    echo "install-browser: apt installed chromium but it is not on PATH." >&2
    exit 1
}
echo "install-browser: installed $(command -v chromium) ($(chromium --version 2>/dev/null || echo 'version unknown'))."
