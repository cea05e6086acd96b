"""Services that tie the core, HubSpot and the journal together (outbox sending, demo)."""
