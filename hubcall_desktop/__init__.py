"""HubCall Desktop: caller ID pop-ups and call logging to HubSpot for softphone agents."""

__version__ = "0.1.0"
APP_NAME = "hubcall-desktop"
# The one reverse-DNS id: desktop entry, theme icon, AppStream, Flatpak, macOS bundle and
# LaunchAgent, Wayland app id. Lowercase, as AppStream asks of component ids.
APP_ID = "org.hubcall.desktop"
