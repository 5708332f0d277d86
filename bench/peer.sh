#!/bin/sh
# Runs the Node peer (bench/node-peer) and serambi-relay under the same load in one run, RUNS
# times alternating, and prints both webhook rates and their ratio (docs/performance.md).
#
#   bench/peer.sh [BUILD_DIR] [RUNS] [SECONDS]       defaults: build/release 3 10
#
# serambi-relay keeps its defaults (fsync'd group commit, AI drafts on); both get 10 subscribed
# consoles and 32 keep-alive connections from serambi-relay-bench. RELAY=path measures another
# serambi-relay binary (an older build, for before/after figures).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build/release}
RUNS=${2:-3}
SECONDS_PER_RUN=${3:-10}
BENCH="$BUILD/bench/serambi-relay-bench"
PEER="$ROOT/bench/node-peer"
[ -x "$BENCH" ] || { echo "peer.sh: build serambi-relay and serambi-relay-bench in $BUILD first" >&2; exit 2; }
[ -d "$PEER/node_modules/better-sqlite3" ] || "$PEER/setup.sh"

WORK=$(mktemp -d)
NODE_PID=""
cleanup() {
    [ -n "$NODE_PID" ] && kill "$NODE_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# The webhook rate of a serambi-relay-bench report (its last line), or "-" when a console missed
# an acked webhook; with cpu, the relay's CPU per webhook instead.
field() { node -e 'const r = JSON.parse(require("fs").readFileSync(0, "utf8").trim().split("\n").pop()); const t = r.throughput; console.log(!r.ok ? "-" : process.argv[1] === "cpu" ? Math.round(t.relay_cpu_us_per_webhook) : Math.round(t.webhooks_per_s));' "$1"; }

run_peer() {
    rm -f "$WORK"/peer.db*
    : > "$WORK/peer.log"
    node "$PEER/server.js" 0 peer-secret "$WORK/peer.db" > "$WORK/peer.log" 2>&1 &
    NODE_PID=$!
    i=0
    while ! grep -q "listening on" "$WORK/peer.log"; do
        i=$((i + 1)); [ $i -gt 100 ] && { cat "$WORK/peer.log" >&2; exit 1; }
        sleep 0.1
    done
    url=$(sed -n 's/^listening on //p' "$WORK/peer.log")
    "$BENCH" --url "$url" --app-secret peer-secret --username bench --password bench \
        --mode throughput --duration "$SECONDS_PER_RUN" > "$WORK/peer.out"
    kill "$NODE_PID"; wait "$NODE_PID" 2>/dev/null || true; NODE_PID=""
    field rate < "$WORK/peer.out"
}

run_relay() {
    "$BENCH" ${RELAY:+--relay "$RELAY"} --mode throughput --duration "$SECONDS_PER_RUN" \
        > "$WORK/relay.out"
    field rate < "$WORK/relay.out"
}

echo "run  node-peer/s  serambi-relay/s  relay/peer  relay CPU us/webhook"
n=1
while [ $n -le "$RUNS" ]; do
    peer=$(run_peer)
    relay=$(run_relay)
    ratio=$(node -e "console.log(($relay / $peer).toFixed(2))")
    printf '%-4s %-12s %-16s %-11s %s\n' "$n" "$peer" "$relay" "$ratio" \
        "$(field cpu < "$WORK/relay.out")"
    n=$((n + 1))
done
