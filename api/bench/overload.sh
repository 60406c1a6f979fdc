#!/usr/bin/env bash
# Overload benchmark (not part of the test suite): the REST mix at 512 connections — several times what the server
# answers at 32 — with the server pinned to one core and wrk to the other, while a second wrk asks /health/live at
# 4 connections: what is served, what is shed (429/503 with Retry-After), and whether a cheap request keeps a
# bounded p99. Runs the server with the default limits, then with the limits lifted, side by side.
#
#   api/bench/overload.sh
#
# Needs the data and request list of api/bench/rest-vs-static.sh in BENCH_DIR (default /tmp/tissu-bench-rest), wrk
# and taskset.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${BENCH_DIR:-/tmp/tissu-bench-rest}"
seconds="${SECONDS_PER_RUN:-20}"
[ -f "$work/paths-mix.txt" ] && [ -d "$work/data/tdb2" ] || { echo "run api/bench/rest-vs-static.sh first" >&2; exit 4; }
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 4; }
"$root/tissu" --version >/dev/null
source "$root/api/bench/common.sh"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
echo "/health/live" > "$work/paths-health.txt"

measure() { # NAME, then environment settings for the server
  local name="$1"; shift
  env "$@" TISSU_JAVA_OPTS="-Xmx1g" taskset -c 0 "$root/tissu" serve --port "$port" --data "$work/data" \
    > "$work/overload-$name.log" 2>&1 &
  local server=$!
  pids+=("$server")
  wait_up "http://127.0.0.1:$port/health/ready" 600
  connections=32; wrk_run "overload-warm-$name" "$work/paths-mix.txt" "$work/paths.lua" "http://127.0.0.1:$port" 10 \
    > /dev/null
  connections=4
  (taskset -c 1 env PATHS="$work/paths-health.txt" wrk -t1 -c4 -d"${seconds}s" --latency -s "$work/paths.lua" \
    "http://127.0.0.1:$port" > "$work/wrk-overload-health-$name.txt") &
  local probe=$!
  connections=512
  PATHS="$work/paths-mix.txt" taskset -c 1 wrk -t2 -c512 -d"${seconds}s" --timeout 35s --latency \
    -s "$work/paths.lua" "http://127.0.0.1:$port" > "$work/wrk-overload-$name.txt"
  wait "$probe"
  local f="$work/wrk-overload-$name.txt" h="$work/wrk-overload-health-$name.txt"
  printf '%-14s REST mix at 512: %8s req/s  p50 %8s  p99 %8s  max %8s  non-2xx %6s | /health/live p99 %8s max %8s\n' \
    "$name" "$(awk '/Requests\/sec/ {print $2}' "$f")" "$(awk '$1 == "50%" {print $2}' "$f")" \
    "$(awk '$1 == "99%" {print $2}' "$f")" "$(awk '$1 == "Latency" {print $4}' "$f")" \
    "$(awk '/Non-2xx/ {print $5}' "$f")" "$(awk '$1 == "99%" {print $2}' "$h")" "$(awk '$1 == "Latency" {print $4}' "$h")"
  kill "$server"; wait "$server" 2>/dev/null || true
}

measure defaults
measure no-limits TISSU_LIMITS_STANDARD=100000 TISSU_LIMITS_STANDARD_QUEUE=100000 TISSU_LIMITS_HEAVY=100000 \
  TISSU_LIMITS_HEAVY_QUEUE=100000
echo "non-2xx = requests shed (429 or 503 with Retry-After); the server on core 0, wrk on core 1; -Xmx1g."
