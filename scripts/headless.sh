#!/bin/sh
# The server-side build a relay admin makes: relay, simulator and their tests, without the
# console (no Qt Widgets or Gui). Builds it, proves no server program links Qt Gui, runs its tests.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build/headless -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSERAMBI_WERROR=ON \
    -DSERAMBI_BUILD_CONSOLE=OFF >/dev/null
cmake --build build/headless
for program in relay/serambi-relay sim/serambi-sim; do
    if ldd "build/headless/$program" | grep -q 'libQt6\(Gui\|Widgets\)'; then
        echo "headless: $program links Qt Gui or Widgets" >&2
        exit 1
    fi
done
QT_QPA_PLATFORM=offscreen ctest --test-dir build/headless --output-on-failure --timeout 300 "$@"
