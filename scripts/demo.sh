#!/bin/sh
# Builds Serambi and starts the offline demo: two WhatsApp numbers, each with simulated
# Indonesian customers (serambi-sim as Meta's Cloud API, and a second serambi-sim as Twilio),
# serambi-relay on the embedded defaults (SQLite, the offline knowledge-base drafter) with a
# channel for each, and the serambi console, signed in as the demo agent: chats of both numbers
# arrive in it, each labelled with its channel. Without a display the console is skipped (or
# runs under Xvfb with SERAMBI_DEMO_XVFB=1). Ctrl+C stops everything.
# Ports: SERAMBI_DEMO_RELAY_PORT (8090), SERAMBI_DEMO_SIM_PORT (8091),
# SERAMBI_DEMO_TWILIO_PORT (8092).
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev --target serambi-relay serambi-sim serambi

BUILD=build/dev
DEMO=build/demo
RELAY_PORT=${SERAMBI_DEMO_RELAY_PORT:-8090}
SIM_PORT=${SERAMBI_DEMO_SIM_PORT:-8091}
TWILIO_PORT=${SERAMBI_DEMO_TWILIO_PORT:-8092}
rm -rf "$DEMO"
mkdir -p "$DEMO"

DEMO_DATA="$PWD/$DEMO/relay"
. scripts/demo-env.sh

printf '%s\n' serambi-demo | "$BUILD/relay/serambi-relay" user add demo --role agent \
    --display-name "Demo Agent" >/dev/null
printf '%s\n' serambi-demo | "$BUILD/relay/serambi-relay" user add supervisor \
    --role supervisor --display-name "Demo Supervisor" >/dev/null
"$BUILD/relay/serambi-relay" kb import resources/demo/kb >/dev/null

# The channels: the Cloud API number ("main", from the environment) and a Twilio number whose
# auth token is in the environment too (demo-env.sh); its templates go by Content SIDs.
cat >"$DEMO/relay.ini" <<EOF
[channel.main]
label=Toko
colour=#25d366

[channel.twilio]
provider=twilio
label=Grosir (Twilio)
colour=#f22f46
account_sid=AC5e7a3b1c9d2f4e6a8b0c1d3e5f7a9b2c
number=+14155238886
api_url=http://127.0.0.1:$TWILIO_PORT
public_url=http://127.0.0.1:$RELAY_PORT/webhook/twilio
content_templates=order_update:HX0a1b2c3d4e5f60718293a4b5c6d7e8f9, sapaan_lanjutan:HX1b2c3d4e5f60718293a4b5c6d7e8f90a
EOF
chmod 600 "$DEMO/relay.ini"

"$BUILD/relay/serambi-relay" --config "$DEMO/relay.ini" >"$DEMO/relay.log" 2>&1 &
RELAY_PID=$!
CONSOLE_PID=""
TWILIO_PID=""
stop_demo() {
    kill "$RELAY_PID" $CONSOLE_PID $TWILIO_PID 2>/dev/null
    # xvfb-run does not pass the signal on to the console it started.
    pkill -f "console/serambi --relay ws://127.0.0.1:$RELAY_PORT/agents" 2>/dev/null
    wait "$RELAY_PID" $CONSOLE_PID $TWILIO_PID 2>/dev/null || true
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
echo "Simulated customers follow (the Twilio number's: $DEMO/sim-twilio.log); Ctrl+C stops the demo."
"$BUILD/sim/serambi-sim" --provider twilio --listen "127.0.0.1:$TWILIO_PORT" \
    --webhook-url "http://127.0.0.1:$RELAY_PORT/webhook/twilio" \
    --script resources/demo/twilio-customers.json >"$DEMO/sim-twilio.log" 2>&1 &
TWILIO_PID=$!
"$BUILD/sim/serambi-sim" --listen "127.0.0.1:$SIM_PORT" \
    --webhook-url "http://127.0.0.1:$RELAY_PORT/webhook" --script resources/demo/customers.json \
    --shop-webhook-url "http://127.0.0.1:$RELAY_PORT/woocommerce/webhook"
