"""OAuth facts that are neither secret nor I/O: the redirect the HubSpot app registers and
what the app knows about a portal's connection (expiry, scopes, hub and user; never a token).

The keyring holds the tokens (secrets.store); the metadata's file is secrets.oauth_config.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any, Final

from hubcall_desktop.core.messages import Template

# HubSpot names these scopes as the ones the inbound-call endpoint accepts (any one).
INBOUND_CALL_SCOPES: Final = (
    "crm.objects.contacts.write",
    "crm.objects.contacts.sensitive.write.v2",
    "crm.objects.contacts.highly_sensitive.write.v2",
    "crm.schemas.contacts.write",
)

# The redirect to register in the HubSpot app: HubSpot matches it exactly against the app's
# list, and its rule for plain-http redirects names ``localhost`` (RFC 8252 section 7.3).
# The port is a setting; this default sits beside the webhook's 47831.
DEFAULT_REDIRECT_PORT: Final = 47832
REDIRECT_PATH: Final = "/oauth-callback"
MIN_REDIRECT_PORT: Final = 1024  # below it, only root may listen on most systems
MAX_REDIRECT_PORT: Final = 65535


def redirect_uri(port: int = DEFAULT_REDIRECT_PORT) -> str:
    """The exact redirect URL for ``port``: what the HubSpot app must list."""
    return f"http://localhost:{port}{REDIRECT_PATH}"


def valid_redirect_port(port: object) -> bool:
    return (
        isinstance(port, int)
        and not isinstance(port, bool)
        and MIN_REDIRECT_PORT <= port <= MAX_REDIRECT_PORT
    )


# fmt: off
SCOPE_WARNING = Template("oauth.scope_warning", "This HubSpot connection cannot identify callers or log calls: add the scope %1 (or one of %2) to the app in HubSpot, then connect again.")
# fmt: on


def scope_warning(scopes: Iterable[str]) -> str | None:
    """The sentence to show when no granted scope lets the app look up callers, else None."""
    granted = set(scopes)
    if granted & set(INBOUND_CALL_SCOPES):
        return None
    return SCOPE_WARNING(INBOUND_CALL_SCOPES[0], ", ".join(INBOUND_CALL_SCOPES[1:]))


@dataclass(slots=True)
class OAuthMetadata:
    """What we know about a portal's OAuth connection. Never a token."""

    portal: str
    client_id: str = ""
    legacy: bool = False
    hub_id: int | None = None
    user_id: int | None = None
    user: str = ""
    hub_domain: str = ""
    scopes: list[str] = field(default_factory=list)
    expires_at: float | None = None  # wall-clock seconds since the epoch

    @classmethod
    def from_json(cls, raw: Any) -> OAuthMetadata | None:
        if not isinstance(raw, dict) or not isinstance(raw.get("portal"), str):
            return None
        known = {f.name for f in fields(cls)}
        try:
            item = cls(**{k: v for k, v in raw.items() if k in known})
        except TypeError:
            return None
        return item if _well_typed(item) else None


def _well_typed(item: OAuthMetadata) -> bool:
    ints_ok = all(
        v is None or (isinstance(v, int) and not isinstance(v, bool))
        for v in (item.hub_id, item.user_id)
    )
    return (
        ints_ok
        and isinstance(item.client_id, str)
        and isinstance(item.legacy, bool)
        and isinstance(item.user, str)
        and isinstance(item.hub_domain, str)
        and isinstance(item.scopes, list)
        and all(isinstance(s, str) for s in item.scopes)
        and (item.expires_at is None or isinstance(item.expires_at, int | float))
    )
