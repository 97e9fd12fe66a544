#!/usr/bin/env bash
# Render a `vnmine eval --html` report in headless Chromium and save a PNG screenshot.
#
# Usage: scripts/screenshot-eval-html.sh REPORT.html [OUT.png] [WIDTHxHEIGHT]
#   (default OUT: REPORT.png next to the report; default size 1400x1800)
#
# Installs Debian's `chromium` package when it is missing (needs root; runs apt-get update first).
set -euo pipefail

[ $# -ge 1 ] || { sed -n '2,6p' "$0"; exit 2; }
HTML=$(realpath "$1")
PNG=${2:-${HTML%.html}.png}
SIZE=${3:-1400x1800}
[ -f "$HTML" ] || { echo "screenshot-eval-html: $1: no such file" >&2; exit 1; }

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
  echo "screenshot-eval-html: installing Debian's chromium" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null
  CHROMIUM=$(command -v chromium)
fi

# --no-sandbox: Chromium refuses to run as root with its sandbox on; the page is a local, script-light report.
"$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
  --window-size="${SIZE/x/,}" --screenshot="$(realpath -m "$PNG")" "file://$HTML" 2>/dev/null
[ -s "$PNG" ] || { echo "screenshot-eval-html: chromium wrote no screenshot" >&2; exit 1; }
echo "$PNG"
