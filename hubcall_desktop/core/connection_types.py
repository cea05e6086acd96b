"""What the connection manager reports: the kind and status of a portal's connection, who
the token belongs to and the account's details (no Qt, no I/O here)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from hubcall_desktop.core.oauth import OAuthMetadata

logger = logging.getLogger(__name__)


class ConnectionKind(StrEnum):
    NONE = "none"
    PRIVATE_APP = "private-app"
    OAUTH = "oauth"
    ENVIRONMENT = "environment"


class ConnectionStatus(StrEnum):
    CONNECTED = "connected"
    RECONNECT_NEEDED = "reconnect_needed"
    NO_KEYRING = "no_keyring"
    NOT_CONNECTED = "not_connected"


@dataclass(frozen=True, slots=True)
class ConnectionSnapshot:
    portal: str
    kind: ConnectionKind = ConnectionKind.NONE
    status: ConnectionStatus = ConnectionStatus.NOT_CONNECTED
    message: str = ""  # the sentence to show when not connected
    oauth: OAuthMetadata | None = None


@dataclass(frozen=True, slots=True)
class WhoAmI:
    portal_id: int
    ui_domain: str
    user_id: int | None = None
    hub_id: int | None = None
    user: str = ""
    scopes: tuple[str, ...] = field(default_factory=tuple)
    scope_warning: str | None = None


@dataclass(frozen=True, slots=True)
class AccountDetails:
    """The account a token belongs to, as HubSpot's account-info answer describes it."""

    portal_id: int
    ui_domain: str
    time_zone: str = ""
    data_hosting_location: str = ""
    account_type: str = ""


SnapshotListener = Callable[[ConnectionSnapshot], None]
