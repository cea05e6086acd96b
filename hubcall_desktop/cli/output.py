"""Printing results: one JSON document with ``--json``, short readable lines otherwise."""

from __future__ import annotations

import json
import sys
from typing import Any

from hubcall_desktop.core.call import Call
from hubcall_desktop.core.matches import CallerMatch
from hubcall_desktop.hubspot.bodies import rfc3339_utc
from hubcall_desktop.secrets.oauth_errors import ReconnectNeeded

KEPT_FOR_SYNC = (
    "The call is kept in the outbox; 'hubcall-desktop sync' (or the running app) sends it "
    "once you are connected."
)


def emit_json(document: Any) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


def say(line: str) -> None:
    sys.stdout.write(line + "\n")


def warn(line: str) -> None:
    sys.stderr.write(line + "\n")


def reconnect_sentence(error: ReconnectNeeded) -> str:
    """The command line's words for an OAuth connection HubSpot no longer accepts."""
    return (
        f"HubSpot needs a new login for portal {error.portal!r} ({error.reason}): run "
        "'hubcall-desktop auth login' to connect again."
    )


def match_json(match: CallerMatch) -> dict[str, Any]:
    return {**match.to_json(), "displayName": match.display_name}


def describe_match(match: CallerMatch) -> str:
    kind = match.kind.title()
    email = f" <{match.email}>" if match.email else ""
    return f"{kind}: {match.display_name}{email} (id {match.coordinates.object_id})"


def call_json(call: Call) -> dict[str, Any]:
    def ts(value: Any) -> str | None:
        return rfc3339_utc(value) if value is not None else None

    return {
        "externalCallId": call.external_call_id,
        "source": call.source.value,
        "call_id": call.source_call_id,
        "direction": call.direction.value,
        "from": call.from_number.e164 if call.from_number else None,
        "to": call.to_number.e164 if call.to_number else None,
        "rawFrom": call.raw_from,
        "rawTo": call.raw_to,
        "numberWithheld": call.number_withheld,
        "ringingAt": ts(call.ringing_at),
        "answeredAt": ts(call.answered_at),
        "endedAt": ts(call.ended_at),
        "startedAt": ts(call.start_time),
        "durationSeconds": call.duration,
        "status": call.final_status.value if call.final_status else None,
        "outcome": call.outcome.to_json() if call.outcome else None,
        "notes": call.notes,
        "title": call.title,
        "userId": call.user_id,
        "recipients": call.recipient_user_ids,
        "portal": call.portal,
        "syncState": call.sync_state.value,
        "flagged": call.flagged,
        "matches": [match_json(m) for m in call.matches],
    }
