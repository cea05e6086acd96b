"""Errors of the call journal and its outbox.

Refusals the agent can act on are :class:`UserError` subclasses carrying the sentence
shown to them; misuse of the outbox state machine is a bug and is a ``RuntimeError``.
"""

from __future__ import annotations

from hubcall_desktop.core.errors import UserError
from hubcall_desktop.core.messages import Message, Template

ALREADY_LOGGED = Template(
    "outbox.already_logged", "This call is already logged in HubSpot; a call is logged once only."
)
ALREADY_QUEUED = Template(
    "outbox.already_queued", "This call is already waiting to be logged in HubSpot."
)
NOT_SENDABLE = Template("outbox.not_sendable", "This call cannot be logged in HubSpot: %1.")
NUMBER_WITHHELD = Template("outbox.number_withheld", "the number is withheld")
NUMBER_MISSING = Template("outbox.number_missing", "a phone number is missing")


class OutboxRefusal(UserError):
    """The call cannot be queued for logging; ``external_call_id`` says which call."""

    def __init__(self, external_call_id: str, user_message: str | Message) -> None:
        super().__init__(user_message)
        self.external_call_id = external_call_id


class AlreadyLogged(OutboxRefusal):
    """HubSpot already accepted this call: it is sent for logging once only."""

    def __init__(self, external_call_id: str) -> None:
        super().__init__(external_call_id, ALREADY_LOGGED())


class AlreadyQueued(OutboxRefusal):
    """The call already waits in the outbox (or is being sent right now)."""

    def __init__(self, external_call_id: str) -> None:
        super().__init__(external_call_id, ALREADY_QUEUED())


class NotSendable(OutboxRefusal):
    """HubSpot needs both numbers; a withheld or unreadable number cannot be logged."""

    def __init__(self, external_call_id: str, reason: str | Message) -> None:
        super().__init__(external_call_id, NOT_SENDABLE(reason))
        self.reason = reason


class OutboxStateError(RuntimeError):
    """An outbox entry was asked for a transition its state does not allow (a bug)."""


class JournalClosed(RuntimeError):
    """The journal was used after ``close()`` (a bug)."""
