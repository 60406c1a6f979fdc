# Shared by the HTTP benchmark scripts (sourced, not run): the JDK the launcher would use, background processes
# stopped on exit, waiting for a server, and one wrk run summarised. Expects $root (the checkout) and $work.

source <(sed -n '/^java_version()/,/^}/p;/^find_jdk()/,/^}/p' "$root/tissu")
JAVA_HOME="$(find_jdk)"; export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_up() { # url [seconds]
  for _ in $(seq 1 "${2:-300}"); do curl -sf -o /dev/null "$1" && return 0; sleep 1; done
  echo "not up: $1" >&2; exit 1
}

# wrk_run NAME LIST SCRIPT URL SECONDS: runs wrk with the Lua SCRIPT reading its requests from LIST (environment
# PATHS), keeps the output in $work/wrk-NAME.txt and the throughput in $work/rps-NAME, prints one line.
wrk_run() {
  PATHS="$2" wrk -t2 -c"$connections" -d"$5s" --timeout 35s --latency -s "$3" "$4" > "$work/wrk-$1.txt"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk-$1.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$work/wrk-$1.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk-$1.txt")
  errors=$(awk '/Non-2xx/ {print $5}' "$work/wrk-$1.txt")
  printf '%-20s %10s req/s  p50 %8s  p99 %8s  non-2xx %s\n' "$1" "$rps" "$p50" "$p99" "${errors:-0}"
  echo "$rps" > "$work/rps-$1"
}
