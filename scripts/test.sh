#!/usr/bin/env bash
# Installs what is missing, builds Keyway with its tests (warnings are errors) and runs them all,
# then runs every fuzz target for 10 s (scripts/fuzz.sh). Arguments go to ctest (for example
# -R Store to run some); with arguments, the fuzz targets are left out.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/install-deps.sh test
cmake --preset test >/dev/null
cmake --build --preset test
ctest --preset test "$@"
if [[ $# -eq 0 ]]; then
    # A short run of each target on its seed corpus: a build with clang (about 4 minutes on
    # 2 cores) and 10 s a target, two at a time; long runs are scripts/fuzz.sh's own.
    FUZZ_JOBS=2 scripts/fuzz.sh 10
fi
