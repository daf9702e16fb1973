#!/usr/bin/env bash
# Installs what is missing, builds Keyway with its tests (warnings are errors) and runs them all.
# Arguments go to ctest (for example -R Store to run some).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/install-deps.sh test
cmake --preset test >/dev/null
cmake --build --preset test
ctest --preset test "$@"
