#!/usr/bin/env bash
# Load throughput benchmark (not part of the test suite): Tissu's full load (CSV -> RDF -> SHACL -> TDB2 ->
# search index -> computed indicators -> dumps, one named graph per file) against Jena's own bulk loader
# (tdb2.tdbloader) loading the same quads, dumped from Tissu's store as N-Quads, side by side on this machine.
#
#   loader/bench/load-throughput.sh [SCALE...]   SCALE = multiple of the bundled sample (default: 1 10),
#                                                or "france" (2M associations, 500k activities; about an hour)
#
# Prints, per scale: quads, seconds and quads/s of each run, the ratio to tdbloader, the load's peak resident memory
# (RSS counts the store's memory-mapped pages, bounded by the machine, not by the heap) and the store's bytes per
# quad, then the same after `tissu compact`. HEAP (default 2g) is the load's -Xmx; THREADS sets the index writer
# threads (tissu.store.index-writers; default: the cores).
# Needs the Jena distribution, fetched by Maven into the local repository on first use.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${BENCH_DIR:-/tmp/tissu-bench}"
heap="${HEAP:-2g}"
scales=("$@")
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
export JVM_ARGS="-Xmx$heap"
opts="-Xmx$heap${THREADS:+ -Dtissu.store.index-writers=$THREADS}"

now() { date +%s.%N; }
bytes() { du -sb "$1" | cut -f1; }
printf '%-7s %-30s %11s %9s %9s %6s %9s %9s\n' scale run quads seconds "quads/s" ratio "RSS MiB" "B/quad"
for scale in "${scales[@]}"; do
  src="$work/src-$scale"
  if [ ! -f "$src/activites.csv" ]; then
    if [ "$scale" = france ]; then
      "$root/tissu" generate --france --associations 2000000 --activities 500000 --out "$src" >/dev/null
    else
      "$root/tissu" generate --associations $((2000 * scale)) --activities $((4000 * scale)) --out "$src" >/dev/null
    fi
  fi
  files=("$src/rna_waldec_synthetique.csv" "$src/activites.csv" "$src/indicateurs.csv" "$src/points-appui-numerique.csv")

  rm -rf "$work/tissu-$scale"
  t0=$(now)
  TISSU_JAVA_OPTS="$opts" /usr/bin/time -v -o "$work/time-$scale.txt" \
    "$root/tissu" load --data "$work/tissu-$scale" --report "$work/report-$scale.json" "${files[@]}" \
    > "$work/load-$scale.out" 2> "$work/load-$scale.err"
  t1=$(now)
  rss=$(awk '/Maximum resident/ {printf "%d", $NF / 1024}' "$work/time-$scale.txt")
  "$jena/bin/tdb2.tdbdump" --loc "$work/tissu-$scale/tdb2" \
    | grep -v '^<urn:tissu:store>' > "$work/dump-$scale.nq"
  quads=$(wc -l < "$work/dump-$scale.nq")
  rows=$(grep -o '"accepted" : [0-9]*' "$work/report-$scale.json" | awk '{s += $3} END {print s}')
  tissu_s=$(echo "$t1 - $t0" | bc -l)
  tissu_rate=$(echo "$quads / $tissu_s" | bc -l)
  store_bytes=$(bytes "$work/tissu-$scale/tdb2")
  printf '%-7s %-30s %11d %9.1f %9.0f %6s %9s %9.0f\n' "$scale" "tissu load ($rows rows)" "$quads" "$tissu_s" \
    "$tissu_rate" "1.00" "$rss" "$(echo "$store_bytes / $quads" | bc -l)"

  for loader in phased basic; do
    [ "$scale" = france ] && [ "$loader" = basic ] && continue   # basic takes hours at France scale
    rm -rf "$work/jena-$scale-$loader"
    t0=$(now)
    /usr/bin/time -v -o "$work/time-jena-$scale.txt" \
      "$jena/bin/tdb2.tdbloader" --loader="$loader" --loc "$work/jena-$scale-$loader" "$work/dump-$scale.nq" \
      >/dev/null 2>&1
    t1=$(now)
    s=$(echo "$t1 - $t0" | bc -l)
    rate=$(echo "$quads / $s" | bc -l)
    printf '%-7s %-30s %11d %9.1f %9.0f %6.2f %9s %9.0f\n' "$scale" "tdb2.tdbloader --loader=$loader" "$quads" "$s" \
      "$rate" "$(echo "$tissu_rate / $rate" | bc -l)" \
      "$(awk '/Maximum resident/ {printf "%d", $NF / 1024}' "$work/time-jena-$scale.txt")" \
      "$(echo "$(bytes "$work/jena-$scale-$loader") / $quads" | bc -l)"
    rm -rf "$work/jena-$scale-$loader"
  done
  TISSU_JAVA_OPTS="-Xmx$heap" "$root/tissu" compact --data "$work/tissu-$scale" > /dev/null 2>&1
  printf '%-7s %-30s %11d %9s %9s %6s %9s %9.0f\n' "$scale" "after tissu compact" "$quads" - - - - \
    "$(echo "$(bytes "$work/tissu-$scale/tdb2") / $quads" | bc -l)"
  rm -f "$work/dump-$scale.nq"
done
echo "ratio = Tissu's quads/s divided by the baseline's (wall time, JVM start included on both sides);"
echo "Tissu's time includes the search index, computed indicators and dumps; tdbloader's only the store."
