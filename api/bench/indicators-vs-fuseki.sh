#!/usr/bin/env bash
# Indicator comparison benchmark (not part of the test suite), at 10 % of France scale (1.4M declared indicator
# values): the comparison API at 32 concurrent clients, against the baseline of BENCHMARKS.md run side by side on
# loopback: "one indicator for 40 communes and a year" as raw SPARQL on the standalone Fuseki 6 server holding the
# same quads. Tissu answers more per request (ranks, quartiles, the time series, names and populations).
# Prints requests/s, p50 and p99 for each run and the ratios.
#
#   api/bench/rest-vs-static.sh          (once: generates and loads the data set, builds Fuseki's database)
#   api/bench/indicators-vs-fuseki.sh    (DURATION=20 s per run, CONNECTIONS=32, WARMUP=30 s, HEAP=1g by default)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${BENCH_DIR:-/tmp/tissu-bench-rest}"
duration="${DURATION:-20}"
connections="${CONNECTIONS:-32}"
warmup="${WARMUP:-30}"
heap="${HEAP:-1g}"
tissu_port=18092
fuseki_port=18093
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)" >&2; exit 4; }
[ -f "$work/data/loaded" ] && [ -d "$work/fuseki-db" ] && [ -f "$work/fuseki.ttl" ] \
  || { echo "no data set in $work: run api/bench/rest-vs-static.sh first" >&2; exit 4; }

"$root/tissu" --version >/dev/null
source "$root/api/bench/common.sh"
fuseki_jar="$HOME/.m2/repository/org/apache/jena/jena-fuseki-server/6.0.0/jena-fuseki-server-6.0.0.jar"

TISSU_JAVA_OPTS="-Xmx$heap" "$root/tissu" serve --port $tissu_port --data "$work/data" > "$work/tissu-indicators.log" 2>&1 &
pids+=($!)
java -Xmx$heap -jar "$fuseki_jar" --localhost --port=$fuseki_port --ping --timeout=30000 --config="$work/fuseki.ttl" \
  > "$work/fuseki-indicators.log" 2>&1 &
pids+=($!)
wait_up "http://127.0.0.1:$tissu_port/health" 900 # ready: store open and read model warm
wait_up "http://127.0.0.1:$fuseki_port/\$/ping"

# The requests: for each of the 40 communes with most activities (communes.csv, from rest-vs-static.sh), a
# comparison within its EPCI, its département, its population band, and all its values of a year; on Fuseki, the
# values of one indicator and year for the 40 communes of its EPCI (or the 40 communes of the file).
python3 - "$work" "$tissu_port" <<'PY'
import csv, json, sys, urllib.parse, urllib.request
work, port = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open(f"{work}/communes.csv")))
codes = [r["c"].rsplit("/", 1)[1] for r in rows]
indicators = ["1.1", "3.3", "4.1", "5.1", "7.1"]
epci, dep, band, commune, sparql = [], [], [], [], []
for i, code in enumerate(codes):
    ind = indicators[i % len(indicators)]
    epci.append(f"/api/v1/indicators/{ind}/compare?commune={code}&group=epci&year=2025")
    dep.append(f"/api/v1/indicators/{ind}/compare?commune={code}&group=departement&year=2025")
    band.append(f"/api/v1/indicators/{ind}/compare?commune={code}&group=population-band&year=2025")
    commune.append(f"/api/v1/communes/{code}/indicators?year=2025")
    c = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/communes/{code}"))
    members = [code]
    if c.get("epci"):
        page = json.load(urllib.request.urlopen(
            f"http://127.0.0.1:{port}/api/v1/communes?epci={c['epci']['siren']}&limit=40"))
        members = [m["code"] for m in page["items"]]
    base = rows[i]["c"].rsplit("/", 1)[0]
    values = " ".join(f"<{base}/{m}>" for m in members)
    sparql.append(urllib.parse.quote(f"""PREFIX sdmxd: <http://purl.org/linked-data/sdmx/2009/dimension#>
PREFIX tissu: <https://w3id.org/tissu/ns#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?area ?value WHERE {{
  VALUES ?area {{ {values} }}
  ?obs sdmxd:refArea ?area ; tissu:indicator <https://w3id.org/tissu/charter/indicator/{ind}> ;
       sdmxd:refPeriod "2025"^^xsd:gYear ; tissu:value ?value .
}}""", safe=""))
for name, paths in [("epci", epci), ("departement", dep), ("band", band), ("commune", commune)]:
    open(f"{work}/paths-ind-{name}.txt", "w").write("\n".join(paths) + "\n")
open(f"{work}/queries-ind-sparql.txt", "w").write("\n".join(sparql) + "\n")
sizes = {n: len(urllib.request.urlopen(f"http://127.0.0.1:{port}{p[0]}").read())
         for n, p in [("epci", epci), ("departement", dep), ("band", band), ("commune", commune)]}
print("first response sizes (bytes):", sizes)
PY
echo "$connections connections, ${warmup} s warm-up, ${duration} s per run, heap $heap"

run() { # name paths-file script url [seconds]
  wrk_run "$1" "$2" "$3" "$4" "${5:-$duration}"
}
tissu="http://127.0.0.1:$tissu_port"
fuseki="http://127.0.0.1:$fuseki_port/ds/sparql"
run warm-ind-tissu "$work/paths-ind-band.txt" "$work/paths.lua" "$tissu" "$warmup" > /dev/null
run warm-ind-fuseki "$work/queries-ind-sparql.txt" "$work/sparql.lua" "$fuseki" "$warmup" > /dev/null
for round in 1 2; do
  run "ind-fuseki-$round" "$work/queries-ind-sparql.txt" "$work/sparql.lua" "$fuseki"
  for shape in epci departement band commune; do
    run "ind-$shape-$round" "$work/paths-ind-$shape.txt" "$work/paths.lua" "$tissu"
  done
done
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
r = lambda n: (float(open(f"{w}/rps-{n}-1").read()) + float(open(f"{w}/rps-{n}-2").read())) / 2
base = r("ind-fuseki")
for shape in ["epci", "departement", "band", "commune"]:
    print(f"Tissu {shape:12s} / raw SPARQL on Fuseki (throughput, mean of two runs): {r('ind-' + shape) / base:.2f}")
PY
