"""The routes the sandbox serves: HubSpot's paths, and its own admin paths beside them."""

from __future__ import annotations

from typing import Final

from hubcall_desktop.core.api_versions import VERSIONS, ApiVersion

# Every published version of the inbound-call path, each with its own security schemes.
INBOUND_CALL_VERSIONS: Final[dict[str, ApiVersion]] = {v.path: v for v in VERSIONS.values()}
INBOUND_CALL_PATHS: Final = tuple(INBOUND_CALL_VERSIONS)
INBOUND_CALL_PATH: Final = VERSIONS["v3"].path
INBOUND_CALL_PATH_2026_03: Final = VERSIONS["2026-03"].path
ACCOUNT_DETAILS_PATH: Final = "/account-info/v3/details"

# Admin routes for tests in another process: no bearer, and never under a HubSpot path.
ADMIN_PREFIX: Final = "/_sandbox/"
ADMIN_FAULTS_PATH: Final = "/_sandbox/faults"
ADMIN_REQUESTS_PATH: Final = "/_sandbox/requests"
ADMIN_RESET_PATH: Final = "/_sandbox/reset"
