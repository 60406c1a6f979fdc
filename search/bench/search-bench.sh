#!/usr/bin/env bash
# Search benchmark (not part of the test suite), on a generated set of about 2 million documents (1.8M associations,
# 200k activities and their places, 2,000 support points, every commune of France):
#   1. indexing: `tissu reindex` on the loaded store (documents/s, index size on disk);
#   2. queries: wrk sends a mix of typed queries to /api/v1/search, without and with facets, and a completion mix to
#      /api/v1/search/suggest; p50/p99 and requests/s for each.
#
#   search/bench/search-bench.sh      (DURATION=20 s per run, CONNECTIONS=4, HEAP=1g, REINDEX=1 by default)
#
# BENCH_DIR keeps the generated data and the store between runs. Needs wrk (Debian package).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${BENCH_DIR:-/tmp/tissu-bench-search}"
duration="${DURATION:-20}"
connections="${CONNECTIONS:-4}"
heap="${HEAP:-1g}"
port=18095
mkdir -p "$work"
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 4; }
"$root/tissu" --version >/dev/null

src="$work/src"
if [ ! -d "$src" ]; then # generated aside, then renamed: an interrupted run leaves no half-written files
  rm -rf "$src.part"
  "$root/tissu" generate --france --associations 1800000 --activities 200000 --out "$src.part" >/dev/null
  mv "$src.part" "$src"
fi
if [ ! -f "$work/data/loaded" ]; then
  rm -rf "$work/data"
  TISSU_JAVA_OPTS="-Xmx6g" "$root/tissu" load --data "$work/data" --report "$work/report.json" \
    "$src/rna_waldec_synthetique.csv" "$src/activites.csv" "$src/points-appui-numerique.csv" > "$work/load.log" 2>&1
  touch "$work/data/loaded"
fi

# 1. Indexing, from the store (REINDEX=0 skips it and measures the queries only).
if [ "${REINDEX:-1}" != 0 ]; then
start=$(date +%s.%N)
TISSU_JAVA_OPTS="-Xmx$heap" "$root/tissu" reindex --data "$work/data" | tail -1 | tee "$work/reindex.txt"
end=$(date +%s.%N)
echo "reindex wall time (JVM start included): $(echo "$end - $start" | bc) s; index on disk: $(du -sh "$work/data/search" | cut -f1)"
fi

# 2. Queries.
TISSU_JAVA_OPTS="-Xmx$heap" "$root/tissu" serve --port $port --data "$work/data" > "$work/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 1; done

python3 - "$work" <<'PY'
import sys, urllib.parse
work = sys.argv[1]
typed = ["judo enfants", "theatre", "aide numerique", "footbal", "club des aines", "musique", "danse classique",
         "jardiniers", "echecs", "yoga", "repair cafe", "epicerie solidaire", "natation", "tennis de table",
         "photo club", "comite de jumelage", "chorale", "randonnee", "sport adapte", "gymnastique", "fab lab",
         "soutien scolaire", "cours d'anglais", "atelier cuisine", "basket jeunes", "harmonie", "ludotheque",
         "amicale laique", "cercle celtique", "marche nordique", "initiation informatique", "badminton",
         "eveil musical", "theatre ados", "peinture", "association sportive", "nature biodiversite", "velo",
         "accueil de loisirs", "scouts"]
communes = ["75056", "69123", "13055", "31555", "35238", "44109", "33063", "59350", "67482", "34172"]
plain, faceted, suggest = [], [], []
for i, q in enumerate(typed):
    e = urllib.parse.quote_plus(q)
    plain.append(f"/api/v1/search?q={e}&highlight=false")
    plain.append(f"/api/v1/search?q={e}&commune={communes[i % 10]}")
    faceted.append(f"/api/v1/search?q={e}&facets=type,theme,commune,day,price,age")
    faceted.append(f"/api/v1/search?q={e}&type=activity&facets=day,age,price")
    suggest.append(f"/api/v1/search/suggest?q={urllib.parse.quote_plus(q[:max(2, len(q) // 2)])}")
for name, paths in (("plain", plain), ("faceted", faceted), ("suggest", suggest)):
    open(f"{work}/paths-{name}.txt", "w").write("\n".join(paths) + "\n")
PY
cat > "$work/paths.lua" <<'LUA'
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA
run() { # name paths [seconds]
  PATHS="$work/paths-$2.txt" wrk -t2 -c"$connections" -d"${3:-$duration}s" --latency -s "$work/paths.lua" \
    "http://127.0.0.1:$port" > "$work/wrk-$1.txt"
  printf '%-12s %10s req/s  p50 %8s  p99 %8s  non-2xx %s\n' "$1" "$(awk '/Requests\/sec/ {print $2}' "$work/wrk-$1.txt")" \
    "$(awk '$1 == "50%" {print $2}' "$work/wrk-$1.txt")" "$(awk '$1 == "99%" {print $2}' "$work/wrk-$1.txt")" \
    "$(awk '/Non-2xx/ {print $5}' "$work/wrk-$1.txt")"
}
echo "documents: $(curl -s "http://127.0.0.1:$port/api/v1/search?limit=1&highlight=false&facets=type" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'), $connections connections, ${duration} s per run, heap $heap"
run warm plain 20 > /dev/null
run warm-f faceted 20 > /dev/null
for round in 1 2; do
  run "plain-$round" plain
  run "faceted-$round" faceted
  run "suggest-$round" suggest
done
