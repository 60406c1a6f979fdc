#!/usr/bin/env bash
# Remote store benchmark (not part of the test suite), at 10 % of France scale (the data set of rest-vs-static.sh,
# which must have run once): the same Tissu serving the same data from its embedded TDB2 store and from a remote
# store (the standalone Fuseki 6 server on loopback, TDB2 on disk), side by side, same heap:
#   - the load of the four files into the remote store through the admin API (`tissu load --server`);
#   - REST (the filtered activity mix of rest-vs-static.sh) and GraphQL (a commune's associations and their
#     activities) at 32 connections, SPARQL (the "age 8, Wednesday, commune" query on /sparql) at 4, the queries
#     the endpoint runs at once: requests/s, p50, p99, and the remote/embedded ratios;
#   - a replica: a second instance on the remote store, its start, and the time it takes to serve a file published
#     through the first (from the end of the load to the other's data version).
#
#   api/bench/remote-vs-embedded.sh      (DURATION=20 s per run, CONNECTIONS=32, WARMUP=20 s, HEAP=1g by default;
#                                         UNION= to send each graph in the queries' dataset, not Fuseki's union)
#
# Needs wrk (Debian package) and the files rest-vs-static.sh leaves in BENCH_DIR (default /tmp/tissu-bench-rest).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${BENCH_DIR:-/tmp/tissu-bench-rest}"
duration="${DURATION:-20}"
connections="${CONNECTIONS:-32}"
warmup="${WARMUP:-20}"
heap="${HEAP:-1g}"
sparql_connections="${SPARQL_CONNECTIONS:-4}"
# Fuseki's own union of its named graphs as the queries' default graph (the README's advice); UNION= to name each
# graph in every query's dataset instead
union="${UNION-urn:x-arq:UnionGraph}"
embedded_port=18094
remote_port=18095
replica_port=18096
fuseki_port=18097
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 4; }
for f in data/loaded paths-mix.txt queries-sparql.txt paths.lua sparql.lua; do
  [ -e "$work/$f" ] || { echo "no $work/$f: run api/bench/rest-vs-static.sh first" >&2; exit 4; }
done
"$root/tissu" --version >/dev/null
source "$root/api/bench/common.sh"
fuseki_jar="$HOME/.m2/repository/org/apache/jena/jena-fuseki-server/6.0.0/jena-fuseki-server-6.0.0.jar"
[ -f "$fuseki_jar" ] || mvn -B -q dependency:get -Dartifact=org.apache.jena:jena-fuseki-server:6.0.0 -Dtransitive=false
remote="$work/remote"
token="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
printf '%s' "$token" > "$work/remote-token"
sha=$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)

# 1. An empty Fuseki (TDB2 on disk), and a Tissu on it that loads the four files through its admin API; with
#    REUSE=1, the Fuseki store and data directory a previous run loaded (only the measurements are run again).
reuse=false
if [ "${REUSE:-}" = 1 ] && [ -f "$remote/loaded" ]; then
  reuse=true
  rm -rf "$remote/data-b"
else
  rm -rf "$remote" && mkdir -p "$remote/fuseki-db"
fi
java -Xmx$heap -jar "$fuseki_jar" --tdb2 --loc="$remote/fuseki-db" --update --localhost --ping --port=$fuseki_port /ds \
  > "$remote/fuseki.log" 2>&1 &
pids+=($!)
wait_up "http://127.0.0.1:$fuseki_port/\$/ping"
serve_remote() { # port data-dir log
  TISSU_STORE_KIND=remote TISSU_STORE_QUERY_URL="http://127.0.0.1:$fuseki_port/ds/query" \
  TISSU_STORE_UPDATE_URL="http://127.0.0.1:$fuseki_port/ds/update" \
  TISSU_STORE_GRAPH_STORE_URL="http://127.0.0.1:$fuseki_port/ds/data" TISSU_LOAD_SAMPLE_ON_EMPTY=false \
  TISSU_STORE_UNION_GRAPH="$union" \
  TISSU_ADMIN_TOKENS_0_NAME=bench TISSU_ADMIN_TOKENS_0_SHA256="$sha" TISSU_JAVA_OPTS="-Xmx$heap" \
    "$root/tissu" serve --port "$1" --data "$2" > "$3" 2>&1 &
  pids+=($!)
}
start=$(date +%s.%N)
serve_remote $remote_port "$remote/data-a" "$remote/serve-a.log"
wait_up "http://127.0.0.1:$remote_port/health/ready" 1800
ready=$(date +%s.%N)
src="$work/src"
if ! $reuse; then
  "$root/tissu" load --server "http://127.0.0.1:$remote_port" --token-file "$work/remote-token" \
    "$src/rna_waldec_synthetique.csv" "$src/activites.csv" "$src/points-appui-numerique.csv" "$src/indicateurs.csv" \
    > "$remote/load.log" 2>&1
  touch "$remote/loaded"
elif [ -f "$remote/reduced" ]; then # a previous run's replica step left 20,000 activities: the full file again
  "$root/tissu" load --server "http://127.0.0.1:$remote_port" --token-file "$work/remote-token" \
    "$src/activites.csv" > "$remote/restore.log" 2>&1
  rm -f "$remote/reduced"
fi
loaded=$(date +%s.%N)
# The dumps the publication writes after the data (every instance writes its own, from the store): measured apart,
# and waited for, so that they do not run under the measurements below.
wait_dumps() { # data-dir port: until the instance's dumps reflect its store's data version (at most 3 h)
  local v m
  for _ in $(seq 1 5400); do
    v=$(curl -s "http://127.0.0.1:$2/health" | python3 -c 'import json, sys
print([c for c in json.load(sys.stdin)["checks"] if c["name"] == "store"][0]["data"]["dataVersion"])' 2>/dev/null || true)
    m=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["version"])' "$1/downloads/manifest.json" \
      2>/dev/null || true)
    [ -n "$v" ] && [ "$v" = "$m" ] && return 0
    sleep 2
  done
  echo "dumps not written in 3 h: $1" >&2; exit 1
}
wait_dumps "$remote/data-a" $remote_port
dumped=$(date +%s.%N)
printf 'remote store: dumps of every dataset after the load (or the start) %.0f s\n' "$(echo "$dumped - $loaded" | bc)"
quads=$(curl -s -H 'Accept: text/csv' --data-urlencode 'query=SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }' \
  "http://127.0.0.1:$fuseki_port/ds/query" | tail -1 | tr -d '\r')
$reuse && echo "remote store: reused ($quads quads); instance ready $(echo "$ready - $start" | bc) s after its start" || \
printf 'remote store: first start (reference communes) %.0f s; load of the four files through the admin API %.0f s, %s quads\n' \
  "$(echo "$ready - $start" | bc)" "$(echo "$loaded - $ready" | bc)" "$quads"

# 2. The embedded store's server on the data rest-vs-static.sh loaded.
TISSU_JAVA_OPTS="-Xmx$heap" "$root/tissu" serve --port $embedded_port --data "$work/data" > "$remote/serve-e.log" 2>&1 &
pids+=($!)
wait_up "http://127.0.0.1:$embedded_port/health/ready" 1800
wait_dumps "$work/data" $embedded_port # stale dumps are rewritten at start: not under the measurements

# 3. The same requests on both. GraphQL: the 40 communes of the REST mix.
python3 - "$work" > "$remote/graphql.txt" <<'PY'
import json, re, sys, urllib.parse
codes = sorted({m for line in open(f"{sys.argv[1]}/paths-mix.txt") for m in re.findall(r"commune=(\w+)", line)})
q = ('{ commune(code: "%s") { name associations(first: 10) { totalCount nodes { rna name '
     'activities(first: 20) { nodes { key title schedule { days startTime endTime } minAge maxAge price } } } } } }')
for c in codes:
    print(json.dumps({"query": q % c}))
PY
cat > "$remote/graphql.lua" <<'LUA'
local bodies = {}
for line in io.lines(os.getenv("PATHS")) do bodies[#bodies + 1] = line end
local i = 0
request = function()
  i = i % #bodies + 1
  return wrk.format("POST", "/graphql", {["Content-Type"] = "application/json",
    ["Accept"] = "application/graphql-response+json"}, bodies[i])
end
LUA
echo "$connections connections, ${warmup} s warm-up, ${duration} s per run, heap $heap"
for side in embedded remote; do
  port=$([ $side = embedded ] && echo $embedded_port || echo $remote_port)
  url="http://127.0.0.1:$port"
  wrk_run "warm-$side" "$work/paths-mix.txt" "$work/paths.lua" "$url" "$warmup" > /dev/null
  wrk_run "rest-$side" "$work/paths-mix.txt" "$work/paths.lua" "$url" "$duration"
  # as many connections as the endpoint runs queries at once (4 by default): beyond, 429s would be counted
  (connections=$sparql_connections; wrk_run "sparql-$side" "$work/queries-sparql.txt" "$work/sparql.lua" "$url/sparql" \
    "$duration")
  wrk_run "graphql-$side" "$remote/graphql.txt" "$remote/graphql.lua" "$url" "$duration"
done
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
r = lambda n: float(open(f"{w}/rps-{n}").read())
for k in ("rest", "sparql", "graphql"):
    print(f"{k:8s} remote / embedded throughput: {r(k + '-remote') / r(k + '-embedded'):.2f}")
PY

# 4. A replica: a second instance on the remote store; then a file published through the first (REPLICA=0: not).
[ "${REPLICA:-1}" = 0 ] && exit 0
start=$(date +%s.%N)
serve_remote $replica_port "$remote/data-b" "$remote/serve-b.log"
wait_up "http://127.0.0.1:$replica_port/health/ready" 1800
printf 'replica: ready %.0f s after its start (search index built from the remote store)\n' \
  "$(echo "$(date +%s.%N) - $start" | bc)"
head -1 "$src/activites.csv" > "$remote/activites.csv"
sed -n '2,20001p' "$src/activites.csv" >> "$remote/activites.csv" # not tail | head: SIGPIPE under pipefail
total() { curl -s "http://127.0.0.1:$1/api/v1/activities?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }
"$root/tissu" load --server "http://127.0.0.1:$remote_port" --token-file "$work/remote-token" \
  "$remote/activites.csv" > "$remote/load-2.log" 2>&1
published=$(date +%s.%N)
touch "$remote/reduced"
target=$(total $remote_port)
for _ in $(seq 1 6000); do [ "$(total $replica_port)" = "$target" ] && break; sleep 0.1; done
printf 'replica: lists the %s activities %.1f s after the load through the other returned\n' \
  "$target" "$(echo "$(date +%s.%N) - $published" | bc)"
grep -h "followed the store" "$remote/serve-b.log" | tail -1
