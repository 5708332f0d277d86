#!/bin/bash
# Builds the libFuzzer targets (tests/fuzz, clang with ASan + UBSan, the `fuzz` preset in
# build/fuzz) and runs each for a bounded time, two at a time. Fails when a target crashes,
# leaks, hits undefined behaviour or times out; the input that did it is left in
# build/fuzz/artifacts/. Usage: scripts/fuzz.sh [seconds per target, default 60]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
case "$seconds" in
'' | *[!0-9]*) echo "usage: scripts/fuzz.sh [seconds per target]" >&2; exit 2 ;;
esac
targets=(webhookparser frame commandargs textnormalizer multipart)
parallel=2

scripts/install-deps.sh clang-14 libclang-rt-14-dev llvm-14
started=$(date +%s)
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
echo "fuzz: built in $(($(date +%s) - started)) s"

root="$(pwd)"
out="$root/build/fuzz/run"
rm -rf "$out/seeds" "$out/logs" "$root/build/fuzz/artifacts"
mkdir -p "$out/logs" "$root/build/fuzz/artifacts"

# Seeds: each target's corpus in tests/fuzz/corpus (with every input that once found a bug),
# plus the test fixtures: Meta's webhooks, and the AI set's customer messages as UTF-8 text.
seeds() {
    local target=$1 dir="$out/seeds/$1"
    mkdir -p "$dir"
    if [ -d "tests/fuzz/corpus/$target" ]; then
        find "tests/fuzz/corpus/$target" -maxdepth 1 -type f -exec cp {} "$dir"/ \;
    fi
    case "$target" in
    webhookparser) cp tests/data/webhooks/*.json "$dir"/ ;;
    textnormalizer)
        local n=0 line
        while IFS=$'\t' read -r line _; do
            n=$((n + 1))
            printf '\001%s' "$line" >"$dir/ai-$n.txt"
        done < <(cat tests/data/ai/*.tsv)
        ;;
    esac
    echo "$dir"
}

run() {
    local target=$1 seeddir
    seeddir=$(seeds "$target")
    # The growing corpus is kept between local runs; CI starts from the seeds.
    mkdir -p "$out/corpus/$target"
    local dict=()
    case "$target" in
    webhookparser | frame | commandargs) dict=(-dict="$root/tests/fuzz/json.dict") ;;
    esac
    timeout --kill-after=10 $((seconds + 120)) "build/fuzz/tests/fuzz/fuzz_$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        "${dict[@]}" -artifact_prefix="$root/build/fuzz/artifacts/$target-" \
        "$out/corpus/$target" "$seeddir" >"$out/logs/$target.log" 2>&1
}

export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer

# Two at a time (two cores); each writes its exit status beside its log.
for target in "${targets[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do
        wait -n || true
    done
    (
        status=0
        run "$target" || status=$?
        echo "$status" >"$out/logs/$target.status"
    ) &
done
wait

failed=()
for target in "${targets[@]}"; do
    log="$out/logs/$target.log"
    status=$(cat "$out/logs/$target.status")
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 || true)
    if [ "$status" -eq 0 ]; then
        echo "fuzz: $target clean, ${runs:-?} inputs in $seconds s, ${cov:-cov: ?}"
    else
        failed+=("$target")
        echo "fuzz: $target FAILED (exit $status); log $log, input in build/fuzz/artifacts/"
        tail -n 60 "$log"
    fi
done
echo "fuzz: done in $(($(date +%s) - started)) s"
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: ${#failed[@]} failed: ${failed[*]}"
    exit 1
fi
echo "fuzz: ${#targets[@]} passed, 0 failed"
