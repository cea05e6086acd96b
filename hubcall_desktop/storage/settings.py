"""The settings file: JSON, never a secret (the fields and their rules: core.settings).

A broken file never stops the app: it is moved aside (kept, not deleted), defaults are
used, and the caller gets the warnings to show. A single bad value falls back to its
default the same way.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, fields
from datetime import UTC, datetime
from pathlib import Path

from hubcall_desktop.core.api_versions import LEGACY_API_VERSION
from hubcall_desktop.core.atomic_file import replace_file
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.settings import Settings, check_field

logger = logging.getLogger(__name__)

MAX_SETTINGS_BYTES = 1_000_000


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
            check_field(key, value)
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
