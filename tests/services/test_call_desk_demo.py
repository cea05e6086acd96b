"""The terminal demo: every step printed, the call logged in the sandbox, nothing left behind."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hubcall_desktop.services.demo import resolve_demo_dir, run_terminal_demo
from hubcall_desktop.storage.paths import DATA_DIR_ENV


def test_terminal_demo_walks_through_a_call(data_dir: Path) -> None:
    lines: list[str] = []
    assert run_terminal_demo(str(data_dir), "DE", lines.append) == 0
    text = "\n".join(lines)
    assert "Incoming call from 030 55501234" in text
    assert "HubSpot matched contact: Anna Schmidt" in text
    assert "Hung up: status Completed" in text
    assert "Logged in the sandbox" in text
    assert (data_dir / "journal.sqlite3").exists()  # a folder the user named is kept


def test_demo_dir_is_throwaway_unless_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    folder, throwaway = resolve_demo_dir(None)
    assert throwaway and folder.is_dir()
    folder.rmdir()
    named, throwaway = resolve_demo_dir(str(tmp_path / "mine"))
    assert not throwaway and named == tmp_path / "mine"
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "env"))
    assert resolve_demo_dir(None) == (tmp_path / "env", False)


def test_bad_region_is_reported_not_raised(data_dir: Path) -> None:
    lines: list[str] = []
    assert run_terminal_demo(str(data_dir), "XX", lines.append) == 1
    assert "not a known two-letter country code" in lines[-1]


def test_a_second_run_prints_what_hubspot_says_not_the_journals_memory(data_dir: Path) -> None:
    assert run_terminal_demo(str(data_dir), "DE", lambda _line: None) == 0
    # The journal remembers the caller under an older name; HubSpot's answer is what counts.
    with sqlite3.connect(data_dir / "journal.sqlite3") as db:
        db.execute("UPDATE calls SET matches = replace(matches, 'Schmidt', 'Altname')")
    lines: list[str] = []
    assert run_terminal_demo(str(data_dir), "DE", lines.append) == 0
    text = "\n".join(lines)
    assert "HubSpot matched contact: Anna Schmidt" in text
    assert "Altname" not in text
