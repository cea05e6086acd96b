"""Start at login, each platform its standard way; elsewhere a clear "not here".

- Linux and the BSDs: an XDG autostart entry, per the Desktop Entry and Desktop Application
  Autostart specifications: ``$XDG_CONFIG_HOME/autostart/org.hubcall.desktop.desktop``
  (default ``~/.config``), named by the app id like the menu entry. An AppImage starts
  its ``$APPIMAGE`` file, not the mount it runs from, which is gone after a restart.
- Inside a Flatpak: the Background portal (``background_portal``), which writes the host's
  entry itself; the app's own ``~/.config`` there is a sandbox folder the session never
  reads. The portal cannot be asked what it did, so its last answer is kept in
  ``$XDG_CONFIG_HOME/hubcall-desktop/start-at-login-portal``.
- macOS: a per-user LaunchAgent, ``~/Library/LaunchAgents/<label>.plist`` with
  ``RunAtLoad``; launchd reads the folder at login.
- Windows: a value under ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``.

Everything that touches the system (platform, home folder, registry) can be passed in, so
the macOS and Windows paths are tested on Linux too.
"""

from __future__ import annotations

import logging
import os
import plistlib
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final, Protocol

from hubcall_desktop import APP_ID
from hubcall_desktop.core.atomic_file import replace_file
from hubcall_desktop.core.errors import ConfigurationError
from hubcall_desktop.core.messages import Template
from hubcall_desktop.services import background_portal

logger = logging.getLogger(__name__)

# fmt: off
UNSUPPORTED = Template("autostart.unsupported", "Starting at login is not supported on this system yet. Add HubCall Desktop to your system's login items by hand.")
ENTRY_FAILED = Template("autostart.entry_failed", "Could not write the autostart entry %1 (%2). Check that the folder is writable.")
LAUNCH_AGENT_FAILED = Template("autostart.launch_agent_failed", "Could not write the LaunchAgent %1 (%2). Check that the folder is writable.")
REGISTRY_FAILED = Template("autostart.registry_failed", "Could not change the registry value %1 (%2).")
QUOTE_IN_PATH = Template("autostart.quote_in_path", "A program path cannot contain a quote: %1")
# fmt: on

ENTRY_NAME: Final = f"{APP_ID}.desktop"
# The name before the app id was used everywhere: removed whenever the setting changes, so
# an upgraded app neither starts twice nor cannot be turned off.
LEGACY_ENTRY_NAME: Final = "hubcall-desktop.desktop"
# The LaunchAgent's label and file name: reverse DNS, as launchd expects; the same as the
# .app's bundle identifier.
LAUNCH_AGENT_LABEL: Final = APP_ID
# Windows: the windowed executable beside the console one (packaging/hubcall-desktop.spec),
# so starting at login opens no console window.
WINDOWED_EXE: Final = "hubcall-desktop-gui.exe"
PORTAL_RECORD: Final = Path("hubcall-desktop") / "start-at-login-portal"
RUN_KEY: Final = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE_NAME: Final = "HubCall Desktop"
# Characters the Exec key reserves (Desktop Entry spec, "The Exec key"): such arguments
# are quoted, and within quotes these four are escaped with a backslash.
_RESERVED = re.compile(r"""[\s"'\\><~|&;$*?#()`]""")
_XDG_PLATFORMS: Final = ("linux", "freebsd", "openbsd", "netbsd")


class AutostartUnsupported(ConfigurationError):
    """This platform has no start-at-login mechanism the app knows."""


class RunRegistry(Protocol):
    """The Run key's string values, by name (the real one: :class:`WinregRunKey`)."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None:
        """Remove the value; an absent value is not an error."""


def unsupported_reason(platform: str = sys.platform) -> str | None:
    """``None`` where start at login works, else the sentence saying why not."""
    if platform.startswith(_XDG_PLATFORMS) or platform in ("darwin", "win32"):
        return None
    return UNSUPPORTED()


# -- the command to start -------------------------------------------------------------


def launch_command(
    executable: str | None = None,
    frozen: bool | None = None,
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
) -> list[str]:
    """How to start this app again: the AppImage file, the frozen app itself (on Windows
    its windowed twin), the installed script when there is one, else this Python with
    ``-m``. (The app has no start-minimised option: that choice lives in the settings,
    which the app reads when it starts.)"""
    executable = executable or sys.executable
    appimage = environ.get("APPIMAGE")  # set by the AppImage runtime to the .AppImage file
    if appimage and platform.startswith(_XDG_PLATFORMS):
        return [appimage]
    if getattr(sys, "frozen", False) if frozen is None else frozen:
        # A PyInstaller build: sys.executable is the app.
        windowed = Path(executable).with_name(WINDOWED_EXE)
        if platform == "win32" and windowed.is_file():
            return [str(windowed)]
        return [executable]
    script = shutil.which("hubcall-desktop")
    if script:
        return [script]
    return [executable, "-m", "hubcall_desktop"]


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


def windows_command_line(argv: Sequence[str]) -> str:
    """A Run value for ``argv``: the program always in quotes (an unquoted path with a
    space is ambiguous to Windows, which tries ``C:\\Program`` first), the arguments
    quoted as the Microsoft C runtime parses them."""
    program, *args = argv
    if '"' in program:  # Windows file names cannot hold one; no quoting could carry it
        raise ConfigurationError(QUOTE_IN_PATH(program))
    quoted = f'"{program}"'
    return f"{quoted} {subprocess.list2cmdline(args)}" if args else quoted


# -- Linux and the BSDs: XDG autostart ------------------------------------------------


def autostart_file(environ: Mapping[str, str] = os.environ) -> Path:
    base = environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "autostart" / ENTRY_NAME


def entry_text(argv: Sequence[str]) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=HubCall Desktop\n"
        "Comment=Caller ID pop-ups and call logging to HubSpot\n"
        f"Exec={exec_line(argv)}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


# -- macOS: a LaunchAgent ----------------------------------------------------------------


def launch_agent_file(home: Path | None = None) -> Path:
    return (home or Path.home()) / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"


def launch_agent(argv: Sequence[str]) -> dict[str, Any]:
    """The LaunchAgent: run ``argv`` once at login. ProgramArguments is an argv array, so
    paths with spaces need no quoting."""
    return {
        "Label": LAUNCH_AGENT_LABEL,
        "ProgramArguments": list(argv),
        "RunAtLoad": True,
        "ProcessType": "Interactive",  # a GUI app: no background throttling
    }


# -- Windows: the Run key ----------------------------------------------------------------


if sys.platform == "win32":
    import winreg

    class WinregRunKey:
        """The current user's Run key through winreg. Only this class touches the real
        registry, which exists only on Windows; tests elsewhere pass a stand-in with the
        same three methods instead."""

        def get(self, name: str) -> str | None:
            try:
                with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                    value, _kind = winreg.QueryValueEx(key, name)
            except FileNotFoundError:
                return None
            return value if isinstance(value, str) else None

        def set(self, name: str, value: str) -> None:
            with winreg.CreateKeyEx(
                winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE
            ) as key:
                winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

        def delete(self, name: str) -> None:
            try:
                with winreg.OpenKey(
                    winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE
                ) as key:
                    winreg.DeleteValue(key, name)
            except FileNotFoundError:
                pass


def _run_registry(registry: RunRegistry | None) -> RunRegistry:
    if registry is not None:
        return registry
    if sys.platform == "win32":
        return WinregRunKey()
    raise AutostartUnsupported("The Windows registry is only there on Windows.")


def run_value_location() -> str:
    return f"HKEY_CURRENT_USER\\{RUN_KEY}\\{RUN_VALUE_NAME}"


# -- on, off, and is it on ---------------------------------------------------------------


def is_enabled(
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    *,
    home: Path | None = None,
    registry: RunRegistry | None = None,
    flatpak_info: Path = background_portal.FLATPAK_INFO,
) -> bool:
    """Whether the app starts at login (False where that is not supported)."""
    if unsupported_reason(platform) is not None:
        return False
    if platform == "darwin":
        return launch_agent_file(home).is_file()
    if platform == "win32":
        return _run_registry(registry).get(RUN_VALUE_NAME) is not None
    if background_portal.in_flatpak(flatpak_info):
        return _portal_record(environ).is_file()
    entry = autostart_file(environ)
    return entry.is_file() or entry.with_name(LEGACY_ENTRY_NAME).is_file()


def set_enabled(
    enabled: bool,
    argv: Sequence[str] | None = None,
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    *,
    home: Path | None = None,
    registry: RunRegistry | None = None,
    flatpak_info: Path = background_portal.FLATPAK_INFO,
    portal_bus: str = "SESSION",
) -> str:
    """Turn start at login on or off; returns where it is set (a file or registry value).

    Blocking (file or registry I/O): call it off the UI thread.
    """
    reason = unsupported_reason(platform)
    if reason is not None:
        raise AutostartUnsupported(reason)
    command = list(argv or launch_command())
    if platform == "win32":
        return _set_run_value(enabled, command, _run_registry(registry))
    if platform != "darwin" and background_portal.in_flatpak(flatpak_info):
        return _ask_portal(enabled, command, environ, portal_bus)
    if platform == "darwin":
        path = launch_agent_file(home)
        content = plistlib.dumps(launch_agent(command))
        failed = LAUNCH_AGENT_FAILED
    else:
        path = autostart_file(environ)
        content = entry_text(command).encode("utf-8")
        failed = ENTRY_FAILED
    if not enabled:
        path.unlink(missing_ok=True)
        logger.info("start at login off: removed %s", path)
    else:
        _write_atomically(path, content, failed)
        logger.info("start at login on: wrote %s", path)
    if platform != "darwin":
        _remove_legacy_entry(path)
    return str(path)


def _remove_legacy_entry(entry: Path) -> None:
    legacy = entry.with_name(LEGACY_ENTRY_NAME)
    try:
        legacy.unlink(missing_ok=True)
    except OSError as exc:  # the new entry is right; an old one left is only noted
        logger.warning("could not remove the old autostart entry %s: %s", legacy, exc)


def _portal_record(environ: Mapping[str, str]) -> Path:
    base = environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / PORTAL_RECORD


def _ask_portal(enabled: bool, argv: Sequence[str], environ: Mapping[str, str], bus: str) -> str:
    # Inside the sandbox the command is the app's own (/app/bin/...); the portal wraps it
    # in `flatpak run` for the host's entry.
    granted = background_portal.request_background(enabled, argv, bus=bus)
    record = _portal_record(environ)
    if granted:
        _write_atomically(record, b"on\n", ENTRY_FAILED)
    else:
        record.unlink(missing_ok=True)
    logger.info("start at login %s through the Background portal", "on" if granted else "off")
    return background_portal.BACKGROUND_INTERFACE


def _set_run_value(enabled: bool, argv: Sequence[str], registry: RunRegistry) -> str:
    where = run_value_location()
    try:
        if enabled:
            registry.set(RUN_VALUE_NAME, windows_command_line(argv))
        else:
            registry.delete(RUN_VALUE_NAME)
    except OSError as exc:
        raise ConfigurationError(REGISTRY_FAILED(where, str(exc.strerror or exc))) from exc
    logger.info("start at login %s: %s", "on" if enabled else "off", where)
    return where


def _write_atomically(path: Path, content: bytes, failed: Template) -> None:
    try:
        replace_file(path, content)
    except OSError as exc:
        raise ConfigurationError(failed(str(path), str(exc.strerror))) from exc
