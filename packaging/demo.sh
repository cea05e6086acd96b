#!/usr/bin/env bash
# Try HubCall Desktop in demo mode (a local HubSpot stand-in: no account, no network).
#
#   bash packaging/demo.sh [MORE ARGS FOR hubcall-desktop...]
#
# On Debian 12 / Ubuntu as root it installs the missing Debian packages the Qt app needs;
# as another user it says what is missing and goes on. Then it creates .venv in the
# repository, installs the project into it and starts `hubcall-desktop --demo`.
# Re-runs skip what is already done.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
VENV="$REPO_ROOT/.venv"
PYTHON="${PYTHON:-python3}"
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1

# What Qt's xcb platform needs beyond the PySide6 wheels, and a font to draw with.
PACKAGES=(ca-certificates python3-venv libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
    libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0
    libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1 libegl1 libgl1 libfontconfig1
    libglib2.0-0 libdbus-1-3 libgssapi-krb5-2 fonts-dejavu-core)

say() { printf '[demo] %s\n' "$*"; }

# Installed package names plus what they provide (libglib2.0-0t64 provides libglib2.0-0).
installed_names() {
    dpkg-query -W -f='${db:Status-Abbrev}|${Package}|${Provides}\n' 2>/dev/null |
        awk -F'|' '$1 ~ /^ii/ { print $2; n = split($3, p, /, */); for (i = 1; i <= n; i++) { sub(/ .*/, "", p[i]); print p[i] } }'
}

if command -v dpkg-query >/dev/null; then
    have="$(installed_names)"
    missing=()
    for pkg in "${PACKAGES[@]}"; do
        grep -qxF "$pkg" <<<"$have" || missing+=("$pkg")
    done
    if ((${#missing[@]} == 0)); then
        say "Debian packages: all present"
    elif [[ "$(id -u)" != 0 ]]; then
        say "NOTE: not root, so no packages are installed. Missing: ${missing[*]}"
        say "NOTE: install them with: sudo apt-get install --no-install-recommends ${missing[*]}"
    else
        say "installing Debian packages: ${missing[*]}"
        apt-get update -qq </dev/null
        apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null ||
            for pkg in "${missing[@]}"; do # one unknown name must not stop the rest
                apt-get install -y -qq --no-install-recommends "$pkg" </dev/null >/dev/null ||
                    say "NOTE: could not install $pkg on this system"
            done
    fi
else
    say "not a Debian/Ubuntu system: install the equivalents of: ${PACKAGES[*]}"
fi

"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
    say "ERROR: HubCall Desktop needs Python 3.11 or newer; run with PYTHON=python3.11"
    exit 1
}
if ! "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    say "creating $VENV"
    "$PYTHON" -m venv --clear "$VENV" || {
        say "ERROR: could not create the virtualenv (Debian/Ubuntu: install python3-venv)"
        exit 1
    }
fi

# Editable, like tests/run.sh, so both scripts share one .venv without undoing each
# other; pip is asked only when pyproject.toml changed since the last install.
stamp="$VENV/.hubcall-install"
hash="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cut -d' ' -f1 "$stamp")" == "$hash" &&
    "$(cut -d' ' -f3 "$stamp")" == "$REPO_ROOT" ]]; then
    say "virtualenv: up to date"
else
    say "pip install -e ."
    "$VENV/bin/python" -m pip install --quiet -e . </dev/null
    printf '%s\n' "$hash - $REPO_ROOT $("$VENV/bin/python" -VV | head -1)" >"$stamp"
fi

say "starting: hubcall-desktop --demo $*"
exec "$VENV/bin/hubcall-desktop" --demo "$@"
