"""Start at login: an XDG autostart entry on Linux and the BSDs; elsewhere a clear "not here".

The entry follows the Desktop Entry and Desktop Application Autostart specifications:
``$XDG_CONFIG_HOME/autostart/hubcall-desktop.desktop`` (default ``~/.config``).
Windows (Run registry key) and macOS (a LaunchAgent or SMAppService) have their own
mechanisms; until they are implemented there the setting says it is not supported.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from hubcall_desktop.core.errors import ConfigurationError

logger = logging.getLogger(__name__)

ENTRY_NAME = "hubcall-desktop.desktop"
# Characters the Exec key reserves (Desktop Entry spec, "The Exec key"): such arguments
# are quoted, and within quotes these four are escaped with a backslash.
_RESERVED = re.compile(r"""[\s"'\\><~|&;$*?#()`]""")


class AutostartUnsupported(ConfigurationError):
    """This platform has no start-at-login mechanism the app knows."""


def unsupported_reason(platform: str = sys.platform) -> str | None:
    """``None`` where start at login works, else the sentence saying why not."""
    if platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    return (
        "Starting at login is not supported on this system yet. Add HubCall Desktop to "
        "your system's login items by hand."
    )


def autostart_file(environ: Mapping[str, str] = os.environ) -> Path:
    base = environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "autostart" / ENTRY_NAME


def launch_command() -> list[str]:
    """How to start this app again: the installed script when there is one."""
    script = shutil.which("hubcall-desktop")
    if script:
        return [script]
    return [sys.executable, "-m", "hubcall_desktop"]


def exec_line(argv: Sequence[str]) -> str:
    """An ``Exec=`` value for ``argv``, quoted as the Desktop Entry spec requires."""
    parts = []
    for arg in argv:
        if _RESERVED.search(arg) or not arg:
            escaped = re.sub(r'(["`$\\])', r"\\\1", arg)
            parts.append(f'"{escaped}"')
        else:
            parts.append(arg)
    # Desktop entry values treat "\" as an escape too, so each backslash is doubled again.
    return " ".join(parts).replace("\\", "\\\\").replace("%", "%%")


def entry_text(argv: Sequence[str]) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=HubCall Desktop\n"
        "Comment=Caller ID pop-ups and call logging to HubSpot\n"
        f"Exec={exec_line(argv)}\n"
        "Icon=hubcall-desktop\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def is_enabled(environ: Mapping[str, str] = os.environ) -> bool:
    return autostart_file(environ).is_file()


def set_enabled(
    enabled: bool,
    argv: Sequence[str] | None = None,
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
) -> Path:
    """Create or remove the autostart entry; returns its path. Blocking: file I/O."""
    reason = unsupported_reason(platform)
    if reason is not None:
        raise AutostartUnsupported(reason)
    path = autostart_file(environ)
    if not enabled:
        path.unlink(missing_ok=True)
        logger.info("start at login off: removed %s", path)
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".hubcall-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(entry_text(argv or launch_command()))
        os.replace(tmp, path)
    except OSError as exc:
        raise ConfigurationError(
            f"Could not write the autostart entry {path} ({exc.strerror}). Check that the "
            "folder is writable."
        ) from exc
    logger.info("start at login on: wrote %s", path)
    return path
