#!/usr/bin/env bash
# Runs a command inside a private keychain: a temporary HOME and XDG folders, a private D-Bus
# session bus, and GNOME Keyring's secrets component started and unlocked on it. The
# developer's own keyring and settings are never touched; everything is removed afterwards.
#
#   with-keyring.sh [--no-keyring] COMMAND [ARGS...]
#
# --no-keyring starts the bus without any secrets service, as on a machine with no keychain.
# The command finds the bus's and the keyring's process ids in KEYWAY_TEST_BUS_PID and
# KEYWAY_TEST_KEYRING_PID (to stop, freeze or kill them), and the bus's configuration, a copy of
# its own, in KEYWAY_TEST_BUS_CONFIG (the bus reads it again on SIGHUP).
set -euo pipefail

keyring=yes
if [[ "${1:-}" == "--no-keyring" ]]; then
    keyring=no
    shift
fi

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
sandbox=$(mktemp -d "${TMPDIR:-/tmp}/keyway-test.XXXXXX")
bus_pid=""
cleanup() {
    [[ -n "$bus_pid" ]] && kill "$bus_pid" 2>/dev/null || true
    # gnome-keyring-daemon leaves with its bus; make sure it is gone before removing its files.
    pkill -u "$(id -u)" -f "gnome-keyring-daemon.*--control-directory=$sandbox" 2>/dev/null || true
    rm -rf "$sandbox"
}
trap cleanup EXIT

export HOME="$sandbox/home"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
export XDG_CACHE_HOME="$HOME/.cache" XDG_STATE_HOME="$HOME/.local/state"
export XDG_RUNTIME_DIR="$sandbox/run"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# Desktop hints would steer QtKeychain to KWallet; the test keychain is GNOME Keyring.
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION GNOME_KEYRING_CONTROL SSH_AUTH_SOCK

export KEYWAY_TEST_BUS_CONFIG="$sandbox/session-bus.conf"
cp "$here/session-bus.conf" "$KEYWAY_TEST_BUS_CONFIG"
exec 3< <(dbus-daemon --config-file="$KEYWAY_TEST_BUS_CONFIG" --nofork --print-address=1 \
    --print-pid=1 2>/dev/null)
read -r DBUS_SESSION_BUS_ADDRESS <&3
read -r bus_pid <&3
export DBUS_SESSION_BUS_ADDRESS KEYWAY_TEST_BUS_PID=$bus_pid

if [[ "$keyring" == yes ]]; then
    # --unlock reads the password of the login keyring from standard input and creates it.
    printf 'keyway-test' | gnome-keyring-daemon --unlock --components=secrets --daemonize \
        --control-directory="$sandbox" >/dev/null
    # Wait until the secrets service has its name on the bus.
    for _ in $(seq 1 100); do
        if dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
            | grep -q 'boolean true'; then
            break
        fi
        sleep 0.05
    done
    KEYWAY_TEST_KEYRING_PID=$(pgrep -u "$(id -u)" -f "gnome-keyring-daemon.*--control-directory=$sandbox" || true)
    export KEYWAY_TEST_KEYRING_PID
fi

"$@"
