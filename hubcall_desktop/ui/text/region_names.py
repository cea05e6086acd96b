"""The regions libphonenumber supports, named in the UI language, for the country choosers
(Settings, the set-up guide).

The names are libphonenumber's, kept in ``resources/region_names.json`` for the languages
the app ships (made by ``packaging/region_names.py``): its own table names every
territory in every language and costs about 130 MiB once imported. A region the file
does not name falls back to Qt's English name, then to its code.
"""

from __future__ import annotations

import functools
import json
import logging

import phonenumbers
from PySide6.QtCore import QCollator, QLocale

from hubcall_desktop.ui.desktop.assets import resource_dir

logger = logging.getLogger(__name__)

FILE_NAME = "region_names.json"


@functools.cache
def _table() -> dict[str, dict[str, str]]:
    try:
        data = json.loads((resource_dir() / FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        logger.warning("%s is missing or unreadable: countries get Qt's names", FILE_NAME)
        return {}
    return data if isinstance(data, dict) else {}


def _qt_name(code: str) -> str:
    territory = QLocale.codeToTerritory(code)
    if territory == QLocale.Country.AnyTerritory:
        return code
    return QLocale.territoryToString(territory)


def region_names(language: str | None = None) -> list[tuple[str, str]]:
    """``(code, name)`` of every supported region, sorted by name as the UI language sorts
    ("Ägypten" under A in German). ``language`` defaults to the UI's."""
    language = language or QLocale().name().split("_")[0]
    table = _table()
    names = table.get(language) or table.get("en") or {}
    named = [
        (code, str(names.get(code) or "") or _qt_name(code))
        for code in sorted(phonenumbers.SUPPORTED_REGIONS)
    ]
    by_name = functools.cmp_to_key(QCollator(QLocale()).compare)
    return sorted(named, key=lambda item: by_name(item[1]))
