#!/usr/bin/env bash
# Installs what is missing, builds Keyway and starts it. Arguments go to keyway.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/install-deps.sh run
cmake --preset release >/dev/null
cmake --build --preset release
exec build/release/keyway "$@"
