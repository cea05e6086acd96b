"""One app per data folder, decided before Qt loads: claim the folder's socket, or wake the
app that holds it.

On Unix the running app listens on a socket file at a path we choose. A launch binds that
path with the standard library: binding succeeds only for the first one, so the claim and
the "is anyone there?" question are a single step, taken before PySide6 is imported. A
second launch therefore tells the first to show its window and exits without ever loading
Qt. The bound socket is handed to QLocalServer after the first paint (ui.single_instance).
Windows uses named pipes, which only Qt speaks here: there the question is asked through
QLocalSocket (ui.single_instance.notify_running) and nothing is claimed in advance.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import logging
import os
import socket
import sys
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


def server_name(data_dir: Path, platform: str = sys.platform) -> str:
    """A pipe name on Windows; elsewhere the path of a socket file only this user can reach."""
    name = _name(data_dir)
    if platform == "win32":
        return name
    folder = os.environ.get("XDG_RUNTIME_DIR")
    if not folder:
        import tempfile  # only here: it drags in shutil and the compression modules

        folder = tempfile.gettempdir()
    return str(Path(folder) / name)


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


@dataclass(slots=True)
class Claim:
    """What a launch found: ``other_running`` (it was asked to show itself), else this
    process is the instance and, on Unix, holds ``listener`` (bound and listening).
    ``asked`` is False where the question still has to be asked through Qt (Windows)."""

    name: str
    other_running: bool = False
    listener: socket.socket | None = None
    asked: bool = True

    def take_listener(self) -> socket.socket | None:
        listener, self.listener = self.listener, None
        return listener

    def release(self) -> None:
        """Give the name back (the app ends before Qt took the socket over)."""
        listener = self.take_listener()
        if listener is not None:
            listener.close()
            with contextlib.suppress(OSError):
                os.unlink(self.name)


def claim_instance(
    data_dir: Path, platform: str = sys.platform, message: bytes = SHOW_MESSAGE
) -> Claim:
    name = server_name(data_dir, platform)
    if platform == "win32":
        return Claim(name, asked=False)
    for _attempt in range(2):
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            listener.bind(name)
        except OSError as exc:
            listener.close()
            if exc.errno != errno.EADDRINUSE:
                # A path too long for a socket, a read-only folder, ...: run without the
                # single-instance guard rather than not at all.
                logger.warning("single-instance socket %s unavailable: %s", name, exc)
                return Claim(name)
            if notify_unix(name, message):
                return Claim(name, other_running=True)
            # Nobody answered: a crashed instance's leftover file. Replace it.
            with contextlib.suppress(FileNotFoundError):
                os.unlink(name)
            continue
        os.chmod(name, 0o600)  # before listen(): nobody else can have connected yet
        listener.listen(BACKLOG)
        return Claim(name, listener=listener)
    logger.warning("single-instance socket %s keeps being taken; running without it", name)
    return Claim(name)


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
