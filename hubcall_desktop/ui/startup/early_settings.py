"""The few settings the window needs before its first paint, read without Qt.

The settings file is read here for the language, the start-minimised choice and the region
only (plain JSON); the full, validated read (storage.settings) follows right after the
paint and reports any problem. Nothing here ever raises for a bad file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 1_000_000


@dataclass(frozen=True, slots=True)
class EarlySettings:
    language: str = ""
    start_minimised: bool = False
    region: str = "US"


def early_settings(path: Path) -> EarlySettings:
    """The display settings, or the defaults for anything missing or odd."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return EarlySettings()
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return EarlySettings()
    if not isinstance(raw, dict):
        return EarlySettings()
    language, minimised, region = raw.get("language"), raw.get("start_minimised"), raw.get("region")
    return EarlySettings(
        language=language if isinstance(language, str) else "",
        start_minimised=minimised if isinstance(minimised, bool) else False,
        region=region.upper() if isinstance(region, str) and len(region) == 2 else "US",
    )
