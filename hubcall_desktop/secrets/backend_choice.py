"""Taking the Secret Service at once where keyring's ranking could pick nothing else.

To rank, keyring imports every backend installed (found through all packages' entry
points): about 1 MiB and 0.1 s at each start. On Linux, with no backend named in the
environment or in keyring's config file, and neither KWallet's nor libsecret's binding
installed, the ranking picks a viable Secret Service; so that is taken directly (and set
as keyring's own choice). Anywhere else, or when the Secret Service is not viable (no
D-Bus, no keyring daemon), the ranking runs as it always did. What is chosen is checked
like any other backend (:func:`hubcall_desktop.secrets.backends.check_backend`).
"""

from __future__ import annotations

import importlib.util
import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend

logger = logging.getLogger(__name__)

BACKEND_ENV = "PYTHON_KEYRING_BACKEND"  # keyring's own: a backend named explicitly
CONFIG_FILE = "keyringrc.cfg"  # keyring's config file, in its config folder
# keyring's other Linux backends need these bindings: KWallet dbus-python, libsecret
# PyGObject. With either installed, the ranking may pick that one or chain several.
OTHER_LINUX_BINDINGS = ("dbus", "gi")
RECOMMENDED_PRIORITY = 1.0  # keyring.core.recommended(): priority >= 1


def direct_choice(
    environ: Mapping[str, str] = os.environ, platform: str = sys.platform
) -> KeyringBackend | None:
    """The Secret Service when the ranking could only pick it; else None (rank)."""
    if not platform.startswith("linux") or environ.get(BACKEND_ENV):
        return None
    if any(importlib.util.find_spec(name) is not None for name in OTHER_LINUX_BINDINGS):
        return None
    from keyring.util import platform_

    if (Path(platform_.config_root()) / CONFIG_FILE).exists():
        return None
    from keyring.backends import SecretService  # Linux only

    try:
        viable = float(SecretService.Keyring.priority) >= RECOMMENDED_PRIORITY
    except Exception as exc:  # keyring's way of saying "not viable here"
        logger.debug("no Secret Service here (%s); keyring ranks its backends", type(exc))
        return None
    if not viable:
        return None
    chosen = SecretService.Keyring()  # type: ignore[no-untyped-call]
    keyring.set_keyring(chosen)
    return chosen
