"""HubSpot's API base URL and the inbound-call path versions it offers, declared once.

Kept import-light: the command line reads it at start-up, before any library loads.

HubSpot publishes four descriptions of the inbound-call operation. Their request and
answer bodies are the same; what differs is the path and the security schemes listed:
``v3`` and ``2026-03`` accept OAuth access tokens only, ``2025-09`` and ``2026-09`` also
accept private-app tokens. The ``v1``-``v3`` paths end in September 2027.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

DEFAULT_API_BASE: Final = "https://api.hubapi.com"


@dataclass(frozen=True, slots=True)
class ApiVersion:
    """One published version of the inbound-call operation."""

    name: str
    path: str
    private_apps: bool  # private-app tokens are a listed security scheme


_KNOWN: Final = (
    ApiVersion("v3", "/crm/v3/extensions/calling/inbound-call", private_apps=False),
    ApiVersion("2025-09", "/crm/extensions/calling/2025-09/inbound-call", private_apps=True),
    ApiVersion("2026-03", "/crm/extensions/calling/2026-03/inbound-call", private_apps=False),
    ApiVersion("2026-09", "/crm/extensions/calling/2026-09/inbound-call", private_apps=True),
)
VERSIONS: Final[dict[str, ApiVersion]] = {version.name: version for version in _KNOWN}
API_VERSIONS: Final = tuple(VERSIONS)

# A new install speaks the newest dated path, which takes both kinds of token. An install
# whose settings predate the choice keeps the path it has always used (see settings).
DEFAULT_API_VERSION: Final = "2026-09"
LEGACY_API_VERSION: Final = "v3"
# The versions that take private-app tokens, for sentences that point there.
PRIVATE_APP_VERSIONS: Final = tuple(v.name for v in _KNOWN if v.private_apps)
