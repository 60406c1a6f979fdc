#!/usr/bin/env bash
# The pages in a real browser (not part of the test suite: CI installs no browser): axe-core's WCAG 2.1 A/AA rules
# on every page type in French and English at 1280 and 390 px, sideways scrolling, page weight, requests to other
# hosts, and the resident's task done with the keyboard alone. Starts `tissu serve` on the sample in a temporary
# directory. Exit code 1 when the finder or an activity page fails a check.
#
#   api/browser/check-pages.sh [SCREENSHOT_DIR]
#
# Needs Debian's Chromium (apt-get install chromium) and Node.js; playwright-core and axe-core are installed with npm
# into BROWSER_DIR (default /tmp/tissu-browser) on first use.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${BROWSER_DIR:-/tmp/tissu-browser}"
[ -x /usr/bin/chromium ] || { echo "Chromium is needed (apt-get install chromium)" >&2; exit 4; }
mkdir -p "$work"
if [ ! -d "$work/node_modules/axe-core" ] || [ ! -d "$work/node_modules/playwright-core" ]; then
  (cd "$work" && npm install --silent --no-audit --no-fund playwright-core axe-core >/dev/null)
fi
source "$root/api/browser/sample-server.sh"
[ -n "${1:-}" ] && mkdir -p "$1"
NODE_PATH="$work/node_modules" node "$root/api/browser/check-pages.js" "http://127.0.0.1:$port" "${1:-}"
