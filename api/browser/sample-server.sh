# Sourced by the page checks: starts `tissu serve` on the sample in a temporary directory, sets `port`, waits until
# it is ready, and stops it and removes the directory on exit.
data="$(mktemp -d)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$root/tissu" serve --port "$port" --data "$data" > "$data.log" 2>&1 &
server=$!
trap 'status=$?; kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$data" "$data.log"; exit $status' EXIT
for _ in $(seq 1 300); do
  curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready" && break
  sleep 1
done
