"""Where the app keeps its files: a named data folder, the environment, or the platform's dirs."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from hubcall_desktop.storage.paths import DATA_DIR_ENV, AppPaths, resolve_paths


@pytest.fixture(autouse=True)
def _platform_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The platform's user dirs point into the test's folder, never at the real home."""
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


def test_a_named_folder_holds_everything(tmp_path: Path) -> None:
    folder = tmp_path / "agent"
    paths = resolve_paths(folder)
    assert paths == AppPaths(data_dir=folder, config_dir=folder)
    assert paths.journal == folder / "journal.sqlite3"
    assert paths.settings == folder / "settings.json"
    assert paths.log_dir == folder / "logs"
    assert paths.runtime_file == folder / "running.json"


def test_the_command_line_wins_over_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert resolve_paths(tmp_path / "from-cli").data_dir == tmp_path / "from-cli"
    assert resolve_paths(str(tmp_path / "as-text")).config_dir == tmp_path / "as-text"


def test_the_environment_names_the_folder_when_the_command_line_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    for unnamed in (None, ""):
        paths = resolve_paths(unnamed)
        assert paths == AppPaths(data_dir=tmp_path / "from-env", config_dir=tmp_path / "from-env")


def test_a_relative_or_home_folder_is_made_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_paths("rel/../here").data_dir == tmp_path / "here"
    assert resolve_paths("~/profile").data_dir == tmp_path / "home" / "profile"


@pytest.mark.parametrize("empty_env", [None, ""])
def test_without_a_named_folder_the_platform_dirs_are_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, empty_env: str | None
) -> None:
    if empty_env is not None:
        monkeypatch.setenv(DATA_DIR_ENV, empty_env)
    paths = resolve_paths()
    assert paths.data_dir == tmp_path / "xdg-data" / "hubcall-desktop"
    assert paths.config_dir == tmp_path / "xdg-config" / "hubcall-desktop"
    assert paths.settings == tmp_path / "xdg-config" / "hubcall-desktop" / "settings.json"
    assert paths.journal == tmp_path / "xdg-data" / "hubcall-desktop" / "journal.sqlite3"


def test_ensure_makes_private_folders_and_can_be_repeated(tmp_path: Path) -> None:
    paths = AppPaths(data_dir=tmp_path / "a" / "data", config_dir=tmp_path / "b" / "config")
    old_umask = os.umask(0o022)
    try:
        assert paths.ensure() is paths
        assert paths.ensure() is paths  # folders already there: no error
    finally:
        os.umask(old_umask)
    for folder in (paths.data_dir, paths.config_dir):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
