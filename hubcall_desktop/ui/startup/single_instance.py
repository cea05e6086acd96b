"""The running app's side of "one app per data folder": answer later launches.

A later launch finds us through the socket claimed before Qt loaded
(ui.instance_claim); this object takes that socket over with QLocalServer once the
window is painted, and emits ``activated`` when a launch asks us to show ourselves. A
socket left behind by a crash is recognised (nobody answers) and replaced. On Windows,
where the claim cannot be made without Qt, it asks and listens through QtNetwork's pipes.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from hubcall_desktop.ui.startup.instance_claim import LOG_CALL_MESSAGE, SHOW_MESSAGE, Claim

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

logger = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 300


class SingleInstance(QObject):
    """``activated`` fires when another launch asks this one to show itself."""

    activated = Signal()
    log_call_requested = Signal()  # ... and to open the call-logging form

    def __init__(self, claim: Claim, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = claim.name
        self._claim = claim
        self._server: QLocalServer | None = None

    def notify_running(self, message: bytes = SHOW_MESSAGE) -> bool:
        """True if another instance runs (and was asked to show its window)."""
        if self._claim.other_running:
            return True
        if self._claim.asked:
            return False  # the claim already asked, and nobody answered
        from PySide6.QtNetwork import QLocalSocket

        pipe = QLocalSocket()
        pipe.connectToServer(self.name)
        if not pipe.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        pipe.write(message)
        pipe.flush()
        pipe.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        pipe.disconnectFromServer()
        return True

    def listen(self) -> bool:
        """Become the instance others find. False if the name cannot be taken."""
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        listener = self._claim.take_listener()
        if listener is not None:  # bound and made private (0600) before Qt loaded
            if not server.listen(listener.detach()):
                logger.warning("single-instance socket %s: %s", self.name, server.errorString())
                return False
            server.newConnection.connect(self._on_connection)
            self._server = server
            return True
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
        first, newline, _rest = data.partition(b"\n")
        line = first + newline  # a request is one whole line
        if line == SHOW_MESSAGE:
            self.activated.emit()
        elif line == LOG_CALL_MESSAGE:
            self.activated.emit()
            self.log_call_requested.emit()
        else:
            logger.warning("single-instance socket: ignored %d unexpected bytes", len(data))
