"""Which inbound-call path an install speaks: a new one the dated default, an existing one
what it has always used, a chosen one what was chosen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hubcall_desktop.core.api_versions import (
    API_VERSIONS,
    DEFAULT_API_VERSION,
    LEGACY_API_VERSION,
    VERSIONS,
)
from hubcall_desktop.core.settings import Settings
from hubcall_desktop.storage.settings import load_settings, save_settings


def test_a_new_install_speaks_the_dated_path_that_takes_either_token(tmp_path: Path) -> None:
    loaded, warnings = load_settings(tmp_path / "settings.json")
    assert (loaded.api_version, warnings) == ("2026-09", [])
    assert VERSIONS[loaded.api_version].private_apps
    assert VERSIONS[loaded.api_version].path.startswith("/crm/extensions/calling/2026-09/")


def test_an_existing_file_without_a_version_keeps_the_legacy_path(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"region": "DE", "own_number": "+4930123456"}), "utf-8")
    loaded, warnings = load_settings(path)
    assert (loaded.api_version, loaded.region, warnings) == ("v3", "DE", [])
    assert LEGACY_API_VERSION == "v3" != DEFAULT_API_VERSION


@pytest.mark.parametrize("version", API_VERSIONS)
def test_a_chosen_version_is_kept_across_a_save(tmp_path: Path, version: str) -> None:
    path = tmp_path / "settings.json"
    save_settings(Settings(api_version=version), path)
    assert load_settings(path)[0].api_version == version


def test_an_empty_settings_object_is_an_existing_install(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{}", "utf-8")
    assert load_settings(path)[0].api_version == "v3"
