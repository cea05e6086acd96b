"""Secrets in the OS keyring only: HubSpot tokens, the webhook secret, OAuth credentials."""
