"""Learning the account a token belongs to (services/account.py), against the real sandbox."""

from __future__ import annotations

import pytest

from hubcall_desktop.core.errors import InputError, UserError
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot.service import HubSpotService, StaticToken, build_client
from hubcall_desktop.sandbox import DEMO_TOKEN, SANDBOX_PORTAL_ID, SandboxServer
from hubcall_desktop.services.account import account_for_token, learn_account


async def test_the_service_token_s_account(sandbox: SandboxServer) -> None:
    async with build_client() as client:
        service = HubSpotService(client, StaticToken(Secret(DEMO_TOKEN)), base_url=sandbox.base_url)
        who = await learn_account(service=service)
    assert who.portal_id == SANDBOX_PORTAL_ID
    assert who.ui_domain
    assert who.user_id is None  # account details name no user


async def test_a_typed_token_is_asked_with_a_client_of_its_own(sandbox: SandboxServer) -> None:
    who = await account_for_token(Secret(DEMO_TOKEN), api_base=sandbox.base_url, api_version="v3")
    assert who.portal_id == SANDBOX_PORTAL_ID


async def test_a_refused_token_raises_what_the_user_reads(sandbox: SandboxServer) -> None:
    with pytest.raises(UserError):
        await account_for_token(
            Secret("pat-na1-wrong"), api_base=sandbox.base_url, api_version="v3"
        )


async def test_nothing_to_ask_with_says_paste_a_token() -> None:
    with pytest.raises(InputError, match="paste a token first"):
        await learn_account()
