#!/usr/bin/env bash
# Runs schemathesis against a live `portin serve` (embedded defaults, fresh data directory):
# no 5xx and no response that violates /openapi.yaml. Called from .ci/run after the tests built
# the debug binary; usable by hand the same way.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="${PORTIN_BIN:-.build/debug/portin}"
PORT="${SCHEMATHESIS_PORT:-18080}"
EXAMPLES="${SCHEMATHESIS_EXAMPLES:-40}"
DATA="$(mktemp -d)"
trap 'kill "${SERVER_PID:-0}" 2>/dev/null || true; rm -rf "$DATA"' EXIT

python3 -m pip install -q "schemathesis==4.32.5"

PORTIN_DATA_DIR="$DATA" PORTIN_PORT="$PORT" PORTIN_LOG_LEVEL=warning "$BIN" serve > "$DATA/serve.out" 2> "$DATA/serve.err" &
SERVER_PID=$!
for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
    sleep 0.2
done
curl -fs "http://127.0.0.1:$PORT/health" >/dev/null

CREDS="$DATA/demo-credentials.json"
customer="$(python3 -c "import json,sys; c=json.load(open(sys.argv[1])); print(c['auth_id']+':'+c['auth_token'])" "$CREDS")"
ops="$(python3 -c "import json,sys; c=json.load(open(sys.argv[1])); print(c['ops_auth_id']+':'+c['ops_auth_token'])" "$CREDS")"
CHECKS=not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance
URL="http://127.0.0.1:$PORT/openapi.yaml"

echo "== schemathesis: customer routes"
python3 -m schemathesis.cli run "$URL" --auth "$customer" -c "$CHECKS" -n "$EXAMPLES" --seed 4 --exclude-path-regex '^/v1/ops/'
echo "== schemathesis: ops routes"
python3 -m schemathesis.cli run "$URL" --auth "$ops" -c "$CHECKS" -n "$EXAMPLES" --seed 4 --include-path-regex '^/v1/ops/'

if grep -q " error " "$DATA/serve.err"; then
    echo "the server logged errors during the run:"; grep " error " "$DATA/serve.err"; exit 1
fi
