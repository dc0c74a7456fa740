#!/usr/bin/env bash
# Browser tests: headless Chromium (Selenium) against a real `portin serve` on a temporary data
# directory, its partner carrier a `carrier-sim` sharing the accelerated demo clock, so a request
# is validated (and rejected by a simulator scenario) in seconds. Screenshots go to
# $PORTIN_SCREENSHOTS (default: a new temporary directory); never commit them.
#   needs: chromium, chromium-driver (Debian), python3 -m pip install selenium
set -euo pipefail
cd "$(dirname "$0")/.."

BIN_DIR="${PORTIN_BIN_DIR:-.build/debug}"
PORT="${BROWSER_TEST_PORT:-18091}"
SIM_PORT="${BROWSER_TEST_SIM_PORT:-18092}"
SPEED="${BROWSER_TEST_CLOCK_SPEED:-20000}"
SHOTS="${PORTIN_SCREENSHOTS:-$(mktemp -d -t portin-screenshots-XXXXXX)}"
WORK="$(mktemp -d -t portin-browser-XXXXXX)"
DATA="$WORK/data"
SECRET="browser-test-callback-secret"
KEY="browser-test-carrier-key"
mkdir -p "$DATA" "$SHOTS"
cleanup() {
    kill "${SIM_PID:-0}" "${SERVER_PID:-0}" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# Business subscribers of Granite Telephone: one per journey (the 3rd and 4th: the wizard's, scripts/browser/wizard.py;
# the 5th: the ops console's, scripts/browser/ops.py).
cat > "$WORK/subscribers.json" <<'JSON'
[
  {"carrier": "granite-telephone", "account_number": "GT-WEB-101", "btn": "+12175227101", "business_name": "Prairie Books LLC",
   "authorized_name": "Ada Reed", "numbers": ["+12175227101", "+12175227102"],
   "service_address": {"house_number": "210", "street": "Monroe St", "city": "Springfield", "state": "IL", "postal_code": "62701", "country": "US"}},
  {"carrier": "granite-telephone", "account_number": "GT-WEB-201", "btn": "+12175227201", "business_name": "Lincoln Diner Inc",
   "authorized_name": "Sam Cole", "numbers": ["+12175227201"],
   "service_address": {"house_number": "77", "street": "Capitol St", "city": "Springfield", "state": "IL", "postal_code": "62701", "country": "US"}},
  {"carrier": "granite-telephone", "account_number": "GT-WEB-301", "btn": "+12175227301", "business_name": "Sangamon Bikes LLC",
   "authorized_name": "Lee Park", "numbers": ["+12175227301", "+12175227302"],
   "service_address": {"house_number": "5", "street": "Adams St", "city": "Springfield", "state": "IL", "postal_code": "62701", "country": "US"}},
  {"carrier": "granite-telephone", "account_number": "GT-WEB-401", "btn": "+12175227401", "business_name": "Oak Ridge Florist Inc",
   "authorized_name": "Kim Bell", "numbers": ["+12175227401"],
   "service_address": {"house_number": "9", "street": "Oak Ridge Rd", "city": "Springfield", "state": "IL", "postal_code": "62702", "country": "US"}},
  {"carrier": "granite-telephone", "account_number": "GT-WEB-501", "btn": "+12175227501", "business_name": "Sangamon Florist LLC",
   "authorized_name": "Lee Park", "numbers": ["+12175227501"],
   "service_address": {"house_number": "5", "street": "Adams St", "city": "Springfield", "state": "IL", "postal_code": "62701", "country": "US"}}
]
JSON

PORTIN_DATA_DIR="$DATA" PORTIN_PORT="$PORT" PORTIN_LOG_LEVEL=warning PORTIN_CLOCK_SPEED="$SPEED" \
PORTIN_CARRIER_URL="http://127.0.0.1:$SIM_PORT" PORTIN_CARRIER_API_KEY="$KEY" PORTIN_CARRIER_CALLBACK_SECRET="$SECRET" \
    "$BIN_DIR/portin" serve > "$WORK/serve.out" 2> "$WORK/serve.err" &
SERVER_PID=$!
for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
    sleep 0.2
done
grep -q "customer login:" "$WORK/serve.out" || { echo "serve printed no portal login:"; cat "$WORK/serve.out" "$WORK/serve.err"; exit 1; }

"$BIN_DIR/carrier-sim" --port "$SIM_PORT" --api-key "$KEY" --callback-url "http://127.0.0.1:$PORT/v1/carrier/callbacks" \
    --callback-secret "$SECRET" --clock-file "$DATA/demo-clock.json" --time-scale "$SPEED" \
    --subscribers "$WORK/subscribers.json" --log-level warning > "$WORK/sim.log" 2>&1 &
SIM_PID=$!
for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$SIM_PORT") 2>/dev/null && break
    sleep 0.2
done

status=0
python3 scripts/browser/journeys.py --url "http://127.0.0.1:$PORT" --sim-url "http://127.0.0.1:$SIM_PORT" --sim-key "$KEY" \
    --data-dir "$DATA" --subscribers "$WORK/subscribers.json" --screenshots "$SHOTS" || status=$?
if grep -q " error " "$WORK/serve.err"; then
    echo "the server logged errors during the browser tests:"; grep " error " "$WORK/serve.err"; status=1
fi
if [ "$status" -ne 0 ]; then
    echo "--- serve.err (tail)"; tail -40 "$WORK/serve.err"; echo "--- sim.log (tail)"; tail -20 "$WORK/sim.log"
fi
exit "$status"
