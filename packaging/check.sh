#!/bin/sh
# Builds the three Debian packages (Release, only the three programs, no tests; ccache makes a
# second run cheap), then checks them: lintian (no errors), their contents, the unit, the
# desktop file and the AppStream metainfo. packaging/README.md explains lintian's warnings.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh lintian desktop-file-utils appstream systemd fakeroot qt6-svg-dev
build=build/package
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSERAMBI_WERROR=ON \
    -DSERAMBI_BUILD_TESTS=OFF -DSERAMBI_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" --target serambi serambi-relay serambi-sim serambi-package-files
rm -f "$build"/*.deb
(cd "$build" && cpack -G DEB >/dev/null)

version=$(sed -n 's/^ *VERSION \([0-9.]*\)$/\1/p' CMakeLists.txt)
arch=$(dpkg --print-architecture)
fail() {
    echo "packaging: $*" >&2
    exit 1
}
for package in serambi serambi-relay serambi-sim; do
    deb="$build/${package}_${version}_${arch}.deb"
    [ -f "$deb" ] || fail "$deb was not built"
    # --fail-on error: warnings are listed in packaging/README.md and do not fail the check.
    lintian --fail-on error "$deb" ||
        fail "lintian found errors in $deb"
done

contains() {
    dpkg-deb -c "$build/${1}_${version}_${arch}.deb" >"$build/contents.txt"
    grep " \./$2\$" "$build/contents.txt" >/dev/null || fail "$1 does not contain /$2"
}
contains serambi-relay usr/bin/serambi-relay
contains serambi-relay lib/systemd/system/serambi-relay.service
contains serambi-relay usr/lib/sysusers.d/serambi-relay.conf
contains serambi-relay usr/lib/tmpfiles.d/serambi-relay.conf
contains serambi-relay etc/serambi/relay.ini
contains serambi-relay usr/share/man/man1/serambi-relay.1.gz
contains serambi-relay usr/share/bash-completion/completions/serambi-relay
contains serambi-sim usr/bin/serambi-sim
contains serambi-sim usr/share/man/man1/serambi-sim.1.gz
contains serambi usr/bin/serambi
contains serambi usr/share/applications/id.serambi.Serambi.desktop
contains serambi usr/share/metainfo/id.serambi.Serambi.metainfo.xml
contains serambi usr/share/icons/hicolor/scalable/apps/id.serambi.Serambi.svg
contains serambi usr/share/icons/hicolor/48x48/apps/id.serambi.Serambi.png
contains serambi usr/share/icons/hicolor/512x512/apps/id.serambi.Serambi.png
dpkg-deb -I "$build/serambi-relay_${version}_${arch}.deb" conffiles | grep -qx /etc/serambi/relay.ini ||
    fail "serambi-relay does not mark /etc/serambi/relay.ini as a conffile"
dpkg-deb -f "$build/serambi-relay_${version}_${arch}.deb" Depends | grep -q libqt6core6 ||
    fail "serambi-relay's dependencies do not come from dpkg-shlibdeps"
if dpkg-deb -f "$build/serambi-relay_${version}_${arch}.deb" Depends | grep -q libqt6gui6; then
    fail "serambi-relay depends on Qt Gui"
fi

# The unit is verified against the packaged program, as systemd would see it once installed.
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$build/serambi-relay_${version}_${arch}.deb" "$root"
sed "s|/usr/bin/serambi-relay|$PWD/$build/relay/serambi-relay|" \
    packaging/systemd/serambi-relay.service >"$root/serambi-relay.service"
SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no "$root/serambi-relay.service" 2>&1 |
    tee "$root/verify.log"
[ ! -s "$root/verify.log" ] || fail "systemd-analyze verify complained about the unit"
"$root/usr/bin/serambi-relay" --version >/dev/null || fail "the packaged relay does not start"

desktop-file-validate "$build/packaging/id.serambi.Serambi.desktop"
appstreamcli validate --no-net --pedantic "$build/packaging/id.serambi.Serambi.metainfo.xml"
echo "packaging: serambi, serambi-relay and serambi-sim $version built and checked"
