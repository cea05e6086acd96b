"""The sandbox's contacts API: ``POST /crm/v3/objects/contacts``, as strict as HubSpot.

A contact created here is matched from then on by the inbound-call routes (its portal's
tokens only), so the call logged after it finds it. The e-mail address is unique in a
portal, as in HubSpot: a second contact with it is refused with 409 ``CONFLICT``, the
message naming the existing id ("Contact already exists. Existing ID: 123"). HubSpot does
not keep phone numbers unique, so neither does the sandbox.

Checked beyond HubSpot's documentation, on purpose (the sandbox proves the client): only
the properties the app sends are known, values are strings, the e-mail has one ``@`` and a
dotted domain, and the phone is an E.164 number libphonenumber calls valid.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final

import phonenumbers
from aiohttp import hdrs, web

from hubcall_desktop.core.secret import Secret
from hubcall_desktop.sandbox.responses import error_answer, json_answer, missing_scopes
from hubcall_desktop.sandbox.seed import CONTACTS, SANDBOX_PORTAL_ID, SeedContact
from hubcall_desktop.sandbox.validation import Code, FieldError, InvalidJson, parse_json

logger = logging.getLogger(__name__)

CONTACTS_PATH: Final = "/crm/v3/objects/contacts"
PROPERTIES: Final = frozenset({"firstname", "lastname", "email", "phone", "company"})
WRITE_SCOPES: Final = frozenset({"crm.objects.contacts.write", "contacts"})  # "contacts": legacy
MAX_VALUE_CHARS: Final = 65_536
FIRST_ID: Final = 51_200_100_001  # above int32, like the seed's ids
# One @, no spaces, a dotted domain: what HubSpot's INVALID_EMAIL refuses at the least.
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")
_E164 = re.compile(r"\+[1-9][0-9]{1,14}")


@dataclass(slots=True)
class CreatedContact:
    contact: SeedContact
    portal_id: int
    company: str = ""


@dataclass(slots=True)
class ContactBook:
    """Contacts created through the API, by portal; the seed's are the sandbox portal's."""

    created: list[CreatedContact] = field(default_factory=list)
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(FIRST_ID))

    def clear(self) -> None:
        self.created.clear()

    def matching(self, e164: str, portal_id: int) -> list[SeedContact]:
        return [
            c.contact for c in self.created if c.portal_id == portal_id and e164 in c.contact.phones
        ]

    def with_email(self, email: str, portal_id: int) -> int | None:
        """The id of the portal's contact with this address (case-insensitive), if any."""
        wanted = email.casefold()
        seeded = CONTACTS if portal_id == SANDBOX_PORTAL_ID else ()
        for contact in [*seeded, *(c.contact for c in self.created if c.portal_id == portal_id)]:
            if contact.email.casefold() == wanted:
                return contact.object_id
        return None

    def add(self, properties: dict[str, str], portal_id: int) -> CreatedContact:
        phone = properties.get("phone", "")
        contact = SeedContact(
            next(self._ids),
            properties.get("firstname", ""),
            properties.get("lastname", ""),
            properties.get("email", ""),
            (phone,) if phone else (),
        )
        created = CreatedContact(contact, portal_id, properties.get("company", ""))
        self.created.append(created)
        return created


def check_properties(body: Any) -> list[FieldError]:
    """Every problem with a create-contact body, each with its property's path."""
    if not isinstance(body, dict):
        return [FieldError("body", Code.INVALID_TYPE, "The body must be a JSON object")]
    errors = [
        FieldError(name, Code.UNKNOWN_FIELD, f"Unknown field {name!r}")
        for name in body
        if name not in ("properties", "associations")
    ]
    properties = body.get("properties")
    if not isinstance(properties, dict):
        return [*errors, FieldError("properties", Code.REQUIRED, "properties must be an object")]
    for name, value in properties.items():
        path = f"properties.{name}"
        if name not in PROPERTIES:
            errors.append(FieldError(path, Code.UNKNOWN_FIELD, f'Property "{name}" does not exist'))
        elif not isinstance(value, str):
            errors.append(FieldError(path, Code.INVALID_TYPE, f"{name} must be a string"))
        elif len(value) > MAX_VALUE_CHARS:
            errors.append(FieldError(path, Code.OUT_OF_RANGE, f"{name} is too long"))
        elif name == "email" and value and not _EMAIL.fullmatch(value):
            errors.append(
                FieldError(path, Code.INVALID_FORMAT, f"Email address {value} is invalid")
            )
        elif name == "phone" and value and not _valid_e164(value):
            errors.append(
                FieldError(path, Code.INVALID_FORMAT, f"{value} is not a valid E.164 number")
            )
    return errors


def _valid_e164(value: str) -> bool:
    if not _E164.fullmatch(value):
        return False
    try:
        return bool(phonenumbers.is_valid_number(phonenumbers.parse(value, None)))
    except phonenumbers.NumberParseException:
        return False


def refused_scopes(
    granted: frozenset[str] | None,
) -> web.Response | None:
    """403 for a token that was granted scopes, none of them writing contacts."""
    if granted is not None and granted.isdisjoint(WRITE_SCOPES):
        return missing_scopes(["crm.objects.contacts.write"])
    return None


def token_of(request: web.Request) -> Secret:
    return Secret(request.headers.get(hdrs.AUTHORIZATION, "").partition(" ")[2])


def create(book: ContactBook, raw: bytes, portal_id: int) -> web.Response:
    """Validate, refuse a duplicate e-mail, else create: 201 with the new id."""
    try:
        body = parse_json(raw)
    except InvalidJson as exc:
        return error_answer(400, "VALIDATION_ERROR", str(exc))
    errors = check_properties(body)
    if errors:
        shown = "; ".join(e.message for e in errors[:3])
        return error_answer(
            400, "VALIDATION_ERROR", f"Property values were not valid: {shown}", errors=errors
        )
    properties: dict[str, str] = body["properties"]
    email = properties.get("email", "")
    existing = book.with_email(email, portal_id) if email else None
    if existing is not None:
        return error_answer(409, "CONFLICT", f"Contact already exists. Existing ID: {existing}")
    created = book.add(properties, portal_id)
    now = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    object_id = str(created.contact.object_id)
    logger.debug("contact %s created in portal %d", object_id, portal_id)
    return json_answer(
        {
            "id": object_id,
            "properties": {
                **properties,
                "hs_object_id": object_id,
                "createdate": now,
                "lastmodifieddate": now,
            },
            "createdAt": now,
            "updatedAt": now,
            "archived": False,
        },
        status=201,
    )
