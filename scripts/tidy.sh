#!/bin/sh
# Runs clang-tidy (.clang-tidy's checks, warnings are errors) over the project's sources.
# Usage: scripts/tidy.sh            every source file
#        scripts/tidy.sh --changed  only files changed since main's merge base (the before-stop habit)
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh clang-tidy
cmake --preset dev >/dev/null
# Generated headers (moc, resources) must exist before clang-tidy reads the sources.
cmake --build --preset dev >/dev/null

if [ "${1:-}" = "--changed" ]; then
    base=$(git merge-base HEAD main 2>/dev/null || git rev-parse HEAD)
    files=$( (git diff --name-only "$base"; git diff --name-only) | sort -u | grep '\.cpp$' || true)
else
    files=$(git ls-files '*.cpp')
fi
files=$(for f in $files; do [ -f "$f" ] && echo "$f"; done)
if [ -z "$files" ]; then
    echo "tidy: nothing to check"
    exit 0
fi
echo "tidy: $(echo "$files" | wc -l) files"
# shellcheck disable=SC2086
printf '%s\n' $files | xargs -P "$(nproc)" -n 4 clang-tidy -p build/dev --quiet \
    --extra-arg=-Wno-gnu-zero-variadic-macro-arguments 2>/dev/null
echo "tidy: clean"
