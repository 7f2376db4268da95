#!/usr/bin/env bash
# Installs the Debian packages the application itself needs (not the browser for the e2e suite,
# scripts/install-browser.sh, nor the servers, scripts/postgres.sh and scripts/redis.sh):
#   libpango-1.0-0, libpangoft2-1.0-0  WeasyPrint's text layout (campaign reports as PDF);
#   fonts-liberation2                  Liberation Serif, metric-compatible with Times New Roman,
#                                      which Nghị định 30/2020 asks for, with every Vietnamese
#                                      letter (docs/campaigns.md, "Official form");
#   fonts-dejavu-core                  the fallback with every Vietnamese letter;
#   poppler-utils                      pdftotext/pdftoppm, to read a generated PDF by hand;
#   espeak-ng                          the embedded speech engine's Vietnamese voice (read-aloud);
#   ffmpeg                             ffprobe and ffmpeg: audio intake, broadcast copies
#                                      (loudnorm), speech to MP3, station bulletins.
# Idempotent: asks apt only for what dpkg does not already have. Needs root or sudo.
set -euo pipefail

PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation2 fonts-dejavu-core poppler-utils
    espeak-ng ffmpeg)
missing=()
for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$package")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "install-system-packages: missing ${missing[*]}; installing needs root (apt-get)." >&2
    exit 1
fi
echo "install-system-packages: installing ${missing[*]}" >&2
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq >&2
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
    --no-install-recommends "${missing[@]}" >&2
