"""The commands pace their requests by the rate limit the settings file says."""

from __future__ import annotations

import argparse
from pathlib import Path

from hubcall_desktop.cli.context import build_context
from hubcall_desktop.core.secret import Secret
from hubcall_desktop.core.settings import Settings
from hubcall_desktop.hubspot.service import StaticToken
from hubcall_desktop.storage.settings import save_settings


async def test_the_rate_limit_setting_reaches_the_commands_pacer(tmp_path: Path) -> None:
    save_settings(Settings(rate_limit_per_10s=7), tmp_path / "settings.json")
    args = argparse.Namespace(
        data_dir=str(tmp_path), api_base="http://127.0.0.1:9", api_version=None, region="DE"
    )
    ctx = build_context(args)
    async with ctx.service(StaticToken(Secret("unused"))) as service:
        assert service.pacer.budget == 7
