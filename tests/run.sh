#!/usr/bin/env bash
# Install what the tests need, run every check, then the tests in a private desktop session.
#
#   bash tests/run.sh [PYTEST ARGS...]
#
# On Debian 12 / Ubuntu as root it installs the missing Debian packages (apt-get); as
# another user it says what is missing and goes on. Then it creates or updates .venv,
# installs the project with its test extras, and runs in order: ruff check, ruff format
# --check, mypy, lint-imports, and pytest inside tests/session.sh. Every step runs even
# when an earlier one fails; the summary says which failed and the exit code is non-zero.
# Re-runs skip what is already done. Only apt and pip use the network.
#
# Note: the functions below run as "step ... || ..." and bash ignores `set -e` inside
# them there, so every command that must stop a step says `|| return 1` itself.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
VENV="$REPO_ROOT/.venv"
PYTHON="${PYTHON:-python3}"
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1

# Qt's xcb platform (the list Qt needs beyond what PySide6 wheels carry), the X server
# and its tools, the keyring, notification and tray daemons, the softphone stack, and the
# offline checkers of the packaging (desktop entry, AppStream, Flatpak manifest).
QT_XCB_LIBS=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0
    libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0
    libx11-xcb1 libegl1 libgl1 libfontconfig1 libglib2.0-0 libdbus-1-3 libgssapi-krb5-2)
PACKAGES=(ca-certificates python3-venv "${QT_XCB_LIBS[@]}" fonts-dejavu-core
    xvfb xauth x11-utils imagemagick xdotool
    gnome-keyring libsecret-tools dbus dbus-bin libglib2.0-bin
    dunst libnotify-bin trayer baresip-core sip-tester desktop-file-utils appstream
    zsh fish man-db groff-base flatpak-builder
    at-spi2-core python3-pyatspi gir1.2-atspi-2.0)

say() { printf '[run] %s\n' "$*"; }
now() { printf '%s' "${EPOCHREALTIME/,/.}"; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# Names of installed packages, and of what they provide (Ubuntu 24.04 ships
# libglib2.0-0t64, which provides libglib2.0-0).
installed_names() {
    dpkg-query -W -f='${db:Status-Abbrev}|${Package}|${Provides}\n' 2>/dev/null |
        awk -F'|' '$1 ~ /^ii/ { print $2; n = split($3, p, /, */); for (i = 1; i <= n; i++) { sub(/ .*/, "", p[i]); print p[i] } }'
}

install_packages() {
    if ! command -v dpkg-query >/dev/null; then
        say "not a Debian/Ubuntu system: install the equivalents of: ${PACKAGES[*]}"
        return 0
    fi
    local have missing=() pkg
    have="$(installed_names)"
    for pkg in "${PACKAGES[@]}"; do
        grep -qxF "$pkg" <<<"$have" || missing+=("$pkg")
    done
    if ((${#missing[@]} == 0)); then
        say "Debian packages: all ${#PACKAGES[@]} present"
        return 0
    fi
    if [[ "$(id -u)" != 0 ]]; then
        say "NOTE: not root, so no packages are installed. Missing: ${missing[*]}"
        say "NOTE: install them with: sudo apt-get install --no-install-recommends ${missing[*]}"
        return 0
    fi
    say "installing ${#missing[@]} Debian packages: ${missing[*]}"
    apt-get update -qq </dev/null || return 1
    if ! apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null; then
        # One unknown name (an older release without dbus-bin, say) must not stop the rest.
        for pkg in "${missing[@]}"; do
            apt-get install -y -qq --no-install-recommends "$pkg" </dev/null >/dev/null ||
                say "NOTE: could not install $pkg on this system"
        done
    fi
}

prepare_venv() {
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
        { say "ERROR: $PYTHON is older than Python 3.11; set PYTHON=python3.11 (or newer)"; return 1; }
    if ! "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        say "creating $VENV"
        "$PYTHON" -m venv --clear "$VENV" ||
            { say "ERROR: could not create the virtualenv (Debian/Ubuntu: install python3-venv)"; return 1; }
    fi
    # pip is asked only when pyproject.toml (or the interpreter) changed since the last
    # install: the editable install already follows every source change.
    local stamp="$VENV/.hubcall-install" want
    want="$(sha256sum pyproject.toml | cut -d' ' -f1) test $REPO_ROOT $("$VENV/bin/python" -VV | head -1)"
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
        say "virtualenv: up to date"
        return 0
    fi
    say "pip install -e '.[test]'"
    "$VENV/bin/python" -m pip install --quiet -e '.[test]' </dev/null || return 1
    printf '%s\n' "$want" >"$stamp"
}

STEPS=()
RESULTS=()
FAILED=0
PYTEST_STATUS=0

step() { # NAME COMMAND...
    local name="$1" start status=0
    shift
    say "== $name"
    start="$(now)"
    "$@" </dev/null || status=$?
    STEPS+=("$name")
    if ((status == 0)); then
        RESULTS+=("ok      $(since "$start") s")
    else
        RESULTS+=("FAILED  $(since "$start") s (exit $status)")
        FAILED=1
    fi
    return "$status"
}

total_start="$(now)"
step "Debian packages" install_packages || true
step "virtualenv" prepare_venv || { say "cannot go on without the virtualenv"; exit 1; }
export PATH="$VENV/bin:$PATH" VIRTUAL_ENV="$VENV"
step "ruff check" ruff check . || true
step "ruff format --check" ruff format --check . || true
step "mypy" mypy || true
step "lint-imports" lint-imports || true
# httpx2 beside httpx, for tests/secrets/test_httpx2_beside.py: a cached folder of its own
# (.venv-extra/httpx2), never the virtualenv; built here so that pytest needs no network.
step "httpx2 (cached, beside httpx)" "$VENV/bin/python" -m tests.httpx2_beside || true
# The full phonenumbers of the installed version, for the country-names check only
# (tests/ui/test_region_names.py; the app runs on phonenumberslite), cached in .venv-extra.
step "phonenumbers (cached, for the country names)" "$VENV/bin/python" -m tests.full_phonenumbers || true
step "pytest (private desktop session)" env HUBCALL_TEST_PYTHON="$VENV/bin/python" \
    bash tests/session.sh "$@" || PYTEST_STATUS=$?
((PYTEST_STATUS == 5)) && say "pytest collected no tests: counted as a failure"

say "== summary"
for i in "${!STEPS[@]}"; do
    printf '[run]   %-34s %s\n' "${STEPS[i]}" "${RESULTS[i]}"
done
say "total $(since "$total_start") s"
if ((FAILED)); then
    say "FAILED"
    ((PYTEST_STATUS != 0)) && exit "$PYTEST_STATUS"
    exit 1
fi
say "all checks passed"
