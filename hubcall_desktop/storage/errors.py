"""Errors of the call journal and its outbox.

Refusals the agent can act on are :class:`UserError` subclasses carrying the sentence
shown to them; misuse of the outbox state machine is a bug and is a ``RuntimeError``.
"""

from __future__ import annotations

from hubcall_desktop.core.errors import UserError


class OutboxRefusal(UserError):
    """The call cannot be queued for logging; ``external_call_id`` says which call."""

    def __init__(self, external_call_id: str, user_message: str) -> None:
        super().__init__(user_message)
        self.external_call_id = external_call_id


class AlreadyLogged(OutboxRefusal):
    """HubSpot already accepted this call: it is sent for logging once only."""

    def __init__(self, external_call_id: str) -> None:
        super().__init__(
            external_call_id,
            "This call is already logged in HubSpot; a call is logged once only.",
        )


class AlreadyQueued(OutboxRefusal):
    """The call already waits in the outbox (or is being sent right now)."""

    def __init__(self, external_call_id: str) -> None:
        super().__init__(
            external_call_id,
            "This call is already waiting to be logged in HubSpot.",
        )


class NotSendable(OutboxRefusal):
    """HubSpot needs both numbers; a withheld or unreadable number cannot be logged."""

    def __init__(self, external_call_id: str, reason: str) -> None:
        super().__init__(external_call_id, f"This call cannot be logged in HubSpot: {reason}.")
        self.reason = reason


class OutboxStateError(RuntimeError):
    """An outbox entry was asked for a transition its state does not allow (a bug)."""


class JournalClosed(RuntimeError):
    """The journal was used after ``close()`` (a bug)."""
