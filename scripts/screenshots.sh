#!/usr/bin/env bash
# Takes the pictures of every page and dialog shown in README (resources/screenshots/) from the
# demo data set in tests/screenshots/: a private keychain, a fake provider, real requests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/install-deps.sh test
cmake --preset test >/dev/null
cmake --build --preset test --target keyway-screenshots
QT_QPA_PLATFORM=offscreen tests/support/with-keyring.sh \
    "$PWD/build/test/tests/keyway-screenshots" "$PWD/resources/screenshots"
