"""The one home for settings: declared defaults and types, a JSON file, never a secret.

A broken file never stops the app: it is moved aside (kept, not deleted), defaults are
used, and the caller gets the warnings to show. A single bad value falls back to its
default the same way.
"""

from __future__ import annotations

import json
import logging
import shlex
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hubcall_desktop.core.api_versions import (
    API_VERSIONS,
    DEFAULT_API_BASE,
    DEFAULT_API_VERSION,
    LEGACY_API_VERSION,
)
from hubcall_desktop.core.atomic_file import replace_file
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.limits import INT32_MAX
from hubcall_desktop.core.phone import validate_region
from hubcall_desktop.core.portals import MAX_PORTAL_LENGTH, is_portal_key

logger = logging.getLogger(__name__)

__all__ = ["API_VERSIONS", "DEFAULT_API_BASE", "Settings", "load_settings", "save_settings"]

DEFAULT_WEBHOOK_PORT = 47831
DEFAULT_OAUTH_REDIRECT_PORT = 47832  # secrets.oauth_config.DEFAULT_REDIRECT_PORT
MAX_SETTINGS_BYTES = 1_000_000
MAX_PORTALS = 100
MAX_COMMAND_LENGTH = 1000
CALL_BACK_SCHEMES = ("tel", "sip", "callto")


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
    oauth_redirect_port: int = DEFAULT_OAUTH_REDIRECT_PORT
    portals: list[str] = field(default_factory=list)  # portal keys the agent added by name
    # The first-start guide was finished or skipped: it no longer opens by itself at start
    # (Help → Set-up guide still opens it).
    setup_guide_done: bool = False

    def validate(self) -> None:
        """Raise :class:`InputError` naming the first bad field."""
        for name in (f.name for f in fields(self)):
            _check_field(name, getattr(self, name))


def _check_field(name: str, value: Any) -> None:
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
        raise InputError(name, value, "wrong type")
    if not isinstance(value, expected):
        raise InputError(name, value, f"expected {expected[0].__name__}")


def _check_value(name: str, value: Any) -> None:
    if name == "api_base" and not value.startswith(
        ("https://", "http://127.", "http://localhost", "http://[::1]")
    ):
        raise InputError(name, value, "must be an https:// URL (http only for loopback)")
    if name == "api_version" and value not in API_VERSIONS:
        raise InputError(name, value, f"must be one of {', '.join(API_VERSIONS)}")
    if name == "region":
        validate_region(value, name)
    if name in ("user_id", "portal_id") and value is not None and not 0 < value <= INT32_MAX:
        raise InputError(name, value, "must be a positive 32-bit number")
    if name == "recipient_user_ids" and not all(
        isinstance(v, int) and not isinstance(v, bool) and 0 < v <= INT32_MAX for v in value
    ):
        raise InputError(name, value, "must be positive 32-bit user ids")
    if name == "baresip_endpoints" and not all(isinstance(v, str) for v in value):
        raise InputError(name, value, "must be HOST:PORT strings")
    if name == "webhook_port" and not 1 <= value <= 65535:
        raise InputError(name, value, "must be a port from 1 to 65535")
    if name == "oauth_redirect_port" and not 1024 <= value <= 65535:
        raise InputError(name, value, "must be a port from 1024 to 65535")
    if name == "rate_limit_per_10s" and not 1 <= value <= 1000:
        raise InputError(name, value, "must be from 1 to 1000")
    if name in ("auto_log_seconds", "missed_auto_log_seconds") and not 0 <= value <= 3600:
        raise InputError(name, value, "must be from 0 to 3600 seconds")
    if name == "call_back_command":
        _check_call_back_command(name, value)
    if name == "call_back_scheme" and value not in CALL_BACK_SCHEMES:
        raise InputError(name, value, f"must be one of {', '.join(CALL_BACK_SCHEMES)}")
    if name == "missed_seen_at" and value:
        try:
            datetime.fromisoformat(value)
        except ValueError:
            raise InputError(name, value, "must be an ISO date and time") from None
    if name == "active_portal" and not is_portal_key(value):
        raise InputError(
            name, value, f"must be 1-{MAX_PORTAL_LENGTH} visible characters without spaces"
        )
    if name == "portals" and (len(value) > MAX_PORTALS or not all(map(is_portal_key, value))):
        raise InputError(
            name,
            value,
            f"must be at most {MAX_PORTALS} portal keys of 1-{MAX_PORTAL_LENGTH} visible "
            "characters without spaces",
        )


def _check_call_back_command(name: str, value: str) -> None:
    """A command line split like a shell's words (never run by one), naming a program."""
    if not value:
        return
    if len(value) > MAX_COMMAND_LENGTH:
        raise InputError(name, value, f"is longer than {MAX_COMMAND_LENGTH} characters")
    try:
        words = shlex.split(value)
    except ValueError:
        raise InputError(name, value, "has an unclosed quote") from None
    if not words:
        raise InputError(name, value, "must name a program")


def load_settings(path: Path) -> tuple[Settings, list[str]]:
    """Read settings; never raises for a bad file. Returns the settings and warnings."""
    settings = Settings()
    try:
        if path.stat().st_size > MAX_SETTINGS_BYTES:
            return settings, [_move_aside(path, "it is too large")]
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return settings, []
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return settings, [_move_aside(path, f"it could not be read ({type(exc).__name__})")]
    if not isinstance(raw, dict):
        return settings, [_move_aside(path, "it does not hold a JSON object")]
    warnings: list[str] = []
    if "api_version" not in raw:
        # Written before the setting existed: this install keeps the path it has always
        # used. Only a new install (no file) starts on the dated default; a bad value
        # falls back to that default like any other.
        settings.api_version = LEGACY_API_VERSION
    known = {f.name for f in fields(settings)}
    for key, value in raw.items():
        if key not in known:
            warnings.append(f"Settings: ignored unknown setting {key!r}.")
            continue
        try:
            _check_field(key, value)
        except InputError as exc:
            warnings.append(f"Settings: {exc.user_message}; using the default.")
            continue
        setattr(settings, key, value.upper() if key == "region" else value)
    return settings, warnings


def save_settings(settings: Settings, path: Path) -> None:
    """Validate, then write atomically (temp file + rename) so a crash never leaves half a file."""
    settings.validate()
    data = json.dumps(asdict(settings), indent=2, sort_keys=True)
    replace_file(path, data + "\n")


def _move_aside(path: Path, why: str) -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    backup = path.with_name(f"{path.name}.broken-{stamp}")
    try:
        path.replace(backup)
    except OSError:
        return f"Settings file {path} was not used because {why}; using defaults."
    logger.warning("settings file moved aside: %s", backup)
    return f"Settings file was not used because {why}; it was kept as {backup.name} and defaults are used."
