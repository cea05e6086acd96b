"""The inbound-call path versions HubSpot offers (kept import-light: the CLI reads it at start-up)."""

API_VERSIONS = ("v3", "2026-03")
