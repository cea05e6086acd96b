"""Keep PySide6 from holding the source text of every module the app imports.

PySide6's ``__feature__`` support (shibokensupport/feature.py, ``_mod_uses_pyside``) asks of
each module imported after Qt whether its source mentions "PySide6", through
``inspect.getsource``; ``linecache`` then keeps every such file's lines for the life of the
process. For the app's ~900 modules that is about 17 MiB, a third of its Python heap, read
before the first call arrives. :func:`scan_without_caching` answers the same question from
the file itself and keeps nothing. A PySide6 that no longer has that check is left alone.

Called right after PySide6 is first imported (``ui/startup/app.py``); modules loaded before that
were never scanned.
"""

from __future__ import annotations

import logging
import sys
from types import ModuleType
from typing import Final

logger = logging.getLogger(__name__)

FEATURE_MODULE: Final = "PySide6.support.feature"
SCAN_FUNCTION: Final = "_mod_uses_pyside"
MARKER: Final = b"PySide6"


def uses_pyside(module: ModuleType) -> bool:
    """What PySide6's own check answers: whether the module's source mentions PySide6.
    Modules without a source file (built-in, compiled, bytecode only) do not."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:  # bytes: the marker is ASCII in any source encoding
            return MARKER in source.read()
    except OSError:  # e.g. a module imported from a zip archive: ask its loader
        return _source_from_loader(module)


def _source_from_loader(module: ModuleType) -> bool:
    get_source = getattr(getattr(module, "__loader__", None), "get_source", None)
    if get_source is None:
        return False
    try:
        text = get_source(module.__name__)
    except (ImportError, OSError, SyntaxError):
        return False
    return isinstance(text, str) and MARKER.decode() in text


def scan_without_caching() -> bool:
    """Put :func:`uses_pyside` in place of PySide6's scan; False where there is none."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, SCAN_FUNCTION, None)):
        logger.debug("PySide6 has no %s.%s: nothing to replace", FEATURE_MODULE, SCAN_FUNCTION)
        return False
    setattr(feature, SCAN_FUNCTION, uses_pyside)
    return True
