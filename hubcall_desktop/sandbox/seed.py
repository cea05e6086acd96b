"""The sandbox's demo portal: its account, contacts, companies and the callers a demo rings with.

Every number is valid for libphonenumber. Where a country reserves numbers for fiction they
come from that range (US 555-01xx, UK Ofcom drama numbers, France's 01 99 00, Australia's
ACMA ranges); Germany reserves none, so its numbers are made up in the 555 blocks. Emails
use the reserved ``example.*`` domains. Object ids are above the int32 range on purpose:
HubSpot's ``objectId`` is an int64 and a client must not squeeze it into 32 bits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hubcall_desktop.core.matches import (
    COMPANY_TYPE_ID,
    CONTACT_TYPE_ID,
    CallerMatch,
    ObjectCoordinates,
)

SANDBOX_PORTAL_ID: Final = 147_258_369
# Printed by the standalone sandbox and used by demo mode; it opens nothing but the sandbox.
DEMO_TOKEN: Final = "hubcall-sandbox-demo-token"  # noqa: S105 (public by design)
# The number the demo agent answers: the ``toNumber`` of every demo call.
DEMO_AGENT_NUMBER: Final = "+4930555012300"

ACCOUNT_TIME_ZONE: Final = "Europe/Berlin"
ACCOUNT_UI_DOMAIN: Final = "app-eu1.hubspot.com"


@dataclass(frozen=True, slots=True)
class SeedContact:
    object_id: int
    first_name: str
    last_name: str
    email: str
    phones: tuple[str, ...]  # E.164

    def to_match(self, portal_id: int) -> CallerMatch:
        return CallerMatch(
            kind="CONTACT",
            coordinates=ObjectCoordinates(self.object_id, CONTACT_TYPE_ID, portal_id),
            first_name=self.first_name,
            last_name=self.last_name,
            email=self.email,
        )


@dataclass(frozen=True, slots=True)
class SeedCompany:
    object_id: int
    name: str
    phones: tuple[str, ...]  # E.164

    def to_match(self, portal_id: int) -> CallerMatch:
        return CallerMatch(
            kind="COMPANY",
            coordinates=ObjectCoordinates(self.object_id, COMPANY_TYPE_ID, portal_id),
            name=self.name,
        )


@dataclass(frozen=True, slots=True)
class DemoCaller:
    """A caller a demo can ring with: a label for the menu and the caller text a softphone sends."""

    label: str
    number: str


# The switchboard number Nordlicht Logistik and two of its people share.
NORDLICHT_SWITCHBOARD: Final = "+494055501000"
UNKNOWN_CALLER_NUMBER: Final = "+16175550100"  # valid, and nobody in the seed has it
WITHHELD_CALLER: Final = "anonymous"

CONTACTS: Final[tuple[SeedContact, ...]] = (
    SeedContact(
        51_200_000_101,
        "Anna",
        "Schmidt",
        "anna.schmidt@example.com",
        ("+493055501234", "+4915155501234"),  # office and mobile
    ),
    SeedContact(51_200_000_102, "James", "Carter", "james.carter@example.com", ("+12125550143",)),
    SeedContact(
        51_200_000_103, "Olivia", "Bennett", "olivia.bennett@example.co.uk", ("+442079460018",)
    ),
    SeedContact(
        51_200_000_104, "Camille", "Laurent", "camille.laurent@example.fr", ("+33199001234",)
    ),
    SeedContact(51_200_000_105, "Liam", "Walker", "liam.walker@example.com.au", ("+61491570156",)),
    SeedContact(
        51_200_000_106, "Lukas", "Becker", "lukas.becker@example.de", (NORDLICHT_SWITCHBOARD,)
    ),
    SeedContact(
        51_200_000_107, "Marie", "Fischer", "marie.fischer@example.de", (NORDLICHT_SWITCHBOARD,)
    ),
)

COMPANIES: Final[tuple[SeedCompany, ...]] = (
    SeedCompany(62_300_000_201, "Nordlicht Logistik GmbH", (NORDLICHT_SWITCHBOARD,)),
    SeedCompany(62_300_000_202, "Thames & Pike Ltd", ("+442079460500",)),
)

DEMO_CALLERS: Final[tuple[DemoCaller, ...]] = (
    DemoCaller("Known contact: Anna Schmidt (Berlin)", "+493055501234"),
    DemoCaller(
        "Company switchboard: Nordlicht Logistik (company and 2 contacts)", NORDLICHT_SWITCHBOARD
    ),
    DemoCaller("Unknown caller: valid number, not in the CRM", UNKNOWN_CALLER_NUMBER),
    DemoCaller("Withheld number", WITHHELD_CALLER),
)


def account_details(now: datetime | None = None) -> dict[str, object]:
    """``GET /account-info/v3/details`` for the sandbox portal, offset as of ``now``."""
    moment = now or datetime.now(UTC)
    try:
        zone_name, offset = ACCOUNT_TIME_ZONE, _utc_offset(ACCOUNT_TIME_ZONE, moment)
    except ZoneInfoNotFoundError:
        # Windows has no system tz database and tzdata is not a dependency: stay consistent.
        zone_name, offset = "UTC", timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return {
        "portalId": SANDBOX_PORTAL_ID,
        "accountType": "STANDARD",
        "timeZone": zone_name,
        "companyCurrency": "EUR",
        "additionalCurrencies": [],
        "utcOffset": f"{sign}{hours:02d}:{mins:02d}",
        "utcOffsetMilliseconds": minutes * 60_000,
        "uiDomain": ACCOUNT_UI_DOMAIN,
        "dataHostingLocation": "eu1",
    }


def _utc_offset(zone_name: str, moment: datetime) -> timedelta:
    return moment.astimezone(ZoneInfo(zone_name)).utcoffset() or timedelta(0)


def match_caller(e164: str, portal_id: int = SANDBOX_PORTAL_ID) -> list[CallerMatch]:
    """Every seeded record with this exact E.164 number: contacts first, then companies."""
    records: list[SeedContact | SeedCompany] = [*CONTACTS, *COMPANIES]
    return [record.to_match(portal_id) for record in records if e164 in record.phones]
