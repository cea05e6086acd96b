"""The async HubSpot service: request bodies, errors, retries and pacing."""
