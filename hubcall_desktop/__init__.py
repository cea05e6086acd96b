"""HubCall Desktop: caller ID pop-ups and call logging to HubSpot for softphone agents."""

__version__ = "0.1.0"
APP_NAME = "hubcall-desktop"
