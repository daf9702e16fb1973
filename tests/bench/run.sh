#!/usr/bin/env bash
# Keyway's benchmark, in one command: installs wrk, nginx and the peer gateway, builds Keyway
# optimised, and measures nginx directly, Keyway in front of it and Portkey's gateway in front
# of it, in one run on this machine. Prints a Markdown table (also kept in
# build/bench/results.md). Takes about five minutes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

scripts/install-deps.sh bench
if [[ ! -d tests/bench/node/node_modules ]] \
    || [[ tests/bench/node/package-lock.json -nt tests/bench/node/node_modules/.package-lock.json ]]; then
    npm ci --prefix tests/bench/node --ignore-scripts --no-audit --no-fund --loglevel=error
fi
cmake --preset bench >/dev/null
cmake --build --preset bench
# Keyway reads its keys from the keychain: a private one, as in the tests.
exec tests/support/with-keyring.sh tests/bench/measure.sh build/bench
