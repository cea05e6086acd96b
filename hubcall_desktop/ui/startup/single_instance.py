"""The running app's side of "one app per data folder": answer later launches.

A later launch finds us through the socket claimed before Qt loaded
(ui.startup.instance_claim). Once the loop runs, this object serves that socket with
asyncio's Unix server and emits ``activated`` when a launch asks us to show ourselves;
QtNetwork (about 2 MiB of memory) is not loaded for it. On Windows, where the claim
cannot be made without Qt, it asks and listens through QtNetwork's pipes
(QLocalSocket, QLocalServer), and a pipe a crash left behind (nobody answers) is
replaced.
"""

from __future__ import annotations

import contextlib
import logging
import os
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from hubcall_desktop.ui.startup.instance_claim import (
    BACKLOG,
    LOG_CALL_MESSAGE,
    SHOW_MESSAGE,
    Claim,
)

if TYPE_CHECKING:
    import asyncio
    import socket

    from PySide6.QtNetwork import QLocalServer, QLocalSocket

logger = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 300
# A launch writes its one line as soon as it connects; a caller that sends nothing (or
# too much) is dropped rather than held. Only this user can connect (the socket is 0600).
READ_TIMEOUT_S = 2.0
LINE_LIMIT = 64  # bytes buffered per caller at most: the longest request is 9


class SingleInstance(QObject):
    """``activated`` fires when another launch asks this one to show itself."""

    activated = Signal()
    log_call_requested = Signal()  # ... and to open the call-logging form

    def __init__(self, claim: Claim, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = claim.name
        self._claim = claim
        self._server: QLocalServer | None = None  # Windows' pipe
        # The claimed socket (elsewhere): until the loop serves it, then its server.
        self._listener: socket.socket | None = None
        self._unix_server: asyncio.Server | None = None
        self._starting: asyncio.Task[None] | None = None
        self._answering: set[asyncio.Task[Any]] = set()
        self._socket_file: tuple[int, int] | None = None  # (device, inode): ours to remove

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
        """Become the instance others find. False if the name cannot be taken.

        The socket claimed before Qt loaded is served from the asyncio loop, which must be
        running; launches that knock before it does wait in the socket's queue."""
        listener = self._claim.take_listener()
        if listener is None:
            return self._listen_pipe()
        from hubcall_desktop.ui import tasks

        with contextlib.suppress(OSError):
            found = os.stat(self.name)
            self._socket_file = (found.st_dev, found.st_ino)
        self._listener = listener
        self._starting = tasks.start(self._serve(listener), "single-instance socket")
        return True

    async def _serve(self, listener: socket.socket) -> None:
        import asyncio

        # start_serving=False: this await never suspends, so close() finds the server (or
        # the bare listener) whenever it comes; only start_serving() below yields.
        server = await asyncio.start_unix_server(
            self._answer,
            sock=listener,
            limit=LINE_LIMIT,
            backlog=BACKLOG,  # not asyncio's 100: as the claim listened
            start_serving=False,
        )
        self._unix_server, self._listener = server, None
        await server.start_serving()

    async def _answer(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """One launch: read its line (bounded in time and size), close, then act on it."""
        import asyncio

        task = asyncio.current_task()
        assert task is not None  # asyncio runs each caller's handler as a task
        self._answering.add(task)
        try:
            line = await asyncio.wait_for(reader.readline(), READ_TIMEOUT_S)
        except TimeoutError:
            logger.warning("single-instance socket: no whole line in %g s; dropped", READ_TIMEOUT_S)
            return
        except ValueError:  # no newline within LINE_LIMIT bytes
            logger.warning("single-instance socket: ignored a request over %d bytes", LINE_LIMIT)
            return
        except OSError as exc:
            logger.warning("single-instance socket: a caller went wrong: %s", exc)
            return
        finally:
            writer.close()
            self._answering.discard(task)
        self._request(line)

    def _request(self, line: bytes) -> None:
        if line == SHOW_MESSAGE:
            self.activated.emit()
        elif line == LOG_CALL_MESSAGE:
            self.activated.emit()
            self.log_call_requested.emit()
        else:
            logger.warning("single-instance socket: ignored %d unexpected bytes", len(line))

    def close(self) -> None:
        """Stop answering (the app's end); the socket file goes, the name is free again."""
        server, self._server = self._server, None
        if server is not None:
            server.close()
            server.deleteLater()
        starting, self._starting = self._starting, None
        if starting is not None and not starting.done():
            starting.cancel()
        unix_server, self._unix_server = self._unix_server, None
        if unix_server is not None:
            unix_server.close()
        listener, self._listener = self._listener, None
        if listener is not None:  # the loop never came to serve it
            listener.close()
        for task in list(self._answering):
            task.cancel()
        self._remove_socket_file()

    def _remove_socket_file(self) -> None:
        """Only the file this app bound: a later app's socket at the same path stays."""
        ours, self._socket_file = self._socket_file, None
        if ours is None:
            return
        with contextlib.suppress(OSError):
            found = os.stat(self.name)
            if (found.st_dev, found.st_ino) == ours:
                os.unlink(self.name)

    # Windows: the name is a pipe, which only QtNetwork speaks here.

    def _listen_pipe(self) -> bool:
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # Nobody answered notify_running(): the pipe is a crash's leftover.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                logger.warning(
                    "single-instance socket %s unavailable: %s", self.name, server.errorString()
                )
                return False
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def _on_connection(self) -> None:
        server = self._server
        if server is None:
            return
        while (pipe := server.nextPendingConnection()) is not None:
            # Read on arrival, then let the pipe go; no Python closure outlives it.
            pipe.readyRead.connect(self._on_ready)
            if pipe.bytesAvailable():
                self._read(pipe)

    def _on_ready(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        sender = self.sender()
        if isinstance(sender, QLocalSocket):
            self._read(sender)

    def _read(self, pipe: QLocalSocket) -> None:
        data = bytes(pipe.readAll().data())
        pipe.readyRead.disconnect(self._on_ready)
        pipe.disconnectFromServer()
        pipe.deleteLater()
        first, newline, _rest = data.partition(b"\n")
        self._request(first + newline)  # a request is one whole line
