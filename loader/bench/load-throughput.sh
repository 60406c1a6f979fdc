#!/usr/bin/env bash
# Load throughput benchmark (not part of the test suite): Tissu's full load (CSV -> RDF -> SHACL -> TDB2,
# one named graph per file) against Jena's own bulk loader (tdb2.tdbloader) loading the same quads, dumped
# from Tissu's store as N-Quads, side by side on this machine.
#
#   loader/bench/load-throughput.sh [SCALE...]      SCALE = multiple of the bundled sample (default: 1 10)
#
# Needs the Jena distribution, fetched by Maven into the local repository on first use.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${BENCH_DIR:-/tmp/tissu-bench}"
scales=("${@:-1 10}")
[ "$#" -eq 0 ] && scales=(1 10)
mkdir -p "$work"

"$root/tissu" --version >/dev/null   # builds if needed, and checks the JDK
source <(sed -n '/^java_version()/,/^}/p;/^find_jdk()/,/^}/p' "$root/tissu")
JAVA_HOME="$(find_jdk)"; export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"

jena="$work/apache-jena-6.0.0"
if [ ! -x "$jena/bin/tdb2.tdbloader" ]; then
  mvn -B -q dependency:get -Dartifact=org.apache.jena:apache-jena:6.0.0:tar.gz -Dtransitive=false
  tar -xzf "$HOME/.m2/repository/org/apache/jena/apache-jena/6.0.0/apache-jena-6.0.0.tar.gz" -C "$work"
fi
export JVM_ARGS="-Xmx4g"

now() { date +%s.%N; }
printf '%-6s %-28s %12s %12s %10s %12s\n' scale run quads seconds "quads/s" ratio
for scale in "${scales[@]}"; do
  src="$work/src-$scale"
  if [ ! -f "$src/activites.csv" ]; then
    "$root/tissu" generate --associations $((2000 * scale)) --activities $((4000 * scale)) --out "$src" >/dev/null
  fi
  files=("$src/rna_waldec_synthetique.csv" "$src/activites.csv" "$src/indicateurs.csv" "$src/points-appui-numerique.csv")

  rm -rf "$work/tissu-$scale"
  t0=$(now)
  TISSU_JAVA_OPTS="-Xmx4g" "$root/tissu" load --data "$work/tissu-$scale" --report "$work/report-$scale.json" "${files[@]}" >/dev/null 2>&1
  t1=$(now)
  "$jena/bin/tdb2.tdbdump" --loc "$work/tissu-$scale/tdb2" \
    | grep -v '^<urn:tissu:store>' > "$work/dump-$scale.nq"
  quads=$(wc -l < "$work/dump-$scale.nq")
  rows=$(grep -o '"accepted" : [0-9]*' "$work/report-$scale.json" | awk '{s += $3} END {print s}')
  tissu_s=$(echo "$t1 - $t0" | bc -l)
  tissu_rate=$(echo "$quads / $tissu_s" | bc -l)
  printf '%-6s %-28s %12d %12.2f %10.0f %12s\n' "$scale" "tissu load ($rows rows)" "$quads" "$tissu_s" "$tissu_rate" "1.00"

  for loader in phased basic; do
    rm -rf "$work/jena-$scale-$loader"
    t0=$(now)
    "$jena/bin/tdb2.tdbloader" --loader="$loader" --loc "$work/jena-$scale-$loader" "$work/dump-$scale.nq" >/dev/null 2>&1
    t1=$(now)
    s=$(echo "$t1 - $t0" | bc -l)
    rate=$(echo "$quads / $s" | bc -l)
    printf '%-6s %-28s %12d %12.2f %10.0f %12.2f\n' "$scale" "tdb2.tdbloader --loader=$loader" "$quads" "$s" "$rate" \
      "$(echo "$tissu_rate / $rate" | bc -l)"
  done
done
echo "ratio = Tissu's quads/s divided by the baseline's (wall time, JVM start included on both sides)"
