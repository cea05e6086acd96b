#!/usr/bin/env bash
# Run pytest inside a private desktop session: its own D-Bus session bus, an X server
# (Xvfb), the OS keyring (gnome-keyring), a notification daemon (dunst) and a tray host
# (trayer). Nothing is shared with the desktop you may be sitting at.
#
#   bash tests/session.sh [PYTEST ARGS...]
#
# Tests see HUBCALL_TEST_SESSION=1 and know the real components are up. Every process
# started here is ended by its PID, in reverse order, and pytest's exit code is passed
# through (5, "no tests collected", is a failure like any other non-zero code).
#
# Harmless noise on stderr: dbus-daemon cannot raise its fd limit when not root, and it
# logs each failed start of the keyring's unlock prompter (tests lock the keyring on
# purpose; the prompter finds no display and the prompt counts as dismissed).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
READY_TIMEOUT="${HUBCALL_SESSION_TIMEOUT:-10}" # seconds to wait for each component

say() { printf '[session] %s\n' "$*"; }
die() {
    printf '[session] ERROR: %s\n' "$*" >&2
    exit 1
}

# 1. A private session bus. dbus-run-session ends the bus when this script ends; the
# outer desktop's DISPLAY is dropped first so D-Bus-activated helpers (the keyring's
# unlock prompter) never open windows on it.
if [[ "${_HUBCALL_IN_PRIVATE_BUS:-}" != 1 ]]; then
    command -v dbus-run-session >/dev/null || die "dbus-run-session is missing (Debian package dbus-bin or dbus)"
    say "starting a private D-Bus session bus (dbus-run-session)"
    exec env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS -u PYTHON_KEYRING_BACKEND \
        _HUBCALL_IN_PRIVATE_BUS=1 dbus-run-session -- bash "${BASH_SOURCE[0]}" "$@"
fi
unset _HUBCALL_IN_PRIVATE_BUS

for tool in Xvfb gnome-keyring-daemon dunst trayer gdbus; do
    command -v "$tool" >/dev/null || die "$tool is missing; run 'bash tests/run.sh' as root once to install it"
done

PYTHON="${HUBCALL_TEST_PYTHON:-}"
if [[ -z "$PYTHON" ]]; then
    if [[ -x "$REPO_ROOT/.venv/bin/python" ]]; then PYTHON="$REPO_ROOT/.venv/bin/python"; else PYTHON=python3; fi
fi

SESSION_DIR="$(mktemp -d "${TMPDIR:-/tmp}/hubcall-session.XXXXXX")"
PIDS=()
NAMES=()

# shellcheck disable=SC2317  # reached through the EXIT trap
cleanup() {
    local status=$? i pid
    trap - EXIT INT TERM HUP PIPE
    set +e # clean up everything even if a step here fails (e.g. stdout is gone)
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
        pid="${PIDS[i]}"
        if kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            # Bounded wait (bash reaps its children as they exit, so kill -0 fails then),
            # then the hard way: a hung daemon must not hang CI.
            for _ in {1..250}; do
                kill -0 "$pid" 2>/dev/null || break
                sleep 0.02
            done
            kill -KILL "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
            say "stopped ${NAMES[i]} (pid $pid)" 2>/dev/null
        else
            wait "$pid" 2>/dev/null
            say "${NAMES[i]} (pid $pid) had already exited with status $?" 2>/dev/null
        fi
    done
    rm -rf "$SESSION_DIR"
    exit "$status"
}
# Signals become a normal exit so the EXIT trap ends the daemons; SIGPIPE too (a reader
# such as `| head` going away would otherwise kill this script before it cleans up).
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 141' PIPE
trap 'exit 143' TERM

started() {
    PIDS+=("$1")
    NAMES+=("$2")
    say "started $2 (pid $1)"
}

show_log() {
    [[ -s "$1" ]] && sed 's/^/    | /' "$1" >&2
    return 0
}

wait_for_bus_name() { # NAME LABEL LOG
    if ! gdbus wait --session --timeout "$READY_TIMEOUT" "$1" >/dev/null 2>&1; then
        show_log "$3"
        die "$2 did not take the D-Bus name $1 within ${READY_TIMEOUT}s"
    fi
    say "$2 owns $1"
}

# Fresh XDG dirs: the keyring file, dunst's config and anything a test writes through
# platformdirs stay inside this session and disappear with it.
export XDG_RUNTIME_DIR="$SESSION_DIR/runtime" XDG_DATA_HOME="$SESSION_DIR/data"
export XDG_CONFIG_HOME="$SESSION_DIR/config" XDG_CACHE_HOME="$SESSION_DIR/cache"
mkdir -m 700 "$XDG_RUNTIME_DIR" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"

# 2. X server. -displayfd picks a free display number and writes it once the server
# accepts connections; reading it through a FIFO waits exactly that long.
mkfifo "$SESSION_DIR/displayfd"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$SESSION_DIR/displayfd" \
    >"$SESSION_DIR/xvfb.log" 2>&1 &
started $! "Xvfb"
exec 4<"$SESSION_DIR/displayfd"
display_number=""
read -r -t "$READY_TIMEOUT" display_number <&4 || true
exec 4<&-
[[ "$display_number" =~ ^[0-9]+$ ]] || {
    show_log "$SESSION_DIR/xvfb.log"
    die "Xvfb did not report a display within ${READY_TIMEOUT}s"
}
export DISPLAY=":$display_number"
say "Xvfb is ready on DISPLAY=$DISPLAY"

# 3. The OS keyring. A fresh login keyring is created and unlocked with a throwaway
# password read from stdin; --foreground keeps the daemon at its PID (it forks otherwise
# and can outlive the session). Tests that lock the keyring use the password to unlock it.
HUBCALL_TEST_KEYRING_PASSWORD="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
export HUBCALL_TEST_KEYRING_PASSWORD
gnome-keyring-daemon --foreground --unlock --components=secrets \
    < <(printf '%s' "$HUBCALL_TEST_KEYRING_PASSWORD") >"$SESSION_DIR/keyring.log" 2>&1 &
started $! "gnome-keyring-daemon"
wait_for_bus_name org.freedesktop.secrets "gnome-keyring-daemon" "$SESSION_DIR/keyring.log"

# 4. Notification daemon.
dunst >"$SESSION_DIR/dunst.log" 2>&1 &
started $! "dunst"
wait_for_bus_name org.freedesktop.Notifications "dunst" "$SESSION_DIR/dunst.log"

# 5. Tray host (XEmbed). It is ready once it owns the _NET_SYSTEM_TRAY_S0 selection,
# which is what QSystemTrayIcon.isSystemTrayAvailable() checks. No command-line tool
# reads selection owners, hence the few lines of ctypes over libX11.
trayer --edge top --align right --widthtype request --height 32 --SetDockType true \
    >"$SESSION_DIR/trayer.log" 2>&1 &
started $! "trayer"
if ! "$PYTHON" - "$READY_TIMEOUT" <<'PY'; then
import ctypes, ctypes.util, os, sys, time
x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
x11.XOpenDisplay.restype = ctypes.c_void_p
x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
x11.XInternAtom.restype = ctypes.c_ulong
x11.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
x11.XGetSelectionOwner.restype = ctypes.c_ulong
display = x11.XOpenDisplay(os.environb[b"DISPLAY"])
if not display:
    sys.exit(1)
atom = x11.XInternAtom(display, b"_NET_SYSTEM_TRAY_S0", 0)
deadline = time.monotonic() + float(sys.argv[1])
while not x11.XGetSelectionOwner(display, atom):
    if time.monotonic() > deadline:
        sys.exit(1)
    time.sleep(0.02)
PY
    show_log "$SESSION_DIR/trayer.log"
    die "trayer did not become the system tray within ${READY_TIMEOUT}s"
fi
say "trayer owns the system tray selection"

# 6. The tests. pytest-xvfb (if ever installed) would start its own X server and
# override DISPLAY: it is disabled.
export HUBCALL_TEST_SESSION=1
say "running: $PYTHON -m pytest -p no:xvfb $*"
cd "$REPO_ROOT"
status=0
"$PYTHON" -m pytest -p no:xvfb "$@" </dev/null || status=$?
if ((status == 5)); then
    say "pytest collected no tests: that counts as a failure"
fi
exit "$status"
