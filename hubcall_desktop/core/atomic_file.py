"""Replace a small file all at once: a crash leaves the old file or the new one, never half.

Written here rather than taken from a library: ``atomicwrites``, the usual one, is
archived and unmaintained, and the whole recipe is a temporary file in the same folder,
fsync, and ``os.replace``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def replace_file(path: Path, content: str | bytes, *, mode: int | None = None) -> None:
    """Write ``content`` (text as UTF-8) to ``path`` through a temporary file beside it;
    ``mode`` (e.g. ``0o600``) is set before a byte is written. Raises ``OSError``."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        if mode is not None:
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
