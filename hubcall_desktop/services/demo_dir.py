"""Where demo mode keeps its journal: the folder named, else a throwaway one.

Kept apart from :mod:`hubcall_desktop.services.demo` (which loads the sandbox) so the app
can decide its folders before its first paint.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hubcall_desktop.storage.paths import DATA_DIR_ENV


def resolve_demo_dir(data_dir: str | None) -> tuple[Path, bool]:
    """``--data-dir``, else ``HUBCALL_DATA_DIR``, else a new temporary folder (``True``)."""
    chosen = data_dir or os.environ.get(DATA_DIR_ENV)
    if chosen:
        folder = Path(chosen).expanduser()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return folder, False
    return Path(tempfile.mkdtemp(prefix="hubcall-demo-")), True
