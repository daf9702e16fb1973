#!/usr/bin/env bash
# Builds the libFuzzer targets (the fuzz preset: clang, AddressSanitizer, UndefinedBehaviorSanitizer)
# and runs each on its seed corpus for a while, installing clang first when it is missing.
#
#   fuzz.sh [SECONDS] [TARGET...]   SECONDS per target (default 10); every target when none named
#
# FUZZ_JOBS=2 runs two targets at a time. Each grows its corpus in build/fuzz/corpus/<Target>
# (kept between runs, never committed: tests/fuzz/corpus holds the seeds). A crash, leak, hang or
# sanitizer report fails the run; the input that caused it is left in build/fuzz/findings/ and
# the fuzzer's output in build/fuzz/logs/. One line of figures per target at the end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds=${1:-10}
shift || true
jobs=${FUZZ_JOBS:-1}

scripts/install-deps.sh fuzz
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    for folder in tests/fuzz/corpus/*/; do
        targets+=("$(basename "$folder")")
    done
fi

mkdir -p build/fuzz/logs
run_one() {
    local target=$1
    local dict=tests/fuzz/json.dict
    [[ $target == FuzzHttpConnection ]] && dict=tests/fuzz/http.dict
    mkdir -p "build/fuzz/corpus/$target" "build/fuzz/findings/$target"
    # Leaks are checked per input; -timeout is per input, a hang beyond it is a finding.
    "build/fuzz/tests/fuzz/$target" -max_total_time="$seconds" -dict="$dict" -timeout=20 \
        -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="build/fuzz/findings/$target/" \
        "build/fuzz/corpus/$target" "tests/fuzz/corpus/$target" >"build/fuzz/logs/$target.log" 2>&1 \
        && echo ok >"build/fuzz/logs/$target.status" \
        || echo FAILED >"build/fuzz/logs/$target.status"
}

summary() {
    local target=$1 status log="build/fuzz/logs/$1.log"
    status=$(cat "build/fuzz/logs/$target.status")
    local execs rate last
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    last=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' || true)
    printf '%-24s %s  %ss  %s execs  %s/s  %s\n' "$target" "$status" "$seconds" "${execs:-?}" \
        "${rate:-?}" "${last:-}"
}

for target in "${targets[@]}"; do
    while [[ $(jobs -rp | wc -l) -ge $jobs ]]; do
        wait -n || true
    done
    rm -f "build/fuzz/logs/$target.status"
    run_one "$target" &
done
wait

failed=0
for target in "${targets[@]}"; do
    summary "$target"
    if [[ $(cat "build/fuzz/logs/$target.status") != ok ]]; then
        failed=1
        grep -E 'ERROR:|SUMMARY:|runtime error|abort' "build/fuzz/logs/$target.log" | head -5 >&2 || true
    fi
done
exit $failed
