"""The journal's refusals: which call, the sentence the agent reads, and which errors are bugs."""

from __future__ import annotations

import pytest

from hubcall_desktop.core.errors import UserError
from hubcall_desktop.storage.errors import (
    AlreadyLogged,
    AlreadyQueued,
    JournalClosed,
    NotSendable,
    OutboxRefusal,
    OutboxStateError,
)


def test_already_logged_names_the_call_and_says_once_only() -> None:
    error = AlreadyLogged("call-1")
    assert isinstance(error, OutboxRefusal) and isinstance(error, UserError)
    assert error.external_call_id == "call-1"
    assert error.user_message == (
        "This call is already logged in HubSpot; a call is logged once only."
    )
    assert str(error) == error.user_message


def test_already_queued_names_the_call() -> None:
    error = AlreadyQueued("call-2")
    assert isinstance(error, OutboxRefusal)
    assert error.external_call_id == "call-2"
    assert str(error) == "This call is already waiting to be logged in HubSpot."


def test_not_sendable_carries_its_reason() -> None:
    error = NotSendable("call-3", "the caller's number was withheld")
    assert isinstance(error, OutboxRefusal)
    assert error.external_call_id == "call-3"
    assert error.reason == "the caller's number was withheld"
    assert str(error) == (
        "This call cannot be logged in HubSpot: the caller's number was withheld."
    )


def test_a_refusal_keeps_the_sentence_it_is_given() -> None:
    error = OutboxRefusal("call-4", "Not now.")
    assert (error.external_call_id, error.user_message, str(error)) == (
        "call-4",
        "Not now.",
        "Not now.",
    )


@pytest.mark.parametrize("bug", [OutboxStateError, JournalClosed])
def test_misuse_is_a_bug_not_a_sentence_for_the_agent(bug: type[RuntimeError]) -> None:
    assert issubclass(bug, RuntimeError)
    assert not issubclass(bug, UserError)
