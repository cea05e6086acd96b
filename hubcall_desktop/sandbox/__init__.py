"""A local stand-in for HubSpot, for demo mode and tests. Not HubSpot."""
