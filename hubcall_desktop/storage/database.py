"""The journal's SQLite file: opened carefully, written in short transactions, failures in words.

A file SQLite cannot read is never written: it is first opened read-only and checked, and
only a healthy file (or a new, empty one) is opened for writing. SQLite's own error codes
(``sqlite_errorcode``, Python 3.11+) decide which failures the user can act on; anything
else is a bug and propagates unchanged.

An open connection keeps writing to the file it opened even after that file was deleted
or replaced, and a restart would then open another file: the calls accepted in between
would be gone. So every write transaction first (and again after its commit) checks that
the path still names the file the connection has open (device and inode; one ``stat``,
microseconds). A deleted or moved-away file is written back at its path from the open
connection (``VACUUM INTO``: every call and outbox entry, not just the recent ones) and
the connection moves there; a file replaced by another one is never written over: what the
connection holds is saved beside it and every later write is refused with a sentence.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from hubcall_desktop.core.errors import StorageError
from hubcall_desktop.core.messages import Template

logger = logging.getLogger(__name__)

T = TypeVar("T")

DEFAULT_BUSY_TIMEOUT = 5.0  # seconds another program may hold the file before we give up

# SQLite primary result codes (https://www.sqlite.org/rescode.html).
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26

# fmt: off
LOCKED = Template("journal.locked", "The call journal %1 is in use by another program and stayed locked for %2 s. Close any other copy of HubCall Desktop (or the program holding the file) and try again.")
CANNOT_OPEN = Template("journal.cannot_open", "The call journal %1 cannot be opened. Check that its folder exists and that you may read and write there.")
DISK_FULL = Template("journal.disk_full", "The disk holding the call journal %1 is full, so the last change was not saved. Free some space and try again.")
READ_ONLY = Template("journal.read_only", "The call journal %1 is read-only. Allow writing to the file and its folder, then try again.")
DISK_ERROR = Template("journal.disk_error", "The call journal %1 could not be read or written (disk error %2). Check the disk and try again.")
DAMAGED = Template("journal.damaged", "The call journal %1 is damaged or is not a HubCall Desktop journal (%2). It was left untouched: move it elsewhere (or restore a backup) and start HubCall Desktop again to begin a new journal.")
IN_THE_WAY = Template("journal.in_the_way", "The call journal %1 cannot be created: a file or folder is in the way. Move it elsewhere or choose another data folder.")
CANNOT_CREATE = Template("journal.cannot_create", "The call journal %1 cannot be created (%2). Check that its folder exists and that you may write there.")
CANNOT_CHECK = Template("journal.cannot_check", "The call journal %1 cannot be checked (%2). Check that its folder is still there and readable.")
NOT_WRITTEN_BACK = Template("journal.not_written_back", "The call journal %1 was deleted while HubCall Desktop was running and cannot be written back (%2). Quit HubCall Desktop and check that its folder can be written.")
# fmt: on


def storage_error(exc: sqlite3.Error, path: Path, busy_timeout: float) -> StorageError | None:
    """The sentence for a failure the user can act on, or ``None`` for a bug."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = code & 0xFF
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return StorageError(LOCKED(str(path), f"{busy_timeout:g}"))
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return damaged_error(path, str(exc))
    if primary == _SQLITE_CANTOPEN:
        return StorageError(CANNOT_OPEN(str(path)))
    if primary == _SQLITE_FULL:
        return StorageError(DISK_FULL(str(path)))
    if primary in (_SQLITE_READONLY, _SQLITE_PERM):
        return StorageError(READ_ONLY(str(path)))
    if primary == _SQLITE_IOERR:
        return StorageError(DISK_ERROR(str(path), str(getattr(exc, "sqlite_errorname", code))))
    return None


def damaged_error(path: Path, detail: str) -> StorageError:
    return StorageError(DAMAGED(str(path), detail))


@contextmanager
def translated(path: Path, busy_timeout: float) -> Iterator[None]:
    """Re-raise SQLite failures the user can act on as :class:`StorageError`."""
    try:
        yield
    except sqlite3.Error as exc:
        error = storage_error(exc, path, busy_timeout)
        if error is None:
            raise
        raise error from exc


def prepare_file(path: Path) -> None:
    """Create the folder (private) and an empty, private file if there is none yet.

    SQLite would create the file with the umask's permissions; the journal holds phone
    numbers and notes, so it is created owner-only first. An existing file is not opened
    for writing here, let alone truncated.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        if path.parent.is_dir() and not path.is_dir():
            return
        raise StorageError(IN_THE_WAY(str(path))) from None
    except OSError as exc:
        raise StorageError(CANNOT_CREATE(str(path), str(exc.strerror))) from exc
    os.close(fd)


def inspect_read_only(
    path: Path,
    busy_timeout: float,
    read: Callable[[sqlite3.Connection], T],
    check_integrity: bool = True,
) -> T:
    """Open ``path`` read-only, check it is a sound SQLite file, return ``read(conn)``.

    Nothing here can write the file, so a damaged or foreign file is looked at, never
    changed. ``quick_check`` reads every page: about 0.1 s for 100,000 calls (warm cache);
    ``check_integrity=False`` skips it for short-lived processes.
    """
    created = [s for s in _siblings(path) if not s.exists()]
    uri = f"{path.absolute().as_uri()}?mode=ro"
    problems = ["ok"]
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout, isolation_level=None)
        try:
            result = read(conn)
            if check_integrity:
                problems = [str(row[0]) for row in conn.execute("PRAGMA quick_check(3)")]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        error = storage_error(exc, path, busy_timeout)
        if error is None:
            raise
        if _is_damage(exc):
            _remove_empty_leftovers(created)
        raise error from exc
    if problems != ["ok"]:
        _remove_empty_leftovers(created)
        raise damaged_error(path, "; ".join(problems))
    return result


def _is_damage(exc: sqlite3.Error) -> bool:
    # Only asked once storage_error found a code, so the error has one.
    return (exc.sqlite_errorcode & 0xFF) in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def _siblings(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]


def _remove_empty_leftovers(created: list[Path]) -> None:
    """A read-only look at a damaged WAL file can leave an empty ``-wal`` and an ``-shm``
    beside it; they are ours and would confuse a later file of the same name."""
    wal = next((p for p in created if p.name.endswith("-wal")), None)
    if wal is not None and wal.exists() and wal.stat().st_size > 0:
        return
    for leftover in created:
        with suppress(OSError):
            leftover.unlink(missing_ok=True)


class Database:
    """One read-write connection with the journal's pragmas; not thread-safe by itself."""

    def __init__(self, path: Path, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> None:
        self.path = path
        self.busy_timeout = busy_timeout
        self._lost: str | None = None  # why nothing is written any more (file replaced)
        self._conn = self._connect()
        self._identity = _identity(path)

    def _connect(self, path: Path | None = None) -> sqlite3.Connection:
        with translated(self.path, self.busy_timeout):
            # isolation_level=None: no implicit transactions; ``writing()`` says BEGIN itself.
            conn = sqlite3.connect(
                path or self.path, timeout=self.busy_timeout, isolation_level=None
            )
            try:
                self._configure(conn)
            except BaseException:
                conn.close()
                raise
        return conn

    def _configure(self, conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA foreign_keys = ON")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            # Some network file systems cannot share memory for WAL; the rollback journal
            # with synchronous=FULL is just as durable, only slower.
            logger.warning(  # pragma: no mutate
                "journal %s: WAL mode unavailable, using %s",  # pragma: no mutate
                self.path,  # pragma: no mutate
                mode,  # pragma: no mutate
            )
        # FULL: a commit is on disk before we go on (and before any request is sent).
        conn.execute("PRAGMA synchronous = FULL")

    @property
    def connection(self) -> sqlite3.Connection:
        return self._conn

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        with translated(self.path, self.busy_timeout):
            yield self._conn

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One transaction, committed on success and rolled back on any exception.

        ``BEGIN IMMEDIATE`` takes the write lock up front, so a busy file fails here, before
        anything changed, rather than half-way.
        """
        self.check_file()
        conn = self._conn
        with translated(self.path, self.busy_timeout):
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    with suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                raise
        # Replaced while we wrote: the change is not in the file a restart opens; say so.
        self.check_file()

    def check_file(self) -> None:
        """Make sure the path still names the open file (see the module doc); raises
        :class:`StorageError` if another file took its place."""
        if self._lost is not None:
            raise StorageError(self._lost)
        try:
            current: tuple[int, int] | None = _identity(self.path)
        except FileNotFoundError:
            current = None
        except OSError as exc:
            raise StorageError(CANNOT_CHECK(str(self.path), str(exc.strerror))) from exc
        if current == self._identity:
            return
        with translated(self.path, self.busy_timeout):
            if current is None:
                self._write_back()
            else:
                self._refuse_replaced()

    def _write_back(self) -> None:
        """The file was deleted or moved away: copy what the connection holds to a new
        file at the path, then continue there."""
        logger.error("journal %s was deleted while open; writing it back", self.path)
        copy = self.path.with_name(f"{self.path.name}.{os.getpid()}.restoring")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # rm -r data
            copy.unlink(missing_ok=True)
            self._copy_to(copy)
        except OSError as exc:
            raise StorageError(NOT_WRITTEN_BACK(str(self.path), str(exc.strerror))) from exc
        factory = self._conn.row_factory
        # SQLite leaves the -wal and -shm of a file that moved in place when it closes:
        # empty them into the old file first, then remove them, or a new connection
        # would replay stale pages onto the new file.
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._conn.close()
        for sibling in _siblings(self.path):
            sibling.unlink(missing_ok=True)
        try:
            os.link(copy, self.path)  # never over a file someone put there meanwhile
        except FileExistsError:
            rescue = self._rescue_name()
            copy.rename(rescue)
            self._conn = self._connect(rescue)  # reads go on from the copy
            self._conn.row_factory = factory
            self._refuse(rescue)
        copy.unlink()
        _sync_folder(self.path.parent)
        self._conn = self._connect()
        self._conn.row_factory = factory
        self._identity = _identity(self.path)

    def _refuse_replaced(self) -> None:
        rescue = self._rescue_name()
        self._copy_to(rescue)
        # Our -wal still bears the path's name: empty it so it cannot touch the new file.
        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._refuse(rescue)

    def _rescue_name(self) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
        return self.path.with_name(f"{self.path.name}.saved-{stamp}")

    def _refuse(self, rescue: Path) -> None:
        logger.error("journal %s was replaced while open; its calls saved to %s", self.path, rescue)
        self._lost = (
            f"The call journal {self.path} was replaced by another file while HubCall "
            f"Desktop was running, so nothing more is written to it. The calls it held are "
            f"saved in {rescue}. Quit HubCall Desktop and start it again."
        )
        raise StorageError(self._lost)

    def _copy_to(self, target: Path) -> None:
        """A consistent copy of the whole database, private and on disk."""
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        self._conn.execute("VACUUM INTO ?", (str(target),))
        fd = os.open(target, os.O_RDONLY)
        try:
            os.fsync(fd)  # VACUUM INTO does not sync its output
        finally:
            os.close(fd)

    def close(self) -> None:
        with translated(self.path, self.busy_timeout):
            try:
                # Recommended at close by SQLite: keeps the planner's statistics fresh.
                with suppress(sqlite3.OperationalError):
                    self._conn.execute("PRAGMA optimize")
            finally:
                self._conn.close()


def _identity(path: Path) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_dev, info.st_ino


def _sync_folder(folder: Path) -> None:
    """Make a new directory entry durable (the file's own data is synced already)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
