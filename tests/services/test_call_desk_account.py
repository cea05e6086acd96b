"""The desk tells the windows its token's account and notes how the request went, as after
any request to HubSpot (the status bar's first word on HubSpot at start). Real sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest

from hubcall_desktop.core.desk_types import TokenState
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.hubspot.errors import HubSpotAuthError
from hubcall_desktop.hubspot.retrying import NO_RETRY
from hubcall_desktop.hubspot.service import HubSpotService, StaticToken
from hubcall_desktop.sandbox import SANDBOX_PORTAL_ID, SandboxServer
from hubcall_desktop.services.account import learn_account

from .desk_parts import desk_over


async def test_the_account_is_told_and_the_status_hears_it_worked(
    tmp_path: Path, sandbox: SandboxServer
) -> None:
    runtime = await desk_over(tmp_path / "journal.sqlite3", sandbox)
    try:
        assert runtime.desk.current_status().token is TokenState.UNKNOWN
        who = await learn_account(service=runtime.desk)
        assert who.portal_id == SANDBOX_PORTAL_ID
        status = runtime.desk.current_status()
        assert status.token is TokenState.OK and status.reachable is True
    finally:
        await runtime.close()


async def test_a_refused_token_is_raised_and_the_status_says_so(
    tmp_path: Path, sandbox: SandboxServer
) -> None:
    runtime = await desk_over(tmp_path / "journal.sqlite3", sandbox)
    runtime.desk.service = HubSpotService(
        runtime.client,
        StaticToken(Secret("pat-na1-00000000-0000-0000-0000-000000000000")),
        base_url=sandbox.base_url,
        retry_policy=NO_RETRY,
    )
    try:
        with pytest.raises(HubSpotAuthError):
            await runtime.desk.account_details()
        assert runtime.desk.current_status().token is TokenState.REFUSED
    finally:
        await runtime.close()
