"""Links that open a HubSpot record in the agent's browser."""

from __future__ import annotations

from urllib.parse import quote

from hubcall_desktop.core.matches import ObjectCoordinates

DEFAULT_UI_DOMAIN = "app.hubspot.com"


def record_url(coordinates: ObjectCoordinates, ui_domain: str = DEFAULT_UI_DOMAIN) -> str:
    """``https://{uiDomain}/contacts/{portalId}/record/{objectTypeId}/{objectId}``."""
    domain = ui_domain.strip().strip("/") or DEFAULT_UI_DOMAIN
    type_id = quote(coordinates.object_type_id, safe="-")
    return (
        f"https://{domain}/contacts/{coordinates.portal_id}/record/"
        f"{type_id}/{coordinates.object_id}"
    )
