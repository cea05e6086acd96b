"""A small file replaced all at once: old or new content, never half, no temp files left."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from hubcall_desktop.core.atomic_file import replace_file


def test_text_and_bytes_are_written_and_folders_made(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "settings.json"
    replace_file(target, "grüße\n")
    assert target.read_bytes() == "grüße\n".encode()
    replace_file(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    assert sorted(p.name for p in target.parent.iterdir()) == ["settings.json"]


def test_the_mode_is_set_on_the_new_file(tmp_path: Path) -> None:
    target = tmp_path / "running.json"
    replace_file(target, "{}", mode=0o600)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_failed_replace_keeps_the_old_file_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "outcomes.json"
    target.write_text("old")

    def refuse(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="No space"):
        replace_file(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["outcomes.json"]
