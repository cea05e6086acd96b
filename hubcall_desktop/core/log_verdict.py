"""What became of a call's log: the one answer the pop-up, the manual form and the CLI's
``log`` read (services.log_call decides it; the CLI maps it to exit codes, the windows to
what they show)."""

from __future__ import annotations

from enum import StrEnum


class Verdict(StrEnum):
    SENT = "sent"  # HubSpot has it
    QUEUED = "queued"  # in the outbox, not answered yet or a transient failure: sent later
    KEPT = "kept"  # not queued: the number is withheld, or the called number is missing
    ALREADY_LOGGED = "already-logged"  # HubSpot has it from an earlier log
    ALREADY_QUEUED = "already-queued"  # an earlier log of it waits in the outbox
    SENDING_ELSEWHERE = "sending-elsewhere"  # another process took it between queue and send
    REFUSED = "refused"  # HubSpot refused the call for good (it is marked failed)
    CONNECTION_REFUSED = "connection-refused"  # HubSpot refused the token: it waits
    NO_TOKEN = "no-token"  # noqa: S105 (not a secret) - no usable token now (keyring locked, portal not connected)

    @property
    def delivered(self) -> bool:
        return self is Verdict.SENT

    @property
    def waits_in_outbox(self) -> bool:
        """Still to be sent by the outbox (the app's or ``sync``)."""
        return self in _WAITING

    @property
    def waits_for_connection(self) -> bool:
        """It waits for the agent to fix the connection, not for HubSpot's answer."""
        return self in (Verdict.CONNECTION_REFUSED, Verdict.NO_TOKEN)


_WAITING = frozenset(
    {
        Verdict.QUEUED,
        Verdict.ALREADY_QUEUED,
        Verdict.SENDING_ELSEWHERE,
        Verdict.CONNECTION_REFUSED,
        Verdict.NO_TOKEN,
    }
)
