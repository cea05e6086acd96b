"""One app per data folder, decided before Qt loads: claim the folder, or wake the app
that holds it.

The key is the data folder itself: a launch takes an exclusive lock (``flock``) on
``instance.lock`` inside it and keeps it for the app's life; the OS lets it go when the
process ends, so a crash never leaves it stuck. The holder also listens on a socket file
and writes that socket's path into the lock file, so a later launch on the same folder
finds it whatever its own ``XDG_RUNTIME_DIR`` says, tells it to show its window and exits
without ever loading Qt. The running app serves the bound socket from its asyncio loop
(ui.startup.single_instance); QtNetwork is not loaded for it.

The socket lives in a folder only this user can enter: ``XDG_RUNTIME_DIR`` if it is ours
and private (0700), else ``/run/user/<uid>``, else ``hubcall-desktop-<uid>`` in the temp
folder, made 0700 and checked, else a fresh random folder. Nothing another user created
is used, connected to or removed; a socket of ours that nobody answers (a crash's
leftover) is replaced.

Windows uses named pipes, which only Qt speaks here: there the question is asked through
QLocalSocket (ui.startup.single_instance.notify_running) and nothing is claimed in advance.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import logging
import os
import socket
import stat
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 0.3
# What a later launch asks of the running app, one line: show the window, or open the
# call-logging form too (`hubcall-desktop --log-call`, the launcher's "Log a call").
SHOW_MESSAGE = b"show\n"
LOG_CALL_MESSAGE = b"log-call\n"
BACKLOG = 8
LOCK_NAME = "instance.lock"
MAX_SOCKET_PATH = 107  # sun_path holds 108 bytes, the last one a NUL
ADDRESS_WAIT_S = 1.0  # how long a launch waits for the holder to write its socket's path
RECORD_BYTES = 512  # the lock file's record: a pid and a socket path (<= 107 bytes)
USER_RUNTIME_DIR = "/run/user/{uid}"  # systemd's, when XDG_RUNTIME_DIR is not passed on


def server_name(data_dir: Path, platform: str = sys.platform) -> str:
    """A pipe name on Windows; elsewhere the path of a socket file in a private folder."""
    name = _name(data_dir)
    if platform == "win32":
        return name
    return str(_socket_folder(len(name)) / name)


def _name(data_dir: Path) -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name (containers without /etc/passwd entries)
        user = "user"
    key = f"{user}\0{data_dir.expanduser().resolve()}".encode()
    # Two checksums, not a cryptographic hash: the name only has to differ between folders
    # (nothing is kept secret by it), and hashlib would load OpenSSL (~2.5 ms) before
    # the first paint.
    return f"hubcall-desktop-{zlib.crc32(key):08x}{zlib.adler32(key):08x}"


def is_private_folder(path: Path, uid: int, *, follow: bool = True) -> bool:
    """A folder owned by ``uid`` that nobody else may enter (no group or other bits)."""
    try:
        info = path.stat() if follow else path.lstat()
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == uid and info.st_mode & 0o077 == 0


def _socket_folder(name_length: int) -> Path:
    uid = os.geteuid()

    def fits(folder: Path) -> bool:
        return len(os.fsencode(folder)) + 1 + name_length <= MAX_SOCKET_PATH

    given = os.environ.get("XDG_RUNTIME_DIR")
    for candidate in (given, USER_RUNTIME_DIR.format(uid=uid)):
        if candidate and fits(Path(candidate)) and is_private_folder(Path(candidate), uid):
            return Path(candidate)
        if candidate == given and given:
            logger.info("XDG_RUNTIME_DIR %s is not a private folder of ours; not used", given)
    import tempfile  # only here: it drags in shutil and the compression modules

    own = Path(tempfile.gettempdir()) / f"hubcall-desktop-{uid}"
    with contextlib.suppress(OSError):
        own.mkdir(mode=0o700)
    if fits(own) and is_private_folder(own, uid, follow=False):
        return own
    # Taken by someone else (or not a folder): a fresh one nobody can have prepared. A
    # later launch finds it through the lock file.
    logger.warning("%s is not a private folder of ours; using a new one", own)
    return Path(tempfile.mkdtemp(prefix="hubcall-desktop-"))


@dataclass(slots=True)
class Claim:
    """What a launch found: ``other_running`` (it was asked to show itself), ``refusal``
    (another app holds the folder but could not be asked: a sentence to print), else
    this process is the instance: it holds the folder's lock (``lock_fd``) and, on Unix,
    ``listener`` (bound and listening). ``asked`` is False where the question still has
    to be asked through Qt (Windows)."""

    name: str
    other_running: bool = False
    listener: socket.socket | None = None
    asked: bool = True
    lock_fd: int | None = None
    refusal: str | None = None

    def take_listener(self) -> socket.socket | None:
        listener, self.listener = self.listener, None
        return listener

    def release(self) -> None:
        """Give the name and the folder back (at the app's end, or before Qt took over)."""
        listener = self.take_listener()
        if listener is not None:
            listener.close()
            with contextlib.suppress(OSError):
                os.unlink(self.name)
        lock_fd, self.lock_fd = self.lock_fd, None
        if lock_fd is not None:
            os.close(lock_fd)  # the lock goes with the descriptor


def claim_instance(
    data_dir: Path, platform: str = sys.platform, message: bytes = SHOW_MESSAGE
) -> Claim:
    if platform == "win32":
        return Claim(server_name(data_dir, platform), asked=False)
    lock_fd = _open_lock(data_dir)
    if lock_fd is not None:
        locked = _try_lock(lock_fd)
        if locked is False:
            return _ask_holder(lock_fd, data_dir, message)
        if locked is None:
            os.close(lock_fd)
            lock_fd = None
    name = server_name(data_dir, platform)
    listener = _bind(name, message, locked=lock_fd is not None)
    if isinstance(listener, Claim):  # no lock, and an app answered on the socket
        return listener
    if listener is None and lock_fd is not None:
        # The usual place is unusable (a foreign file in it, ...): a fresh private folder.
        import tempfile

        name = str(Path(tempfile.mkdtemp(prefix="hubcall-desktop-")) / _name(data_dir))
        bound = _bind(name, message, locked=True)
        listener = bound if isinstance(bound, socket.socket) else None
    if lock_fd is not None:
        _write_address(lock_fd, name if listener is not None else "")
    return Claim(name, listener=listener, lock_fd=lock_fd)


def _open_lock(data_dir: Path) -> int | None:
    try:
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        return os.open(data_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    except OSError as exc:
        # A read-only folder, ...: the socket alone still finds an app on this runtime dir.
        logger.warning("cannot lock %s: %s; the single-instance check is weaker", data_dir, exc)
        return None


def _try_lock(fd: int) -> bool | None:
    """True: ours now; False: another process holds it; None: this file system has no locks."""
    import fcntl  # Unix only, like this path

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:
        logger.warning("cannot lock the data folder (%s); the single-instance check is weaker", exc)
        return None
    return True


def _write_address(fd: int, name: str) -> None:
    """``<pid>\\n<socket path>\\n``, padded with spaces to a fixed size so that it
    overwrites any earlier record whole (ftruncate costs milliseconds on some file
    systems, before the first paint)."""
    record = f"{os.getpid()}\n{name}\n".encode().ljust(RECORD_BYTES)
    try:
        os.pwrite(fd, record, 0)
    except OSError as exc:
        logger.warning("cannot write the instance lock file: %s", exc)


def _read_address(fd: int) -> tuple[str, str] | None:
    """``(pid, socket path)`` from the holder's record; ``None`` until there is one."""
    try:
        data = os.pread(fd, RECORD_BYTES, 0)
    except OSError:
        return None
    lines = data.decode("utf-8", "replace").rstrip(" ").split("\n")
    if len(lines) != 3 or lines[2] or not lines[0].isdigit():
        return None
    return lines[0], lines[1]


def _ask_holder(lock_fd: int, data_dir: Path, message: bytes) -> Claim:
    """Another launch holds the folder: ask it (through the socket it recorded) to show
    itself. If it cannot be asked, say so; never pretend it was."""
    deadline = time.monotonic() + ADDRESS_WAIT_S
    while True:
        address = _read_address(lock_fd)
        pid, name = address or ("?", "")
        if name and _our_socket(name) and notify_unix(name, message):
            os.close(lock_fd)
            return Claim(name, other_running=True)
        if time.monotonic() >= deadline:
            break
        time.sleep(0.02)  # it may still be starting: the record or the socket not there yet
    os.close(lock_fd)
    return Claim(
        name,
        refusal=(
            f"HubCall Desktop is already running on the data folder {data_dir} "
            f"(process {pid}) but did not answer; wait for it, or end it, and try again."
        ),
    )


def _our_socket(path: str) -> bool:
    """A socket file owned by us: the only kind connected to or replaced."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISSOCK(info.st_mode) and info.st_uid == os.geteuid()


def _bind(name: str, message: bytes, *, locked: bool) -> socket.socket | Claim | None:
    """A listening socket at ``name``; ``None`` if it cannot be had. Without the folder's
    lock (``locked`` False), an app answering there is the instance: its Claim."""
    for _attempt in range(2):
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            listener.bind(name)
        except OSError as exc:
            listener.close()
            if exc.errno != errno.EADDRINUSE:
                # A read-only folder, ...: run without the socket rather than not at all.
                logger.warning("single-instance socket %s unavailable: %s", name, exc)
                return None
            if not _our_socket(name):
                logger.warning("single-instance socket %s: something else is there", name)
                return None
            if not locked and notify_unix(name, message):
                return Claim(name, other_running=True)
            # We hold the folder (or nobody answered): a crashed instance's leftover.
            with contextlib.suppress(FileNotFoundError):
                os.unlink(name)
            continue
        os.chmod(name, 0o600)  # before listen(): nobody else can have connected yet
        listener.listen(BACKLOG)
        return listener
    logger.warning("single-instance socket %s keeps being taken; running without it", name)
    return None


def notify_unix(path: str, message: bytes = SHOW_MESSAGE) -> bool:
    """Connect to the running app's socket file and ask it to show itself (or more)."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(CONNECT_TIMEOUT_S)
            client.connect(path)
            client.sendall(message)
    except OSError:  # no file, nobody listening (a crash's leftover), or too slow
        return False
    return True
