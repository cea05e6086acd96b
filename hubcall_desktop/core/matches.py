"""Caller-ID matches HubSpot returns: contacts, companies, and kinds we do not know yet."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CONTACT_TYPE_ID = "0-1"
COMPANY_TYPE_ID = "0-2"


@dataclass(frozen=True, slots=True)
class ObjectCoordinates:
    object_id: int
    object_type_id: str
    portal_id: int

    def to_json(self) -> dict[str, Any]:
        return {
            "objectId": self.object_id,
            "objectTypeId": self.object_type_id,
            "portalId": self.portal_id,
        }


@dataclass(frozen=True, slots=True)
class CallerMatch:
    """One record HubSpot matched to the caller's number.

    ``kind`` is HubSpot's ``callerIdType`` as sent (``CONTACT``, ``COMPANY`` or a kind
    added later, which we keep and show generically rather than drop).
    """

    kind: str
    coordinates: ObjectCoordinates
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    name: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def is_contact(self) -> bool:
        return self.kind == "CONTACT"

    @property
    def is_company(self) -> bool:
        return self.kind == "COMPANY"

    @property
    def display_name(self) -> str:
        if self.is_contact:
            full = " ".join(p for p in (self.first_name, self.last_name) if p)
            return full or self.email or f"Contact {self.coordinates.object_id}"
        if self.name:
            return self.name
        label = "Company" if self.is_company else self.kind.title()
        return f"{label} {self.coordinates.object_id}"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "callerIdType": self.kind,
            "objectCoordinates": self.coordinates.to_json(),
        }
        for key, value in (
            ("firstName", self.first_name),
            ("lastName", self.last_name),
            ("email", self.email),
            ("name", self.name),
        ):
            if value is not None:
                data[key] = value
        return data


def sort_by_likelihood(matches: list[CallerMatch]) -> list[CallerMatch]:
    """Contacts first (a person is who rings), then companies, then other kinds; stable."""
    rank = {"CONTACT": 0, "COMPANY": 1}
    return sorted(matches, key=lambda m: rank.get(m.kind, 2))
