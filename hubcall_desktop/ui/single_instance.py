"""One app per data folder: a second launch brings the running window to the front and exits.

Keyed on the data folder (two agent profiles on one computer may run side by side) and the
user. A socket left behind by a crash is recognised (nobody answers) and replaced.

The running app listens with QLocalServer. On Unix that is a socket file at a path we
choose, so a new launch asks "is anyone there?" with the standard library's socket
before its first paint, without loading QtNetwork (a noticeable share of start-up);
Windows uses named pipes and asks through QLocalSocket.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import socket
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

logger = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 300
SHOW_MESSAGE = b"show\n"


def server_name(data_dir: Path, platform: str = sys.platform) -> str:
    """A pipe name on Windows; elsewhere the path of a socket file only this user can reach."""
    name = _name(data_dir)
    if platform == "win32":
        return name
    folder = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
    return str(Path(folder) / name)


def _name(data_dir: Path) -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name (containers without /etc/passwd entries)
        user = "user"
    key = f"{user}\0{data_dir.expanduser().resolve()}".encode()
    return "hubcall-desktop-" + hashlib.sha256(key).hexdigest()[:20]


class SingleInstance(QObject):
    """``activated`` fires when another launch asks this one to show itself."""

    activated = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self._server: QLocalServer | None = None

    def notify_running(self) -> bool:
        """True if another instance runs (and was asked to show its window)."""
        if sys.platform != "win32":
            return _notify_unix(self.name)
        from PySide6.QtNetwork import QLocalSocket

        pipe = QLocalSocket()
        pipe.connectToServer(self.name)
        if not pipe.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        pipe.write(SHOW_MESSAGE)
        pipe.flush()
        pipe.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        pipe.disconnectFromServer()
        return True

    def listen(self) -> bool:
        """Become the instance others find. False if the name cannot be taken."""
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # Nobody answered notify_running(): the socket is a crash's leftover.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                logger.warning(
                    "single-instance socket %s unavailable: %s", self.name, server.errorString()
                )
                return False
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def close(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.close()
            server.deleteLater()

    def _on_connection(self) -> None:
        server = self._server
        if server is None:
            return
        while (socket := server.nextPendingConnection()) is not None:
            # Read on arrival, then let the socket go; no Python closure outlives it.
            socket.readyRead.connect(self._on_ready)
            if socket.bytesAvailable():
                self._read(socket)

    def _on_ready(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        sender = self.sender()
        if isinstance(sender, QLocalSocket):
            self._read(sender)

    def _read(self, socket: QLocalSocket) -> None:
        data = bytes(socket.readAll().data())
        socket.readyRead.disconnect(self._on_ready)
        socket.disconnectFromServer()
        socket.deleteLater()
        if data.startswith(SHOW_MESSAGE.strip()):
            self.activated.emit()


def _notify_unix(path: str) -> bool:
    """Connect to the running app's socket file and ask it to show itself."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(CONNECT_TIMEOUT_MS / 1000)
            client.connect(path)
            client.sendall(SHOW_MESSAGE)
    except OSError:  # no file, nobody listening (a crash's leftover), or too slow
        return False
    return True
