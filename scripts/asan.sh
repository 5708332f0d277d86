#!/bin/sh
# Builds the `asan` preset (AddressSanitizer + UBSan, gcc) and runs the whole test suite under it.
# Any sanitizer report fails the test that triggered it: ASan and UBSan stop the process at the
# first error, LeakSanitizer fails it at exit. Suppressions (tests/sanitizers/) cover only leaks
# inside Qt's and the system's own libraries. Usage: scripts/asan.sh [ctest arguments...]
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
suppressions="$(pwd)/tests/sanitizers"
ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:detect_stack_use_after_return=0:strict_string_checks=0:print_suppressions=0"
UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$suppressions/ubsan.supp"
LSAN_OPTIONS="suppressions=$suppressions/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS

started=$(date +%s)
cmake --preset asan >/dev/null
cmake --build --preset asan
built=$(date +%s)
echo "asan: built in $((built - started)) s"
status=0
# Sanitized code runs 2-3x slower: the per-test timeout is twice the normal suite's.
QT_QPA_PLATFORM=offscreen ctest --preset asan --timeout 600 "$@" || status=$?
echo "asan: suite ran in $(($(date +%s) - built)) s"
exit $status
