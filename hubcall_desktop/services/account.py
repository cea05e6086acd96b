"""Learning the HubSpot account a token belongs to, in one place: its portal id and the
domain record links are built on.

The app asks at four moments: the demo's start (the sandbox's portal), the real start's
first check, connecting or switching a portal, and the settings' "Test". Each asks
through :func:`learn_account` and writes what comes back with :func:`apply_account`, the
one rule for what an answer changes in the settings (core/account.py).
"""

from __future__ import annotations

from typing import Protocol

from hubcall_desktop.core.connection_types import AccountDetails, WhoAmI
from hubcall_desktop.core.errors import InputError
from hubcall_desktop.core.messages import Template
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot.service import HubSpotService, StaticToken, build_client
from hubcall_desktop.services.connection import ConnectionManager
from hubcall_desktop.services.runtime import APP_RETRY


class AccountSource(Protocol):
    """What can tell the account of its token: the HubSpot service, or the call desk (which
    also lets the status bar hear how the request went)."""

    async def account_details(self) -> AccountDetails: ...


# fmt: off
PASTE_TOKEN = Template("problem.paste_token", "paste a token first")
# fmt: on


async def learn_account(
    *,
    connection: ConnectionManager | None = None,
    service: AccountSource | None = None,
) -> WhoAmI:
    """The account of the app's connection (OAuth or a saved private token: who signed
    in too), else of ``service``'s token (the demo's sandbox). Raises UserError."""
    if connection is not None:
        await connection.refresh_state()  # the keyring may have changed under the app
        return await connection.who_am_i()
    if service is None:
        raise InputError("token", "", PASTE_TOKEN())
    return _who(await service.account_details())


async def account_for_token(token: Secret, *, api_base: str, api_version: str) -> WhoAmI:
    """The account of a token typed but not saved: asked with a client of its own."""
    async with build_client() as client:
        service = HubSpotService(
            client,
            StaticToken(token),
            base_url=api_base,
            api_version=api_version,
            retry_policy=APP_RETRY,
        )
        return await learn_account(service=service)


def _who(details: AccountDetails) -> WhoAmI:
    return WhoAmI(details.portal_id, details.ui_domain)
