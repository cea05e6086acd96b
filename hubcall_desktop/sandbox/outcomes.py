"""The sandbox portal's call outcomes: the ``hs_call_disposition`` property, and its check.

HubSpot keeps a call's outcome as the GUID of one of the property's options; a value that
is not one of them is refused with a 400, as for any enumeration property. The portal has
HubSpot's six defaults and one outcome of its own, so a client that only knows the
defaults is caught. The GUIDs are written out here rather than taken from the client: the
stand-in must not share a mistake with the code it checks.
"""

from __future__ import annotations

import logging
from typing import Any, Final

from aiohttp import web

from hubcall_desktop.sandbox.responses import json_answer
from hubcall_desktop.sandbox.validation import Code, FieldError

logger = logging.getLogger(__name__)

DISPOSITION_PATH: Final = "/crm/v3/properties/calls/hs_call_disposition"
DISPOSITION_FIELD: Final = "engagementProperties.hs_call_disposition"

# (label, GUID, hidden), in HubSpot's display order. The portal's own outcome is last.
SEEDED_OUTCOMES: Final = (
    ("Busy", "9d9162e7-6cf3-4944-bf63-4dff82258764", False),
    ("Connected", "f240bbac-87c9-4f6e-bf70-924b57d47db7", False),
    ("Left live message", "a4c4c377-d246-4b32-a13b-75a56a4cd0ff", False),
    ("Left voicemail", "b2cf5968-551e-4856-9783-52b3da59a7d0", False),
    ("No answer", "73a0d17f-1163-4015-bdd5-ec830791da20", False),
    ("Wrong number", "17b47fee-58de-441e-a44c-c6300d46f273", False),
    ("Callback scheduled", "3f6b1c2d-8e4a-4f7b-9c0d-2a5e6f7b8c9d", False),
)
PORTAL_OUTCOME: Final = SEEDED_OUTCOMES[-1]
ALLOWED_GUIDS: Final = frozenset(guid for _, guid, _ in SEEDED_OUTCOMES)


def property_json() -> dict[str, Any]:
    """The property as ``GET /crm/v3/properties/calls/{name}`` answers it."""
    return {
        "name": "hs_call_disposition",
        "label": "Call outcome",
        "type": "enumeration",
        "fieldType": "select",
        "groupName": "call",
        "description": "The outcome of the call",
        "options": [
            {
                "label": label,
                "value": guid,
                "displayOrder": order,
                "hidden": hidden,
                "description": "",
            }
            for order, (label, guid, hidden) in enumerate(SEEDED_OUTCOMES)
        ],
        "displayOrder": -1,
        "calculated": False,
        "externalOptions": False,
        "hasUniqueValue": False,
        "hidden": False,
        "formField": True,
        "archived": False,
    }


async def get_disposition_property(request: web.Request) -> web.Response:
    """The property with its options (any valid token: the pipeline checked it)."""
    del request
    return json_answer(property_json())


def disposition_errors(body: object) -> list[FieldError]:
    """A refusal for an outcome that is not one of the portal's options (call only on a body
    that passed :func:`validate_inbound_call`)."""
    props = body.get("engagementProperties") if isinstance(body, dict) else None
    value = props.get("hs_call_disposition") if isinstance(props, dict) else None
    if value is None or value in ALLOWED_GUIDS:
        return []
    logger.debug("refused an hs_call_disposition that is not one of the portal's outcomes")
    return [
        FieldError(
            DISPOSITION_FIELD,
            Code.INVALID_ENUM,
            f"{DISPOSITION_FIELD}: {value!r} was not one of the allowed options of "
            "hs_call_disposition (the GUID of one of the portal's call outcomes)",
        )
    ]


def add_routes(app: web.Application) -> None:
    app.router.add_get(DISPOSITION_PATH, get_disposition_property)
