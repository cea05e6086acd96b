"""Reading ``callerIdMatches`` tolerantly: extra fields ignored, unknown kinds kept,
a malformed entry skipped (logged) rather than failing the whole lookup."""

from __future__ import annotations

import logging
from typing import Any

from hubcall_desktop.core.matches import CallerMatch, ObjectCoordinates
from hubcall_desktop.hubspot.errors import NO_MATCHES, HubSpotProtocolError

logger = logging.getLogger(__name__)

MAX_MATCHES = 200
_KNOWN_KEYS = {"callerIdType", "objectCoordinates", "firstName", "lastName", "email", "name"}


def parse_matches(answer: Any) -> list[CallerMatch]:
    if not isinstance(answer, dict) or not isinstance(answer.get("callerIdMatches"), list):
        raise HubSpotProtocolError(NO_MATCHES())
    matches: list[CallerMatch] = []
    for item in answer["callerIdMatches"][:MAX_MATCHES]:
        match = parse_match(item)
        if match is None:
            logger.warning("skipped a caller match that does not follow the contract")
        else:
            matches.append(match)
    return matches


def parse_match(item: Any) -> CallerMatch | None:
    if not isinstance(item, dict):
        return None
    kind = item.get("callerIdType")
    coords = item.get("objectCoordinates")
    if not isinstance(kind, str) or not kind or not isinstance(coords, dict):
        return None
    object_id = coords.get("objectId")
    type_id = coords.get("objectTypeId")
    portal_id = coords.get("portalId")
    if not (isinstance(object_id, int) and isinstance(portal_id, int) and isinstance(type_id, str)):
        return None
    if isinstance(object_id, bool) or isinstance(portal_id, bool):
        return None
    return CallerMatch(
        kind=kind[:64],
        coordinates=ObjectCoordinates(
            object_id=object_id, object_type_id=type_id, portal_id=portal_id
        ),
        first_name=_opt_str(item.get("firstName")),
        last_name=_opt_str(item.get("lastName")),
        email=_opt_str(item.get("email")),
        name=_opt_str(item.get("name")),
        extra={k: v for k, v in item.items() if k not in _KNOWN_KEYS},
    )


def _opt_str(value: Any, limit: int = 512) -> str | None:
    return value[:limit] if isinstance(value, str) else None
