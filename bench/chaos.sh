#!/bin/sh
# The chaos run (docs/reliability.md): builds serambi-relay-chaos with the relay and the
# simulator (dev preset), then SIGKILLs the relay every few seconds for the given time under
# webhook load, ten agent consoles and Graph API faults, all on 127.0.0.1, and checks the
# relay's promises. Exits non-zero when one is broken.
# Usage: bench/chaos.sh [seconds, default 60] [serambi-relay-chaos options...]
set -eu
cd "$(dirname "$0")/.."
seconds="${1:-60}"
[ $# -gt 0 ] && shift
case "$seconds" in
'' | *[!0-9]*) echo "usage: bench/chaos.sh [seconds] [options]" >&2; exit 2 ;;
esac
scripts/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev --target serambi-relay-chaos
# Bounded: the chaos itself, then at most a few minutes to redeliver, settle and check.
exec timeout --kill-after=10 $((seconds + 300)) build/dev/bench/serambi-relay-chaos \
    --duration "$seconds" "$@"
