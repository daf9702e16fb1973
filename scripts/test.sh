#!/usr/bin/env bash
# Installs what is missing, builds Keyway with its tests (warnings are errors) and runs them all.
# Arguments go to ctest (for example -R Store to run some).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/install-deps.sh test
# The official client libraries the integration tests drive (pinned in package-lock.json).
if [[ ! -d tests/node/node_modules ]] \
    || [[ tests/node/package-lock.json -nt tests/node/node_modules/.package-lock.json ]]; then
    npm ci --prefix tests/node --no-audit --no-fund --loglevel=error
fi
cmake --preset test >/dev/null
cmake --build --preset test
ctest --preset test "$@"
