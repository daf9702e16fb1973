#!/usr/bin/env bash
# Builds Keyway and its tests under AddressSanitizer and UndefinedBehaviorSanitizer (the asan
# preset: g++, build/asan) and runs the whole test suite there. Any sanitizer report fails its
# test. Arguments go to ctest (for example -R Http). README ("Fuzzing and sanitizers") gives the
# last result; CI does not run it (it doubles the build).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/install-deps.sh test
cmake --preset asan >/dev/null
cmake --build --preset asan

supp="$PWD/tests/sanitizers"
# Leaks are reported at exit (KEYWAY_DETECT_LEAKS=0 leaves them out, to see the other findings
# alone); those that start in system libraries that keep them by design are suppressed in
# lsan.supp, each with why.
export ASAN_OPTIONS="detect_leaks=${KEYWAY_DETECT_LEAKS:-1}:strict_init_order=1"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$supp/ubsan.supp"
ctest --preset asan "$@"
