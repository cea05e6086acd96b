"""The keyring helper's side: every request, however malformed, gets one answer line,
and the keyring's typed errors cross the pipe unchanged."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from keyring.errors import KeyringLocked as LibKeyringLocked

from hubcall_desktop.core.messages import Message
from hubcall_desktop.secrets.backends import NOT_USABLE
from hubcall_desktop.secrets.errors import KeyringFailed, KeyringLocked, NoKeyringBackend
from hubcall_desktop.secrets.keyring_access import error_from_wire, error_to_wire
from hubcall_desktop.secrets.keyring_helper import answer, serve
from hubcall_desktop.secrets.keyring_local import LocalKeyring

SECRET = "pat-na1-hidden-value"


@pytest.fixture
def local(memory_keyring: Any) -> LocalKeyring:
    return LocalKeyring(memory_keyring)


def test_requests_are_answered_with_the_value_and_the_backend(local: LocalKeyring) -> None:
    assert answer(local, {"op": "get", "service": "s", "name": "n"}) == {
        "value": None,
        "backend": "conftest ScriptedKeyring",
    }
    assert (
        answer(local, {"op": "set", "service": "s", "name": "n", "value": SECRET})["value"] is None
    )
    assert answer(local, {"op": "get", "service": "s", "name": "n"})["value"] == SECRET
    assert answer(local, {"op": "delete", "service": "s", "name": "n"})["value"] is True
    assert answer(local, {"op": "delete", "service": "s", "name": "n"})["value"] is False
    assert answer(local, {"op": "label"})["value"] == "conftest ScriptedKeyring"


@pytest.mark.parametrize(
    "request_",
    [
        None,
        [],
        "get",
        {},
        {"op": "drop-tables"},
        {"op": 7},
        {"op": "get", "service": "s"},
        {"op": "get", "service": 1, "name": "n"},
        {"op": "set", "service": "s", "name": "n"},
        {"op": "set", "service": "s", "name": "n", "value": ["x"]},
    ],
)
def test_a_malformed_request_is_an_error_answer(local: LocalKeyring, request_: Any) -> None:
    reply = answer(local, request_)
    assert set(reply) == {"error"}
    assert isinstance(error_from_wire(reply["error"], "answer"), KeyringFailed)


def test_a_backends_failure_is_answered_typed_and_without_the_secret(
    local: LocalKeyring, memory_keyring: Any
) -> None:
    memory_keyring.error = RuntimeError(f"D-Bus said no to {SECRET}")
    reply = answer(local, {"op": "set", "service": "s", "name": "n", "value": SECRET})
    assert SECRET not in json.dumps(reply)
    error = error_from_wire(reply["error"], "save a secret")
    assert isinstance(error, KeyringFailed)
    assert error.action == "save a secret"
    memory_keyring.error = LibKeyringLocked("Failed to unlock the collection!")
    locked = error_from_wire(
        answer(local, {"op": "get", "service": "s", "name": "n"})["error"], "x"
    )
    assert isinstance(locked, KeyringLocked)


def test_typed_errors_cross_the_pipe_with_their_template() -> None:
    reason = NOT_USABLE("SecretService Keyring", "no D-Bus")
    for error in (
        NoKeyringBackend(reason),
        KeyringLocked("prompt dismissed"),
        KeyringFailed("read a secret", reason),
        KeyringFailed("read a secret", "plain words"),
    ):
        back = error_from_wire(json.loads(json.dumps(error_to_wire(error))), "other")
        assert type(back) is type(error)
        assert str(back) == str(error)
        assert back.message is not None and back.message.id == error.message.id  # type: ignore[union-attr]
    back_reason = error_from_wire(error_to_wire(NoKeyringBackend(reason)), "x").reason  # type: ignore[union-attr]
    assert isinstance(back_reason, Message) and back_reason.id == "keyring.not_usable"


@pytest.mark.parametrize(
    "wire",
    [
        None,
        7,
        {},
        {"type": "locked"},
        {"type": "melted"},
        {"type": "no-backend", "reason": {"id": 1}},
    ],
)
def test_an_error_that_cannot_be_read_is_a_failure_of_the_action(wire: Any) -> None:
    error = error_from_wire(wire, "read a secret")
    assert isinstance(error, KeyringFailed)
    assert error.action == "read a secret"


def test_the_helper_answers_each_line_and_ends_with_its_input(local: LocalKeyring) -> None:
    too_long = b'{"op": "get", "service": "' + b"x" * 200_000 + b'", "name": "n"}\n'
    requests = io.BytesIO(b'{"op": "label"}\nnot json\n' + too_long + b'{"op": "label"}')
    answers = io.BytesIO()
    serve(requests, answers, local)
    lines = answers.getvalue().splitlines()
    assert json.loads(lines[0]) == {
        "value": "conftest ScriptedKeyring",
        "backend": "conftest ScriptedKeyring",
    }
    assert len(lines) == 4, "one answer a request, however long"
    assert all("error" in json.loads(line) for line in lines[1:3])
    assert (
        json.loads(lines[3])["value"] == "conftest ScriptedKeyring"
    )  # a last line without its end
