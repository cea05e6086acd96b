"""The desktop app's API version from the command line or HUBCALL_API_VERSION: the option
wins, and a version HubSpot does not publish stops the start with the variable named
(it used to pass, for the HubSpot service to refuse half-way through the start)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import pytest

from hubcall_desktop.core.errors import InputError
from hubcall_desktop.ui.startup.options import AppOptions


def test_the_option_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUBCALL_API_VERSION", "2025-09")
    assert AppOptions.from_args(argparse.Namespace()).api_version == "2025-09"
    asked = argparse.Namespace(api_version="2026-09")
    assert AppOptions.from_args(asked).api_version == "2026-09"
    monkeypatch.delenv("HUBCALL_API_VERSION")
    assert AppOptions.from_args(argparse.Namespace()).api_version is None  # the settings'


def test_an_unknown_version_in_the_environment_is_refused_by_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HUBCALL_API_VERSION", "2026-12")
    with pytest.raises(InputError) as refused:
        AppOptions.from_args(argparse.Namespace())
    assert refused.value.user_message == (
        "HUBCALL_API_VERSION: must be one of v3, 2025-09, 2026-03, 2026-09 (got '2026-12')"
    )


def test_the_app_exits_with_the_reason_before_it_starts(tmp_path: object) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HUBCALL_")}
    env.update(HUBCALL_API_VERSION="v4", HUBCALL_DATA_DIR=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-m", "hubcall_desktop"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )
    assert done.returncode == 2, done.stderr
    assert "HUBCALL_API_VERSION: must be one of v3, 2025-09, 2026-03, 2026-09" in done.stderr
