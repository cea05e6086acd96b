"""A contact the agent asks HubSpot to create: the draft as typed and its checks, the
journaled write and how it went (plain values, no I/O).

Decided here: a contact needs a first name, a last name or an e-mail address (HubSpot
takes a contact with none, but a nameless record helps nobody); the e-mail must look like
one; the phone, pre-filled with the caller's number, may be cleared but must be a valid
number when given, and is sent as E.164 so HubSpot's caller-ID matching finds it.
Sending: services.contact_create; the journal's table: storage.contact_writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Final

from hubcall_desktop.core.errors import InputError, UserError
from hubcall_desktop.core.matches import CallerMatch
from hubcall_desktop.core.phone import parse_phone

MAX_FIELD_CHARS: Final = 256
# Something@something.tld without spaces: catches typing slips; HubSpot checks the rest.
_EMAIL: Final = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")


class Problem(StrEnum):
    """What is wrong with a draft, per field (the UI words it)."""

    NAME_OR_EMAIL = "name_or_email"  # none of first name, last name, e-mail
    EMAIL = "email"  # not an e-mail address
    PHONE = "phone"  # not a phone number
    TOO_LONG = "too_long"


@dataclass(frozen=True, slots=True)
class ContactDraft:
    """The form as typed; ``phone`` in any written form (the caller's number pre-filled)."""

    first_name: str = ""
    last_name: str = ""
    email: str = ""
    company: str = ""
    phone: str = ""

    def problems(self, region: str) -> dict[str, Problem]:
        """Field name -> what is wrong; empty when the draft can be sent."""
        found: dict[str, Problem] = {}
        for name in ("first_name", "last_name", "email", "company"):
            if len(getattr(self, name).strip()) > MAX_FIELD_CHARS:
                found[name] = Problem.TOO_LONG
        email = self.email.strip()
        if email and not _EMAIL.fullmatch(email):
            found.setdefault("email", Problem.EMAIL)
        if not (self.first_name.strip() or self.last_name.strip() or email):
            found["first_name"] = Problem.NAME_OR_EMAIL
        if self.phone.strip():
            try:
                parse_phone(self.phone, region, "phone")
            except InputError:
                found["phone"] = Problem.PHONE
        return found

    def properties(self, region: str) -> dict[str, str]:
        """HubSpot's properties, blanks left out; call only when :meth:`problems` is empty."""
        phone = parse_phone(self.phone, region, "phone").e164 if self.phone.strip() else ""
        values = {
            "firstname": self.first_name.strip(),
            "lastname": self.last_name.strip(),
            "email": self.email.strip(),
            "phone": phone,
            "company": self.company.strip(),
        }
        return {name: value for name, value in values.items() if value}


class WriteState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    CREATED = "created"
    DUPLICATE = "duplicate"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class ContactWrite:
    id: int
    external_call_id: str | None
    portal: str | None
    properties: dict[str, str]
    state: WriteState
    attempts: int
    next_attempt_at: datetime
    contact_id: int | None
    last_error: dict[str, Any] | None


class Result(StrEnum):
    CREATED = "created"  # HubSpot has it; ``match`` is the new contact
    DUPLICATE = "duplicate"  # the e-mail exists; ``match`` is that contact when HubSpot named it
    QUEUED = "queued"  # journaled, not sent yet (offline, busy, reconnect needed)
    FAILED = "failed"  # HubSpot refused it for good; ``error`` says why


@dataclass(frozen=True, slots=True)
class ContactOutcome:
    result: Result
    write: ContactWrite
    match: CallerMatch | None = None
    error: UserError | None = None
