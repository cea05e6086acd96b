"""The keyring through a helper process, so the app's own process stays small.

On Linux the keyring library reaches the Secret Service through SecretStorage, which
loads jeepney and the ``cryptography`` package (its Rust core alone is about 7 MiB of
resident memory) to encrypt the D-Bus session. The app reads the keyring a few times at
start-up and then rarely (a token saved, an OAuth refresh), so it asks a helper
(:mod:`hubcall_desktop.secrets.keyring_helper`) instead: one request per line of JSON on
its stdin, one answer per line on its stdout. The helper serves a burst of requests and
ends after :data:`IDLE_S` seconds without one (or when the app ends: its stdin closes).
Secrets travel only on those pipes, never on the command line or in the environment.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Mapping, Sequence
from typing import IO, Any, Final

from hubcall_desktop.core.messages import Template
from hubcall_desktop.secrets.errors import KeyringFailed
from hubcall_desktop.secrets.keyring_access import HELPER_UNREADABLE, error_from_wire

logger = logging.getLogger(__name__)

IDLE_S: Final = 10.0  # a start-up's reads come within a few seconds of each other
END_GUARD_S: Final = 5.0  # after its stdin closed, the helper gets this long to end
MAX_ANSWER: Final = 64 * 1024  # a secret is at most 8 KiB; anything longer is not an answer
BACKEND_ENV: Final = "PYTHON_KEYRING_BACKEND"
HELPER_MODULE: Final = "hubcall_desktop.secrets.keyring_helper"

# fmt: off
HELPER_ENDED = Template("keyring.helper_ended", "the keyring helper process ended (exit code %1)")
HELPER_NOT_STARTED = Template("keyring.helper_not_started", "the keyring helper process could not start: %1")
# fmt: on


def wanted(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """Whether the app should reach the keyring through the helper.

    Only where the Secret Service is the keyring (not Windows or macOS, whose backends are
    small), from an installed Python (a frozen bundle has no ``-m``), and not when a
    backend is named in the environment: that one may keep its secrets in memory (a
    test's), which a process of its own would lose between requests.
    """
    if platform.startswith(("win", "darwin")) or getattr(sys, "frozen", False):
        return False
    return not environ.get(BACKEND_ENV)


def keyring_access() -> KeyringProcess | None:
    """The app's way to the keyring: the helper where :func:`wanted`, else None (the
    keyring library in this process)."""
    return KeyringProcess() if wanted() else None


def helper_command() -> list[str]:
    # -P: the current folder is not put on the helper's import path.
    return [sys.executable, "-P", "-m", HELPER_MODULE]


class KeyringProcess:
    """:class:`~hubcall_desktop.secrets.keyring_access.KeyringAccess` through the helper.

    Calls block like the keyring library's (an unlock dialog waits for a person) and run
    one at a time; the async store calls them on a worker thread.
    """

    def __init__(self, command: Sequence[str] | None = None, *, idle_s: float = IDLE_S) -> None:
        if idle_s <= 0:
            raise ValueError("idle_s must be positive")
        self._command = list(command) if command is not None else helper_command()
        self._idle_s = idle_s
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._timer: threading.Timer | None = None
        self._label: str | None = None
        self.started = 0  # helper processes started so far (for tests and the log)

    def __repr__(self) -> str:
        return f"KeyringProcess({self._label or 'not resolved'})"

    # -- KeyringAccess -----------------------------------------------------------------

    def label(self) -> str:
        return str(self._ask({"op": "label"}, "open"))

    def resolved_label(self) -> str | None:
        return self._label

    def get(self, service: str, name: str) -> str | None:
        value = self._ask({"op": "get", "service": service, "name": name}, "read a secret")
        return value if isinstance(value, str) and value else None

    def set(self, service: str, name: str, value: str) -> None:
        request = {"op": "set", "service": service, "name": name, "value": value}
        self._ask(request, "save a secret")

    def delete(self, service: str, name: str) -> bool:
        return bool(
            self._ask({"op": "delete", "service": service, "name": name}, "delete a secret")
        )

    # -- the helper ----------------------------------------------------------------------

    def running(self) -> bool:
        process = self._process
        return process is not None and process.poll() is None

    def close(self) -> None:
        """End the helper now (it would end after its idle time anyway)."""
        with self._lock:
            self._stop_timer()
            self._end()

    def _ask(self, request: dict[str, Any], action: str) -> Any:
        with self._lock:
            self._stop_timer()
            try:
                answer = self._exchange(request, action)
            finally:
                if self._process is not None:
                    self._timer = threading.Timer(self._idle_s, self._idle_end)
                    self._timer.daemon = True
                    self._timer.start()
        if "error" in answer:
            error = error_from_wire(answer["error"], action)
            logger.warning("keyring could not %s: %s", action, error)
            raise error
        if isinstance(answer.get("backend"), str):
            self._label = answer["backend"]
        return answer.get("value")

    def _exchange(self, request: dict[str, Any], action: str) -> dict[str, Any]:
        process = self._started(action)
        stdin, stdout = _pipes(process)
        try:
            stdin.write(json.dumps(request).encode("utf-8") + b"\n")
            stdin.flush()
            line = stdout.readline(MAX_ANSWER)
        except OSError:  # the helper ended while we wrote: a broken pipe
            line = b""
        if not line.endswith(b"\n"):
            self._end()
            code = process.returncode if process.returncode is not None else "none"
            raise KeyringFailed(action, HELPER_ENDED(str(code)))
        try:
            answer = json.loads(line)
        except ValueError:
            answer = None
        if not isinstance(answer, dict):
            self._end()
            raise KeyringFailed(action, HELPER_UNREADABLE())
        return answer

    def _started(self, action: str) -> subprocess.Popen[bytes]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        self._end()  # reap one that ended on its own
        try:
            self._process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
                self._command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, close_fds=True
            )
        except OSError as exc:
            raise KeyringFailed(action, HELPER_NOT_STARTED(type(exc).__name__)) from None
        self.started += 1
        logger.debug("keyring helper started (pid %d)", self._process.pid)
        return self._process

    def _idle_end(self) -> None:
        # A request in progress re-arms the timer when it is done; leave the helper to it.
        if self._lock.acquire(blocking=False):
            try:
                self._timer = None
                self._end()
            finally:
                self._lock.release()

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _end(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                pipe.close()  # the helper reads the end of its input and exits
        try:
            process.wait(timeout=END_GUARD_S)
        except subprocess.TimeoutExpired:  # stuck, e.g. on an unlock dialog nobody answers
            process.kill()
            process.wait()
        logger.debug("keyring helper ended (exit code %s)", process.returncode)


def _pipes(process: subprocess.Popen[bytes]) -> tuple[IO[bytes], IO[bytes]]:
    assert process.stdin is not None  # both are PIPE
    assert process.stdout is not None
    return process.stdin, process.stdout
