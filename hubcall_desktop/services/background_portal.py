"""Start at login from inside a Flatpak: the Background portal asks the desktop for it.

A sandboxed app cannot write the host's ``~/.config/autostart`` (its ``$XDG_CONFIG_HOME``
is a folder of its own that the session never reads), so it asks xdg-desktop-portal over
the session bus: ``org.freedesktop.portal.Background.RequestBackground`` with
``autostart`` and the command line. The portal may ask the user, then answers with a
``Response`` signal on a request object; it writes (or removes) the autostart entry on
the host itself. See the XDG Desktop Portal documentation, "Background" and "Request".

Blocking (it waits for the portal's answer, which may wait for the user): call it off the
UI thread, as ``autostart.set_enabled`` is. jeepney (already there on Linux, as keyring's
Secret Service transport) speaks D-Bus without an event loop of its own.
"""

from __future__ import annotations

import configparser
import logging
import secrets
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from hubcall_desktop.core.errors import ConfigurationError
from hubcall_desktop.core.messages import Template

# fmt: off
NOT_ASKED = Template("autostart.portal_not_asked", "Could not ask the system to start HubCall Desktop at login (%1).")
REFUSED = Template("autostart.portal_refused", "The system did not allow HubCall Desktop to start at login. Allow it in your system's settings for background apps, then turn the setting on again.")
# fmt: on

logger = logging.getLogger(__name__)

FLATPAK_INFO: Final = Path("/.flatpak-info")  # present in every Flatpak sandbox
PORTAL_BUS_NAME: Final = "org.freedesktop.portal.Desktop"
PORTAL_PATH: Final = "/org/freedesktop/portal/desktop"
BACKGROUND_INTERFACE: Final = "org.freedesktop.portal.Background"
REQUEST_INTERFACE: Final = "org.freedesktop.portal.Request"
REQUEST_PATH_PREFIX: Final = "/org/freedesktop/portal/desktop/request/"
REASON: Final = "Start HubCall Desktop at login, to show who is calling."
CALL_TIMEOUT_S: Final = 10.0
# The portal may show a dialog and wait for the user's choice.
ANSWER_TIMEOUT_S: Final = 300.0
# The Response signal's codes (org.freedesktop.portal.Request).
_OUTCOMES: Final = {1: "the request was cancelled", 2: "the request was refused"}


def in_flatpak(info: Path = FLATPAK_INFO) -> bool:
    """Whether this process runs in a Flatpak sandbox."""
    return info.is_file()


def flatpak_app_id(info: Path = FLATPAK_INFO) -> str | None:
    """The sandbox's app id (``[Application] name`` of ``/.flatpak-info``), for the log."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(info.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, configparser.Error):
        return None
    return parser.get("Application", "name", fallback=None)


def request_options(autostart: bool, commandline: Sequence[str], token: str) -> dict[str, Any]:
    """RequestBackground's ``a{sv}`` options, as jeepney marshals variants."""
    return {
        "handle_token": ("s", token),
        "reason": ("s", REASON),
        "autostart": ("b", autostart),
        "commandline": ("as", list(commandline)),
        "dblaunchable": ("b", False),  # the app has no D-Bus activation file
    }


def request_background(
    autostart: bool,
    commandline: Sequence[str],
    *,
    bus: str = "SESSION",
    answer_timeout: float = ANSWER_TIMEOUT_S,
) -> bool:
    """Ask the portal to start the app at login (or no longer); returns what it granted.

    ``bus`` is jeepney's name for the session bus or a D-Bus address. Raises
    :class:`ConfigurationError` when the portal cannot be reached, refuses, or the user
    says no to turning it on.
    """
    from jeepney import (  # type: ignore[import-untyped]  # no type hints shipped
        DBusAddress,
        HeaderFields,
        MatchRule,
        message_bus,
        new_method_call,
    )
    from jeepney.io.blocking import Proxy, open_dbus_connection  # type: ignore[import-untyped]
    from jeepney.wrappers import DBusErrorResponse, unwrap_msg  # type: ignore[import-untyped]

    token = f"hubcall_{secrets.token_hex(8)}"
    portal = DBusAddress(PORTAL_PATH, bus_name=PORTAL_BUS_NAME, interface=BACKGROUND_INTERFACE)
    # Subscribed before the call, so an answer given at once is not missed; any request
    # path, because portals older than 0.9 answer on a path of their own choosing.
    rule = MatchRule(type="signal", interface=REQUEST_INTERFACE, member="Response")
    try:
        with open_dbus_connection(bus=bus) as conn:
            Proxy(message_bus, conn, timeout=CALL_TIMEOUT_S).AddMatch(rule)
            with conn.filter(rule) as answers:
                call = new_method_call(
                    portal,
                    "RequestBackground",
                    "sa{sv}",
                    ("", request_options(autostart, commandline, token)),
                )
                (handle,) = unwrap_msg(conn.send_and_get_reply(call, timeout=CALL_TIMEOUT_S))
                while True:
                    answer = conn.recv_until_filtered(answers, timeout=answer_timeout)
                    if answer.header.fields.get(HeaderFields.path) == handle:
                        break
    except (OSError, TimeoutError, DBusErrorResponse, ValueError) as exc:
        raise ConfigurationError(NOT_ASKED(str(exc))) from exc
    code, results = answer.body
    granted = bool(results.get("autostart", ("b", False))[1])
    logger.info(
        "background portal: asked autostart=%s, answer %s, granted %s",
        autostart,
        code,
        granted,
    )
    if autostart and (code != 0 or not granted):
        if code in _OUTCOMES:
            logger.info("background portal: %s", _OUTCOMES[code])
        raise ConfigurationError(REFUSED())
    return granted
