#!/usr/bin/env bash
# Runs the README's demo against a fresh `portin serve` (embedded simulator, accelerated clock) and
# fails unless the request goes from submit to completed within 180 s of wall time.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="${PORTIN_BIN:-.build/debug/portin}"
PORT="${DEMO_PORT:-18081}"
DATA="$(mktemp -d)"
trap 'kill "${SERVER_PID:-0}" 2>/dev/null || true; rm -rf "$DATA"' EXIT

PORTIN_DATA_DIR="$DATA" PORTIN_PORT="$PORT" PORTIN_LOG_LEVEL=warning "$BIN" serve > "$DATA/serve.out" 2> "$DATA/serve.err" &
SERVER_PID=$!
for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
    sleep 0.2
done
python3 scripts/demo.py --url "http://127.0.0.1:$PORT" --data-dir "$DATA" --timeout 180
if grep -q " error " "$DATA/serve.err"; then
    echo "the server logged errors during the demo:"; grep " error " "$DATA/serve.err"; exit 1
fi
