#!/bin/sh
# Installs the Debian 12 packages Serambi needs to build, test and run its demo, and any further
# packages named as arguments (scripts/fuzz.sh adds clang's). Does nothing when they are all
# present; uses sudo when not run as root.
set -eu

PACKAGES="cmake ninja-build ccache g++ pkg-config clang-format
qt6-base-dev qt6-websockets-dev qt6-httpserver-dev qt6-tools-dev qt6-tools-dev-tools
qt6-l10n-tools qt6-translations-l10n qt6-multimedia-dev qt6-svg-dev
gstreamer1.0-plugins-base gstreamer1.0-plugins-good libqt6sql6-sqlite libsqlite3-dev qtkeychain-qt6-dev
libgl-dev qt6-charts-dev libqt6opengl6-dev
postgresql libqt6sql6-psql
xvfb xauth procps fonts-noto-color-emoji sqlite3 tzdata $*"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    exit 0
fi

echo "serambi: installing Debian packages:$missing"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "serambi: missing packages:$missing; run this script as root or install sudo" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
