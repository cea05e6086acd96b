"""The routes the sandbox serves: HubSpot's paths, and its own admin paths beside them."""

from __future__ import annotations

from typing import Final

INBOUND_CALL_PATH: Final = "/crm/v3/extensions/calling/inbound-call"
INBOUND_CALL_PATH_2026_03: Final = "/crm/extensions/calling/2026-03/inbound-call"
INBOUND_CALL_PATHS: Final = (INBOUND_CALL_PATH, INBOUND_CALL_PATH_2026_03)
ACCOUNT_DETAILS_PATH: Final = "/account-info/v3/details"

# Admin routes for tests in another process: no bearer, and never under a HubSpot path.
ADMIN_PREFIX: Final = "/_sandbox/"
ADMIN_FAULTS_PATH: Final = "/_sandbox/faults"
ADMIN_REQUESTS_PATH: Final = "/_sandbox/requests"
ADMIN_RESET_PATH: Final = "/_sandbox/reset"
