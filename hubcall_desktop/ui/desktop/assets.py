"""Icons and translations shipped in ``resources/``, found wherever the app runs from.

The same folder is used from a source checkout (``resources/`` beside the package), from
a PyInstaller bundle (copied to ``resources/`` inside it) and from an installed wheel
that carries it as ``hubcall_desktop/resources``.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import sys
from pathlib import Path

from PySide6.QtGui import QIcon

logger = logging.getLogger(__name__)

ICON_NAMES = ("hubcall", "tray-idle", "tray-ringing", "tray-offline", "tray-dnd")


@functools.cache
def resource_dir() -> Path:
    """The ``resources`` folder; the first candidate that holds the icons wins."""
    candidates: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates.append(Path(__file__).resolve().parents[3] / "resources")  # a source tree
    for folder in candidates:
        if (folder / "icons" / "hubcall.svg").is_file():
            return folder
    # An installed wheel carries them in the package (importlib.resources is slow to
    # import, so it is asked only when the quick candidates fail).
    from importlib import resources

    with contextlib.suppress(ModuleNotFoundError, TypeError):  # zip imports
        packaged = Path(str(resources.files("hubcall_desktop") / "resources"))
        if (packaged / "icons" / "hubcall.svg").is_file():
            return packaged
    logger.warning("resources not found in %s", ", ".join(map(str, candidates)))
    return candidates[-1]


def icon_path(name: str) -> Path:
    return resource_dir() / "icons" / f"{name}.svg"


@functools.cache
def icon(name: str) -> QIcon:
    """A scalable icon (crisp at 100 % and 200 %); empty if the file is missing."""
    path = icon_path(name)
    if not path.is_file():
        logger.warning("icon %s is missing", path)
        return QIcon()
    return QIcon(str(path))


def translations_dir() -> Path:
    return resource_dir() / "translations"
