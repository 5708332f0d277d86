#!/bin/sh
# Installs the Node peer's dependencies (Express, better-sqlite3, ws) into bench/node-peer/.
# better-sqlite3 is built from source against the installed Node's headers, so the Debian
# packages for that are installed first when missing.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
"$HERE/../../scripts/install-deps.sh" python3 make g++
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get install -y nodejs npm libnode-dev
fi
cd "$HERE"
# better-sqlite3 is compiled here rather than fetched prebuilt, against the installed Node's
# headers when they are under /usr/include/node (NodeSource's package), so nothing else is
# downloaded.
export npm_config_build_from_source=true
if [ -f /usr/include/node/common.gypi ]; then
    export npm_config_nodedir=/usr
fi
npm install --no-audit --no-fund
node -e "require('better-sqlite3')(':memory:').prepare('select 1').get()"
echo "serambi node peer: ready"
