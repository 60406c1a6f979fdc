#!/usr/bin/env bash
# GraphQL benchmark (not part of the test suite), at 10 % of France scale (the data set of rest-vs-static.sh, which
# it builds if missing): for each of the 40 communes with most activities, one nested GraphQL request against the
# REST calls a client makes for the same data (the commune, its first 10 associations, each association's item
# for its activities, and each of those activities' items), sequentially on one keep-alive connection. Prints
# p50/p99 per commune for both, the ratio, and the store queries each GraphQL request cost.
#
#   api/bench/graphql-vs-rest.sh      (ROUNDS=5 passes over the 40 communes by default, HEAP=1g)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${BENCH_DIR:-/tmp/tissu-bench-rest}"
rounds="${ROUNDS:-5}"
heap="${HEAP:-1g}"
port=18093
if [ ! -f "$work/data/loaded" ]; then
  echo "no data set in $work: run api/bench/rest-vs-static.sh first (it generates and loads it)" >&2
  exit 4
fi
TISSU_JAVA_OPTS="-Xmx$heap" "$root/tissu" serve --port $port --data "$work/data" > "$work/graphql-serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 1; done
python3 - "$port" "$rounds" <<'PY'
import http.client, json, statistics, sys, time
port, rounds = int(sys.argv[1]), int(sys.argv[2])
conn = http.client.HTTPConnection("127.0.0.1", port)
def get(path):
    conn.request("GET", path)
    r = conn.getresponse()
    body = r.read()
    assert r.status == 200, (path, r.status, body[:200])
    return json.loads(body)
def graphql(query):
    conn.request("POST", "/graphql", body=json.dumps({"query": query}),
                 headers={"Content-Type": "application/json", "Accept": "application/graphql-response+json"})
    r = conn.getresponse()
    body = json.loads(r.read())
    assert r.status == 200 and "errors" not in body, body
    return body
top = get("/sparql?query=" + __import__("urllib.parse").parse.quote(
    "PREFIX tissu: <https://w3id.org/tissu/ns#> SELECT ?c (COUNT(?a) AS ?n) WHERE { ?a a tissu:Activity ; "
    "tissu:commune ?c } GROUP BY ?c ORDER BY DESC(?n) LIMIT 40") + "&format=json")
communes = [b["c"]["value"].rsplit("/", 1)[1] for b in top["results"]["bindings"]]
QUERY = """{ commune(code: "%s") { name population epci { name }
  associations(first: 10) { totalCount nodes { rna name status founded
    activities(first: 20) { nodes { key title schedule { days startTime endTime } minAge maxAge price place { name lat lon } } } } } } }"""
def rest(code):
    get(f"/api/v1/communes/{code}")
    page = get(f"/api/v1/associations?commune={code}&limit=10")
    calls = 2
    for a in page["items"]:
        item = get(a["url"])
        calls += 1
        for act in item["activities"][:20]:
            get(act["url"])
            calls += 1
    return calls
g_times, r_times, queries, calls = [], [], [], []
for code in communes[:5]:  # warm-up
    graphql(QUERY % code); rest(code)
for _ in range(rounds):
    for code in communes:
        t = time.perf_counter(); body = graphql(QUERY % code); g_times.append(time.perf_counter() - t)
        queries.append(body["extensions"]["storeQueries"])
        t = time.perf_counter(); calls.append(rest(code)); r_times.append(time.perf_counter() - t)
q = lambda xs, p: sorted(xs)[min(len(xs) - 1, int(p * len(xs)))] * 1000
print(f"{len(communes)} communes x {rounds} rounds; REST calls per commune: mean {statistics.mean(calls):.1f}, max {max(calls)}")
print(f"GraphQL  p50 {q(g_times, .5):7.2f} ms  p99 {q(g_times, .99):7.2f} ms  store queries per request: {min(queries)}..{max(queries)}")
print(f"REST     p50 {q(r_times, .5):7.2f} ms  p99 {q(r_times, .99):7.2f} ms")
print(f"latency ratio GraphQL / REST: p50 {q(g_times, .5) / q(r_times, .5):.2f}, p99 {q(g_times, .99) / q(r_times, .99):.2f}")
PY
