"""Creating a contact: ``POST /crm/v3/objects/contacts`` and what its answers mean.

HubSpot answers 201 with the new object's ``id`` (a string of digits), or 409 ``CONFLICT``
when a unique property (the e-mail address) belongs to a contact already; the message
names that contact: "Contact already exists. Existing ID: 123".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

from hubcall_desktop.hubspot.errors import UNREADABLE, HubSpotError, HubSpotProtocolError

CONTACTS_PATH: Final = "/crm/v3/objects/contacts"
# The properties the app fills in; every one is a default contact property in HubSpot.
CONTACT_PROPERTIES: Final = ("firstname", "lastname", "email", "phone", "company")
CONTACT_DEADLINE_S: Final = 30.0
_EXISTING_ID = re.compile(r"Existing ID:\s*([0-9]{1,19})", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ContactCreation:
    """HubSpot's verdict: the new contact's id, or (``existing``) the id of the contact
    that already has the e-mail address (``None`` when HubSpot did not name it)."""

    contact_id: int | None
    existing: bool = False


def created_id(body: Any) -> int:
    """The new contact's id from a 2xx answer."""
    value = body.get("id") if isinstance(body, dict) else None
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    raise HubSpotProtocolError(UNREADABLE("no contact id in it"))


def duplicate_of(error: HubSpotError) -> ContactCreation | None:
    """A 409 ``CONFLICT`` read as "it exists already"; ``None`` for any other error."""
    if error.details.status_code != 409:
        return None
    found = _EXISTING_ID.search(error.details.message)
    return ContactCreation(int(found.group(1)) if found else None, existing=True)
