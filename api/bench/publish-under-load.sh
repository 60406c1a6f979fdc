#!/usr/bin/env bash
# Publishing benchmark (not part of the test suite): a cheap REST request (a commune's first ten activities, from
# the in-memory lists) at 8 concurrent clients
# for 20 s, without a load and then while 'tissu load --server' publishes a synthetic territory ten times the
# bundled sample (20,000 associations, 40,000 activities) into the running service. Prints p50/p99 of both runs,
# their ratio, how long the load took until its data was served, and whether any request failed.
#
#   api/bench/publish-under-load.sh     (DURATION=20 s, CONNECTIONS=8, HEAP=1g by default)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${BENCH_DIR:-/tmp/tissu-bench-publish}"
duration="${DURATION:-20}"
connections="${CONNECTIONS:-8}"
heap="${HEAP:-1g}"
port=18094
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 4; }
"$root/tissu" --version >/dev/null
source "$root/api/bench/common.sh"

if [ ! -d "$work/src" ]; then
  "$root/tissu" generate --associations 20000 --activities 40000 --seed 11 --out "$work/src.part" >/dev/null
  mv "$work/src.part" "$work/src"
fi
rm -rf "$work/data"
token="$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
printf '%s\n' "$token" > "$work/token"
sha="$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)"
TISSU_ADMIN_TOKENS_0_NAME=bench TISSU_ADMIN_TOKENS_0_SHA256="$sha" TISSU_JAVA_OPTS="-Xmx$heap" \
  "$root/tissu" serve --port $port --data "$work/data" > "$work/serve.log" 2>&1 &
pids+=($!)
wait_up "http://127.0.0.1:$port/health" 600 # the sample loaded at first start, and the read model warm
for _ in $(seq 1 300); do grep -q "dumps of data version" "$work/serve.log" && break; sleep 1; done # first dumps

printf 'init = function(args) wrk.path = "/api/v1/activities?commune=35238&limit=10" end\n' > "$work/cheap.lua"
run() { wrk_run "$1" /dev/null "$work/cheap.lua" "http://127.0.0.1:$port" "$duration"; }
echo "$connections connections, ${duration} s per run, heap $heap"
run "quiet"
start=$(date +%s.%N)
"$root/tissu" load --server "http://127.0.0.1:$port" --token-file "$work/token" \
  "$work/src/rna_waldec_synthetique.csv" "$work/src/activites.csv" > "$work/load.log" 2>&1 &
load=$!
sleep 2
run "during-load"
wait $load
end=$(date +%s.%N)
grep -E "loaded|refused|failed" "$work/load.log" | grep -v "^ " || true
python3 - "$work" "$start" "$end" <<'PY'
import sys
work, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
def p99(name):
    for line in open(f"{work}/wrk-{name}.txt"):
        parts = line.split()
        if parts and parts[0] == "99%":
            v = parts[1]
            return float(v[:-2]) if v.endswith("ms") else float(v[:-2]) / 1000 if v.endswith("us") else float(v[:-1]) * 1000
print(f"p99 of the cheap request during the load / without: {p99('during-load') / p99('quiet'):.2f}")
print(f"load of 20,000 associations and 40,000 activities through the service, until served: {end - start:.1f} s")
PY
