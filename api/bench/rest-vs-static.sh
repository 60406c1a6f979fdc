#!/usr/bin/env bash
# REST benchmark (not part of the test suite), at 10 % of France scale: filtered activity lists from Tissu's REST
# API at 32 concurrent clients, against two baselines run side by side on loopback:
#   - the same server sending a static JSON file of the same size (/downloads/, the HTTP ceiling);
#   - the equivalent raw SPARQL query on the standalone Fuseki 6 server holding the same quads.
# Prints requests/s, p50 and p99 for each run and the ratios.
#
#   api/bench/rest-vs-static.sh      (DURATION=20 s per run, CONNECTIONS=32, WARMUP=30 s, HEAP=1g by default)
#
# The data set is generated once (150,000 associations, 50,000 activities over every commune of France, indicators
# and support points) and loaded by `tissu load`; BENCH_DIR keeps it between runs.
# Needs wrk (Debian package) and, fetched by Maven on first use, the Jena distribution and the Fuseki server jar.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${BENCH_DIR:-/tmp/tissu-bench-rest}"
duration="${DURATION:-20}"
connections="${CONNECTIONS:-32}"
warmup="${WARMUP:-30}"
heap="${HEAP:-1g}"
tissu_port=18090
fuseki_port=18091
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


# 1. The data set: generated, loaded by Tissu, dumped and loaded into a second TDB2 database for Fuseki.
src="$work/src"
if [ ! -d "$src" ]; then # generated aside, then renamed: an interrupted run leaves no half-written files
  rm -rf "$src.part"
  "$root/tissu" generate --france --associations 150000 --activities 50000 --out "$src.part" >/dev/null
  mv "$src.part" "$src"
fi
if [ ! -f "$work/data/loaded" ]; then
  rm -rf "$work/data"
  TISSU_JAVA_OPTS="-Xmx4g" "$root/tissu" load --data "$work/data" --report "$work/report.json" \
    "$src/rna_waldec_synthetique.csv" "$src/activites.csv" "$src/points-appui-numerique.csv" "$src/indicateurs.csv" \
    > "$work/load.log" 2>&1
  touch "$work/data/loaded"
fi
if [ ! -d "$work/fuseki-db" ]; then
  "$jena/bin/tdb2.tdbdump" --loc "$work/data/tdb2" | grep -v '^<urn:tissu:store>' > "$work/dump.nq"
  JVM_ARGS="-Xmx4g" "$jena/bin/tdb2.tdbloader" --loc "$work/fuseki-db" "$work/dump.nq" > /dev/null 2>&1
  rm -f "$work/dump.nq"
fi

# 2. Both servers, same heap.
TISSU_JAVA_OPTS="-Xmx$heap" "$root/tissu" serve --port $tissu_port --data "$work/data" > "$work/tissu.log" 2>&1 &
pids+=($!)
cat > "$work/fuseki.ttl" <<TTL
PREFIX fuseki: <http://jena.apache.org/fuseki#>
PREFIX tdb2: <http://jena.apache.org/2016/tdb#>
[] a fuseki:Server ; fuseki:services ( <#service> ) .
<#service> a fuseki:Service ; fuseki:name "ds" ; fuseki:dataset <#dataset> ;
    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "sparql" ] .
<#dataset> a tdb2:DatasetTDB2 ; tdb2:location "$work/fuseki-db" ; tdb2:unionDefaultGraph true .
TTL
java -Xmx$heap -jar "$fuseki_jar" --localhost --port=$fuseki_port --ping --timeout=30000 --config="$work/fuseki.ttl" \
  > "$work/fuseki.log" 2>&1 &
pids+=($!)
wait_up "http://127.0.0.1:$tissu_port/health" 900
wait_up "http://127.0.0.1:$fuseki_port/\$/ping"

# 3. The requests: the 40 communes with most activities, the EPCIs and places around them, five filter shapes.
curl -s -H 'Accept: text/csv' --data-urlencode query@- "http://127.0.0.1:$tissu_port/sparql" > "$work/communes.csv" <<'Q'
PREFIX tissu: <https://w3id.org/tissu/ns#>
PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
PREFIX schema: <https://schema.org/>
SELECT ?c (COUNT(DISTINCT ?a) AS ?n) (SAMPLE(?lat) AS ?la) (SAMPLE(?lon) AS ?lo)
WHERE { ?a a tissu:Activity ; tissu:commune ?c ; schema:location ?p . ?p geo:lat ?lat ; geo:long ?lon }
GROUP BY ?c ORDER BY DESC(?n) LIMIT 40
Q
python3 - "$work" "$tissu_port" <<'PY'
import csv, json, sys, urllib.parse, urllib.request
work, port = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open(f"{work}/communes.csv")))
codes = [r["c"].rsplit("/", 1)[1] for r in rows]
themes = ["sport", "judo", "musique", "theatre", "danse", "numerique", "football", "arts-plastiques"]
days = ["mon", "tue", "wed", "thu", "fri", "sat"]
mix, single, sparql = [], [], []
for i, (r, code) in enumerate(zip(rows, codes)):
    commune = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/communes/{code}"))
    epci = commune.get("epci", {}).get("siren")
    day, theme, age = days[i % 6], themes[i % len(themes)], 6 + i % 10
    mix.append(f"/api/v1/activities?commune={code}&age={age}&day={day}")
    if epci:
        mix.append(f"/api/v1/activities?epci={epci}&theme={theme}&free=true")
    mix.append(f"/api/v1/activities?near={float(r['la']):.4f},{float(r['lo']):.4f}&radius=5000&age={age}")
    mix.append(f"/api/v1/activities?commune={code}&when=upcoming&max-price=150&sort=start")
    mix.append(f"/api/v1/activities?theme={theme}&day={day}&from=16:00&limit=50")
    single.append(f"/api/v1/activities?commune={code}&age=8&day=wed")
    sparql.append(urllib.parse.quote(f"""PREFIX schema: <https://schema.org/>
PREFIX tissu: <https://w3id.org/tissu/ns#>
PREFIX dct: <http://purl.org/dc/terms/>
SELECT ?a ?id ?title ?orgName ?start ?end ?min ?max ?price ?free ?place WHERE {{
  ?a tissu:commune <{r['c']}> ; a tissu:Activity ; dct:identifier ?id ; schema:name ?title ;
     schema:organizer/schema:name ?orgName ; schema:eventSchedule ?s .
  ?s schema:byDay schema:Wednesday ; schema:startTime ?start ; schema:endTime ?end .
  OPTIONAL {{ ?a schema:audience/schema:suggestedMinAge ?min }}
  OPTIONAL {{ ?a schema:audience/schema:suggestedMaxAge ?max }}
  FILTER ((!BOUND(?min) || ?min <= 8) && (!BOUND(?max) || ?max >= 8))
  OPTIONAL {{ ?a schema:offers/schema:price ?price }}
  OPTIONAL {{ ?a schema:isAccessibleForFree ?free }}
  OPTIONAL {{ ?a schema:location/schema:name ?place }}
}} ORDER BY ?title LIMIT 20""", safe=""))
open(f"{work}/paths-mix.txt", "w").write("\n".join(mix) + "\n")
open(f"{work}/paths-single.txt", "w").write("\n".join(single) + "\n")
open(f"{work}/queries-sparql.txt", "w").write("\n".join(sparql) + "\n")
sizes = sorted(len(urllib.request.urlopen(f"http://127.0.0.1:{port}{p}").read()) for p in mix)
median = sizes[len(sizes) // 2]
open(f"{work}/median-size", "w").write(str(median))
print(f"{len(mix)} REST requests in the mix, response sizes {sizes[0]}..{sizes[-1]} bytes, median {median}")
PY
# The static baseline: a real response of the median size, as a file of the same server's downloads folder.
mkdir -p "$work/data/downloads"
median=$(cat "$work/median-size")
python3 - "$work" "$median" <<'PY'
import sys
work, size = sys.argv[1], int(sys.argv[2])
body = ('{"items":[' + ",".join(['{"pad":"' + "x" * 200 + '"}'] * (size // 212 + 1)) + "]}")[: size - 2] + "]}"
open(f"{work}/data/downloads/bench-page.json", "w").write(body)
PY
echo "/downloads/bench-page.json" > "$work/paths-static.txt"

cat > "$work/paths.lua" <<'LUA'
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], {["Accept"] = "application/json"})
end
LUA
cat > "$work/sparql.lua" <<'LUA'
local queries = {}
for line in io.lines(os.getenv("PATHS")) do queries[#queries + 1] = line end
local i = 0
request = function()
  i = i % #queries + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "application/sparql-results+json"}, "query=" .. queries[i])
end
LUA
echo "$connections connections, ${warmup} s warm-up, ${duration} s per run, heap $heap"

run() { # name paths-file script url [seconds]
  wrk_run "$1" "$2" "$3" "$4" "${5:-$duration}"
}
tissu="http://127.0.0.1:$tissu_port"
fuseki="http://127.0.0.1:$fuseki_port/ds/sparql"
run warm-rest "$work/paths-mix.txt" "$work/paths.lua" "$tissu" "$warmup" > /dev/null
run warm-fuseki "$work/queries-sparql.txt" "$work/sparql.lua" "$fuseki" "$warmup" > /dev/null
run warm-static "$work/paths-static.txt" "$work/paths.lua" "$tissu" 10 > /dev/null
for round in 1 2; do
  run "static-$round" "$work/paths-static.txt" "$work/paths.lua" "$tissu"
  run "rest-mix-$round" "$work/paths-mix.txt" "$work/paths.lua" "$tissu"
  run "rest-wed-$round" "$work/paths-single.txt" "$work/paths.lua" "$tissu"
  run "fuseki-wed-$round" "$work/queries-sparql.txt" "$work/sparql.lua" "$fuseki"
done
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
r = lambda n: (float(open(f"{w}/rps-{n}-1").read()) + float(open(f"{w}/rps-{n}-2").read())) / 2
print(f"REST mix / static file (throughput, mean of two runs):       {r('rest-mix') / r('static'):.2f}")
print(f"REST 'age 8, Wednesday, commune' / same query raw on Fuseki: {r('rest-wed') / r('fuseki-wed'):.2f}")
PY
