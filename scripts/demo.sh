#!/bin/sh
# Builds Serambi and starts the offline demo: serambi-sim (Meta's Cloud API with simulated
# Indonesian customers), serambi-relay on the embedded defaults (SQLite, the offline knowledge-base drafter) and the
# serambi console, signed in as the demo agent. Without a display the console is skipped (or
# runs under Xvfb with SERAMBI_DEMO_XVFB=1). Ctrl+C stops everything.
# Ports: SERAMBI_DEMO_RELAY_PORT (8090), SERAMBI_DEMO_SIM_PORT (8091).
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev --target serambi-relay serambi-sim serambi

BUILD=build/dev
DEMO=build/demo
RELAY_PORT=${SERAMBI_DEMO_RELAY_PORT:-8090}
SIM_PORT=${SERAMBI_DEMO_SIM_PORT:-8091}
rm -rf "$DEMO"
mkdir -p "$DEMO"

DEMO_DATA="$PWD/$DEMO/relay"
. scripts/demo-env.sh

printf '%s\n' serambi-demo | "$BUILD/relay/serambi-relay" user add demo --role agent \
    --display-name "Demo Agent" >/dev/null
printf '%s\n' serambi-demo | "$BUILD/relay/serambi-relay" user add supervisor \
    --role supervisor --display-name "Demo Supervisor" >/dev/null
"$BUILD/relay/serambi-relay" kb import resources/demo/kb >/dev/null

"$BUILD/relay/serambi-relay" >"$DEMO/relay.log" 2>&1 &
RELAY_PID=$!
CONSOLE_PID=""
stop_demo() {
    kill "$RELAY_PID" $CONSOLE_PID 2>/dev/null
    # xvfb-run does not pass the signal on to the console it started.
    pkill -f "console/serambi --relay ws://127.0.0.1:$RELAY_PORT/agents" 2>/dev/null
    wait "$RELAY_PID" $CONSOLE_PID 2>/dev/null || true
}
trap stop_demo EXIT INT TERM

# The console signs in as the demo agent; the password goes through standard input, never the
# command line. Its cache lives in build/demo too, so every demo starts clean.
start_console() {
    printf '%s\n' serambi-demo | "$@" "$BUILD/console/serambi" \
        --relay "ws://127.0.0.1:$RELAY_PORT/agents" --user demo --password-stdin \
        --data-dir "$PWD/$DEMO/console" >"$DEMO/console.log" 2>&1 &
    CONSOLE_PID=$!
}
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    start_console env
    echo "Serambi demo: the console opens signed in as demo (log: $DEMO/console.log)."
elif [ "${SERAMBI_DEMO_XVFB:-0}" = 1 ] && command -v xvfb-run >/dev/null; then
    start_console xvfb-run -a
    echo "Serambi demo: no display; the console runs under Xvfb (log: $DEMO/console.log)."
else
    echo "Serambi demo: no DISPLAY, so the console (a desktop program) is not started."
    echo "From a desktop session: $BUILD/console/serambi --relay ws://127.0.0.1:$RELAY_PORT/agents"
fi

echo "Serambi demo: relay on http://127.0.0.1:$RELAY_PORT (log: $DEMO/relay.log)"
echo "Agents sign in as demo / serambi-demo (supervisor / serambi-demo)."
echo "Answer a chat the AI could not; the supervisor sees it under Ctrl+Shift+K, Suggestions."
echo "Simulated customers follow; Ctrl+C stops the demo."
"$BUILD/sim/serambi-sim" --listen "127.0.0.1:$SIM_PORT" \
    --webhook-url "http://127.0.0.1:$RELAY_PORT/webhook" --script resources/demo/customers.json \
    --shop-webhook-url "http://127.0.0.1:$RELAY_PORT/woocommerce/webhook"
