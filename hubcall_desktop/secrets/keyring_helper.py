"""The keyring helper process (``python -m hubcall_desktop.secrets.keyring_helper``).

It reads requests from stdin, one JSON object a line, calls the keyring library in its
own process (:class:`~hubcall_desktop.secrets.keyring_local.LocalKeyring`, so the backend
is chosen and checked exactly as in the app) and writes one JSON answer a line:
``{"value": ..., "backend": label}`` or ``{"error": ...}``. It ends at the end of its
input. It logs nothing: the app logs what it is told, and a secret never reaches a log.
See :mod:`hubcall_desktop.secrets.keyring_process` for why it exists.
"""

from __future__ import annotations

import contextlib
import json
import logging
import signal
import sys
from typing import IO, Any, Final

from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.messages import Template
from hubcall_desktop.secrets.backends import describe
from hubcall_desktop.secrets.errors import KeyringFailed, KeyringLocked, NoKeyringBackend
from hubcall_desktop.secrets.keyring_access import error_to_wire
from hubcall_desktop.secrets.keyring_local import LocalKeyring

MAX_REQUEST: Final = 64 * 1024
UNKNOWN_REQUEST = Template(
    "keyring.helper_unknown", "the keyring helper was asked something it does not know"
)
ACTIONS: Final = {
    "label": "open",
    "get": "read a secret",
    "set": "save a secret",
    "delete": "delete a secret",
}


def answer(keyring: LocalKeyring, request: Any) -> dict[str, Any]:
    """The answer to one request; every failure is an answer, never an exception."""
    if not isinstance(request, dict):
        request = {}
    op = request.get("op")
    action = ACTIONS.get(op, "answer") if isinstance(op, str) else "answer"
    fields = {k: request.get(k) for k in ("service", "name", "value")}
    try:
        if op == "label":
            value: Any = keyring.label()
        elif op in ("get", "delete", "set") and _texts(fields, op):
            service, name = fields["service"], fields["name"]
            if op == "get":
                value = keyring.get(service, name)
            elif op == "delete":
                value = keyring.delete(service, name)
            else:
                keyring.set(service, name, fields["value"])
                value = None
        else:
            raise KeyringFailed(action, UNKNOWN_REQUEST())
    except (NoKeyringBackend, KeyringLocked, KeyringFailed) as error:
        return {"error": error_to_wire(error)}
    except UserError as error:  # no other is raised today; kept typed all the same
        return {"error": error_to_wire(KeyringFailed(action, describe(error)))}
    except Exception as exc:  # a backend's own failure not seen before: still an answer
        secret = fields.get("value") if isinstance(fields.get("value"), str) else None
        return {"error": error_to_wire(KeyringFailed(action, describe(exc, secret)))}
    return {"value": value, "backend": keyring.resolved_label()}


def _texts(fields: dict[str, Any], op: str) -> bool:
    names = ("service", "name", "value") if op == "set" else ("service", "name")
    return all(isinstance(fields[n], str) for n in names)


def serve(requests: IO[bytes], answers: IO[bytes], keyring: LocalKeyring | None = None) -> None:
    keyring = keyring or LocalKeyring()
    while line := requests.readline(MAX_REQUEST):
        request: Any = None
        if len(line) == MAX_REQUEST and not line.endswith(b"\n"):
            # Too long to be a request: skip the rest of it and answer it once.
            while (rest := requests.readline(MAX_REQUEST)) and not rest.endswith(b"\n"):
                pass
        else:
            with contextlib.suppress(ValueError):
                request = json.loads(line)
        answers.write(json.dumps(answer(keyring, request)).encode("utf-8") + b"\n")
        answers.flush()


def main() -> int:
    logging.disable(logging.CRITICAL)
    # Ctrl+C in the app's terminal reaches its whole process group: the app ends, and
    # with it this helper's input, so the helper need not be interrupted on its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    serve(sys.stdin.buffer, sys.stdout.buffer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
