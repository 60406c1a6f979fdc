#!/usr/bin/env bash
# SPARQL benchmark (not part of the test suite): the example queries of sparql-examples/ sent round-robin by wrk
# to Tissu's /sparql and to the standalone Fuseki 6 server holding the same quads (dumped from Tissu's store),
# side by side on loopback. Prints throughput, p50 and p99 for both and the ratios.
#
#   api/bench/sparql-vs-fuseki.sh        (DURATION=20 seconds, CONNECTIONS=4 by default)
#
# Needs wrk (Debian package) and, fetched by Maven on first use, the Jena distribution and the Fuseki server jar.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${BENCH_DIR:-/tmp/tissu-bench-sparql}"
duration="${DURATION:-20}"
connections="${CONNECTIONS:-4}"
warmup="${WARMUP:-45}"
tissu_port=18080
fuseki_port=18081
mkdir -p "$work"
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 4; }

"$root/tissu" --version >/dev/null
source "$root/api/bench/common.sh"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
repo="$HOME/.m2/repository/org/apache/jena"
jena="$work/apache-jena-6.0.0"
if [ ! -x "$jena/bin/tdb2.tdbloader" ]; then
  mvn -B -q dependency:get -Dartifact=org.apache.jena:apache-jena:6.0.0:tar.gz -Dtransitive=false
  tar -xzf "$repo/apache-jena/6.0.0/apache-jena-6.0.0.tar.gz" -C "$work"
fi
fuseki_jar="$repo/jena-fuseki-server/6.0.0/jena-fuseki-server-6.0.0.jar"
[ -f "$fuseki_jar" ] || mvn -B -q dependency:get -Dartifact=org.apache.jena:jena-fuseki-server:6.0.0 -Dtransitive=false

# 1. Tissu prepares its store (reference communes + sample), then stops so the store can be dumped.
if [ ! -f "$work/dump.nq" ]; then
  rm -rf "$work/tissu"
  "$root/tissu" serve --port $tissu_port --data "$work/tissu" > "$work/tissu-bootstrap.log" 2>&1 &
  pid=$!; wait_up "http://127.0.0.1:$tissu_port/health"; kill $pid; wait $pid 2>/dev/null || true
  "$jena/bin/tdb2.tdbdump" --loc "$work/tissu/tdb2" | grep -v '^<urn:tissu:store>' > "$work/dump.nq"
  rm -rf "$work/fuseki-db"
  JVM_ARGS="-Xmx4g" "$jena/bin/tdb2.tdbloader" --loc "$work/fuseki-db" "$work/dump.nq" > /dev/null 2>&1
fi
echo "data: $(wc -l < "$work/dump.nq") quads"

# 2. Both servers, same heap.
TISSU_SPARQL_MAX_CONCURRENT=16 TISSU_JAVA_OPTS="-Xmx2g" \
  "$root/tissu" serve --port $tissu_port --data "$work/tissu" > "$work/tissu.log" 2>&1 &
pids+=($!)
cat > "$work/fuseki.ttl" <<TTL
PREFIX fuseki: <http://jena.apache.org/fuseki#>
PREFIX tdb2: <http://jena.apache.org/2016/tdb#>
[] a fuseki:Server ; fuseki:services ( <#service> ) .
<#service> a fuseki:Service ; fuseki:name "ds" ; fuseki:dataset <#dataset> ;
    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "sparql" ] .
<#dataset> a tdb2:DatasetTDB2 ; tdb2:location "$work/fuseki-db" ; tdb2:unionDefaultGraph true .
TTL
java -Xmx2g -jar "$fuseki_jar" --localhost --port=$fuseki_port --ping --timeout=30000 --config="$work/fuseki.ttl" \
  > "$work/fuseki.log" 2>&1 &
pids+=($!)
wait_up "http://127.0.0.1:$tissu_port/health" 900
wait_up "http://127.0.0.1:$fuseki_port/\$/ping"

# 3. The example queries, URL-encoded one per line, sent round-robin.
curl -s "http://127.0.0.1:$tissu_port/sparql/examples.json" | python3 -c '
import json, sys, urllib.parse
for e in json.load(sys.stdin):
    print(urllib.parse.quote(e["query"], safe=""))' > "$work/queries.txt"
cat > "$work/mix.lua" <<'LUA'
local queries = {}
for line in io.lines(os.getenv("PATHS")) do queries[#queries + 1] = line end
local i = 0
request = function()
  i = i % #queries + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "application/sparql-results+json, text/turtle;q=0.9"}, "query=" .. queries[i])
end
LUA
echo "$(wc -l < "$work/queries.txt") queries, $connections connections, ${warmup} s warm-up, ${duration} s per run"

run() { # name url [seconds]
  wrk_run "$1" "$work/queries.txt" "$work/mix.lua" "$2" "${3:-$duration}"
}
# Warm both JVMs up with the same mix first (the JIT needs well over 20 s on this mix), then measure twice each,
# alternating.
run warm-fuseki "http://127.0.0.1:$fuseki_port/ds/sparql" "$warmup" > /dev/null
run warm-tissu "http://127.0.0.1:$tissu_port/sparql" "$warmup" > /dev/null
run fuseki "http://127.0.0.1:$fuseki_port/ds/sparql"
run tissu "http://127.0.0.1:$tissu_port/sparql"
run fuseki2 "http://127.0.0.1:$fuseki_port/ds/sparql"
run tissu2 "http://127.0.0.1:$tissu_port/sparql"
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
r = lambda n: float(open(f"{w}/rps-{n}").read())
t, f = (r("tissu") + r("tissu2")) / 2, (r("fuseki") + r("fuseki2")) / 2
print(f"throughput ratio tissu/fuseki (mean of two runs each): {t / f:.2f}")
PY
