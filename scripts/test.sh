#!/bin/sh
# Builds Serambi and runs every test. Usage: scripts/test.sh [ctest arguments...]
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev
QT_QPA_PLATFORM=offscreen ctest --preset dev --timeout 300 "$@"
