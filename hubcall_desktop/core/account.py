"""What learning the HubSpot account changes in the settings: one rule, for the boot, the
settings' presenter and the settings window's own copy (services/account.py asks)."""

from __future__ import annotations

from hubcall_desktop.core.connection_types import WhoAmI
from hubcall_desktop.core.settings import Settings


def apply_account(settings: Settings, who: WhoAmI, *, keep_known: bool = False) -> bool:
    """Write the account into ``settings``; True when anything changed.

    ``keep_known``: an account already learnt stays (the start-up check only fills in
    what a first start lacks; switching portals forgets the old one first). The agent's
    HubSpot user id is prefilled from who signed in, never over one already set."""
    changed = False
    if not (keep_known and settings.portal_id is not None):
        changed = (settings.portal_id, settings.ui_domain) != (who.portal_id, who.ui_domain)
        settings.portal_id, settings.ui_domain = who.portal_id, who.ui_domain
    if who.user_id is not None and settings.user_id is None:
        settings.user_id = who.user_id
        changed = True
    return changed
