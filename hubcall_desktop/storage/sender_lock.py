"""One sender at a time across processes (the app and a ``sync`` from a script).

An entry found ``sending`` may only be treated as interrupted by a crash when nobody holds
this lock; the OS releases it when a process dies, so a crash never leaves it stuck.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from hubcall_desktop.core.errors import StorageError

__all__ = ["SenderLock", "Timeout"]


class SenderLock:
    def __init__(self, data_dir: Path, timeout: float = 30.0) -> None:
        self._lock = FileLock(str(data_dir / "outbox.lock"), timeout=timeout)

    def __enter__(self) -> SenderLock:
        try:
            self._lock.acquire()
        except Timeout:
            raise StorageError(
                "Another HubCall process is sending the outbox right now; try again in a moment."
            ) from None
        return self

    def __exit__(self, *exc: object) -> None:
        self._lock.release()
