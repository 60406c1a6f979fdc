#!/usr/bin/env bash
# The schema.org markup (JSON-LD) of the activity and association pages checked against schema.org's definitions
# with schema-dts and TypeScript (not part of the test suite, which does not use npm). Starts `tissu serve` on the
# sample in a temporary directory. Exit code 1 when a block does not fit schema.org.
#
#   api/browser/check-schema-org.sh
#
# Needs Node.js; typescript 5 (7 is the native port, without the compiler API used here) and schema-dts are installed
# with npm into BROWSER_DIR (default /tmp/tissu-browser).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${BROWSER_DIR:-/tmp/tissu-browser}"
mkdir -p "$work"
if ! grep -q '"version": "5\.' "$work/node_modules/typescript/package.json" 2>/dev/null \
    || [ ! -d "$work/node_modules/schema-dts" ]; then
  (cd "$work" && npm install --silent --no-audit --no-fund typescript@5 schema-dts >/dev/null)
fi
source "$root/api/browser/sample-server.sh"
NODE_PATH="$work/node_modules" node "$root/api/browser/check-schema-org.js" "http://127.0.0.1:$port"
