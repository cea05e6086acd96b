"""The settings' fields, declared defaults and types, and the rule for each value.

Plain values, no I/O: the views edit a :class:`Settings`, the command line and services
read one; storage.settings reads and writes the file.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

from hubcall_desktop.core.api_versions import API_VERSIONS, DEFAULT_API_BASE, DEFAULT_API_VERSION
from hubcall_desktop.core.errors import IS_LONGER_THAN, ONE_OF, InputError
from hubcall_desktop.core.limits import INT32_MAX
from hubcall_desktop.core.messages import Template
from hubcall_desktop.core.oauth import (
    DEFAULT_REDIRECT_PORT,
    valid_redirect_port,
)
from hubcall_desktop.core.phone import validate_region
from hubcall_desktop.core.portals import DEFAULT_PORTAL, MAX_PORTAL_LENGTH, is_portal_key

# fmt: off
# MIN_REDIRECT_PORT to MAX_REDIRECT_PORT (tests/ui/test_message_ids.py checks)
REDIRECT_PORT_RANGE = Template("problem.redirect_port_range", "must be a port from 1024 to 65535")
EXPECTED = Template("problem.expected", "expected %1")  # %1 is a Python type name, e.g. int
PORTAL_KEY = Template("problem.portal_key", "must be 1-%1 visible characters without spaces")
PORTAL_KEYS = Template("problem.portal_keys", "must be at most %1 portal keys of 1-%2 visible characters without spaces")
# fmt: on

DEFAULT_WEBHOOK_PORT = 47831
MAX_PORTALS = 100
MAX_COMMAND_LENGTH = 1000
CALL_BACK_SCHEMES = ("tel", "sip", "callto")


# fmt: off
UNCLOSED_QUOTE = Template("problem.unclosed_quote", "has an unclosed quote")
HOST_PORT_STRINGS = Template("problem.host_port_strings", "must be HOST:PORT strings")
PORT_RANGE = Template("problem.port_range", "must be a port from 1 to 65535")
POSITIVE_32 = Template("problem.positive_32", "must be a positive 32-bit number")
ISO_TIME = Template("problem.iso_time", "must be an ISO date and time")
HTTPS_URL = Template("problem.https_url", "must be an https:// URL (http only for loopback)")
SECONDS_RANGE = Template("problem.seconds_range", "must be from 0 to 3600 seconds")
RATE_RANGE = Template("problem.rate_range", "must be from 1 to 1000")
POSITIVE_IDS = Template("problem.positive_ids", "must be positive 32-bit user ids")
NAME_A_PROGRAM = Template("problem.name_a_program", "must name a program")
WRONG_TYPE = Template("problem.wrong_type", "wrong type")
# fmt: on


@dataclass(slots=True)
class Settings:
    api_base: str = DEFAULT_API_BASE
    # A new install's path; a settings file written before the choice existed keeps
    # the legacy one it has always used (load_settings).
    api_version: str = DEFAULT_API_VERSION
    region: str = "US"
    own_number: str = ""  # the agent's own line: default "to" of a lookup
    user_id: int | None = None  # the agent's HubSpot user id
    recipient_user_ids: list[int] = field(default_factory=list)
    rate_limit_per_10s: int = 100
    active_portal: str = "default"
    portal_id: int | None = None  # filled by "Test connection"
    ui_domain: str = "app.hubspot.com"
    popup_enabled: bool = True
    sound_enabled: bool = False
    do_not_disturb: bool = False
    start_minimised: bool = False
    start_at_login: bool = False
    language: str = ""  # empty: follow the system locale
    webhook_enabled: bool = True
    webhook_port: int = DEFAULT_WEBHOOK_PORT
    baresip_endpoints: list[str] = field(default_factory=list)
    auto_log_seconds: int = 0  # 0: off
    # A call that rang unanswered is logged as MISSED after this long unless the agent
    # touched its pop-up, so no wrap-up waits for it (0: off; then as auto_log_seconds).
    missed_auto_log_seconds: int = 10
    # Call back from the Missed calls view: the softphone's command ("{number}" is the
    # caller's number, one argument; no shell), or, when empty, a link of this scheme.
    call_back_command: str = ""
    call_back_scheme: str = "tel"
    missed_seen_at: str = ""  # ISO time: missed calls that ended until then were seen
    oauth_client_id: str = ""
    # The sign-in's redirect http://localhost:<port>/oauth-callback, registered in the app.
    oauth_redirect_port: int = DEFAULT_REDIRECT_PORT
    portals: list[str] = field(default_factory=list)  # portal keys the agent added by name
    # The first-start guide was finished or skipped: it no longer opens by itself at start
    # (Help → Set-up guide still opens it).
    setup_guide_done: bool = False

    def use_portal(self, portal: str) -> None:
        """Make ``portal`` the active one; a portal named for the first time is added to
        the list (the default one is always there and never listed)."""
        self.active_portal = portal
        if portal != DEFAULT_PORTAL and portal not in self.portals:
            self.portals = [*self.portals, portal]

    def validate(self) -> None:
        """Raise :class:`InputError` naming the first bad field."""
        for name in (f.name for f in fields(self)):
            check_field(name, getattr(self, name))


def check_field(name: str, value: Any) -> None:
    """Raise :class:`InputError` if ``value`` is not right for the setting ``name``."""
    _check_type(name, value)
    _check_value(name, value)


def _check_type(name: str, value: object) -> None:
    default = getattr(Settings(), name)
    expected: tuple[type, ...]
    if name in ("user_id", "portal_id"):
        expected = (int, type(None))
    elif isinstance(default, bool):
        expected = (bool,)
    else:
        expected = (type(default),)
    if isinstance(value, bool) and bool not in expected:
        raise InputError(name, value, WRONG_TYPE())
    if not isinstance(value, expected):
        raise InputError(name, value, EXPECTED(expected[0].__name__))


def _check_value(name: str, value: Any) -> None:
    if name == "api_base" and not value.startswith(
        ("https://", "http://127.", "http://localhost", "http://[::1]")
    ):
        raise InputError(name, value, HTTPS_URL())
    if name == "api_version" and value not in API_VERSIONS:
        raise InputError(name, value, ONE_OF(", ".join(API_VERSIONS)))
    if name == "region":
        validate_region(value, name)
    if name in ("user_id", "portal_id") and value is not None and not 0 < value <= INT32_MAX:
        raise InputError(name, value, POSITIVE_32())
    if name == "recipient_user_ids" and not all(
        isinstance(v, int) and not isinstance(v, bool) and 0 < v <= INT32_MAX for v in value
    ):
        raise InputError(name, value, POSITIVE_IDS())
    if name == "baresip_endpoints" and not all(isinstance(v, str) for v in value):
        raise InputError(name, value, HOST_PORT_STRINGS())
    if name == "webhook_port" and not 1 <= value <= 65535:
        raise InputError(name, value, PORT_RANGE())
    if name == "oauth_redirect_port" and not valid_redirect_port(value):
        raise InputError(name, value, REDIRECT_PORT_RANGE())
    if name == "rate_limit_per_10s" and not 1 <= value <= 1000:
        raise InputError(name, value, RATE_RANGE())
    if name in ("auto_log_seconds", "missed_auto_log_seconds") and not 0 <= value <= 3600:
        raise InputError(name, value, SECONDS_RANGE())
    if name == "call_back_command":
        _check_call_back_command(name, value)
    if name == "call_back_scheme" and value not in CALL_BACK_SCHEMES:
        raise InputError(name, value, ONE_OF(", ".join(CALL_BACK_SCHEMES)))
    if name == "missed_seen_at" and value:
        try:
            datetime.fromisoformat(value)
        except ValueError:
            raise InputError(name, value, ISO_TIME()) from None
    if name == "active_portal" and not is_portal_key(value):
        raise InputError(name, value, PORTAL_KEY(MAX_PORTAL_LENGTH))
    if name == "portals" and (len(value) > MAX_PORTALS or not all(map(is_portal_key, value))):
        raise InputError(name, value, PORTAL_KEYS(MAX_PORTALS, MAX_PORTAL_LENGTH))


def _check_call_back_command(name: str, value: str) -> None:
    """A command line split like a shell's words (never run by one), naming a program."""
    if not value:
        return
    if len(value) > MAX_COMMAND_LENGTH:
        raise InputError(name, value, IS_LONGER_THAN(MAX_COMMAND_LENGTH))
    try:
        words = shlex.split(value)
    except ValueError:
        raise InputError(name, value, UNCLOSED_QUOTE()) from None
    if not words:
        raise InputError(name, value, NAME_A_PROGRAM())
