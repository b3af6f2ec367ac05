#!/usr/bin/env bash
# screenshot_report.sh — renders an audit's report.html in headless Chromium to a PNG, to look
# at the page as a person sees it (Debian: apt-get install chromium). Not part of the test suite.
#
# Usage: scripts/screenshot_report.sh AUDIT_DIR/report.html OUT.png [WIDTH [HEIGHT]]
# The page needs no network: Chromium runs with networking off (--no-proxy-server plus a
# proxy that does not exist), so a page that tried to fetch anything would show it broken.
set -euo pipefail
if (($# < 2)); then
  sed -n '2,8p' "$0" >&2
  exit 2
fi
page=$(realpath "$1") png=$2 width=${3:-1280} height=${4:-3000}
browser=$(command -v chromium || command -v chromium-browser || true)
[[ -n $browser ]] || { echo "screenshot_report: chromium not found (apt-get install chromium)" >&2; exit 2; }
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
  --proxy-server=127.0.0.1:9 --window-size="$width,$height" --screenshot="$(realpath -m "$png")" \
  "file://$page" 2>/dev/null
echo "wrote $png"
