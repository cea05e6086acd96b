"""The settings file: a broken one is kept aside (never deleted) and defaults are used; a save
is atomic, readable and leaves no temporary file behind."""

from __future__ import annotations

import json
import logging
import os
import re
import time
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from hubcall_desktop.core.settings import Settings
from hubcall_desktop.storage.settings import MAX_SETTINGS_BYTES, load_settings, save_settings

BACKUP_NAME = re.compile(r"settings\.json\.broken-(\d{8}T\d{6}Z)")


def _padded(size: int) -> bytes:
    """A valid settings file of exactly ``size`` bytes (JSON allows trailing blanks)."""
    head = b'{"region": "DE"}'
    return head + b" " * (size - len(head))


def _backups(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if BACKUP_NAME.fullmatch(p.name))


def test_a_file_of_the_largest_allowed_size_is_read(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(_padded(MAX_SETTINGS_BYTES))
    loaded, warnings = load_settings(path)
    assert (loaded.region, warnings) == ("DE", [])
    assert _backups(tmp_path) == []


def test_a_larger_file_is_kept_aside_unread(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    content = _padded(MAX_SETTINGS_BYTES + 1)
    path.write_bytes(content)
    loaded, warnings = load_settings(path)
    assert loaded == Settings()
    [backup] = _backups(tmp_path)
    assert backup.read_bytes() == content and not path.exists()
    assert warnings == [
        f"Settings file was not used because it is too large; it was kept as {backup.name} "
        "and defaults are used."
    ]


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"{not json", "it could not be read (JSONDecodeError)"),
        (b'{"region": "\xff"}', "it could not be read (UnicodeDecodeError)"),
        (b"[1, 2]", "it does not hold a JSON object"),
    ],
)
def test_a_broken_file_is_kept_aside_with_the_reason(
    tmp_path: Path, content: bytes, why: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="hubcall_desktop.storage.settings"):
        loaded, warnings = load_settings(path)
    assert loaded == Settings()
    [backup] = _backups(tmp_path)
    assert backup.read_bytes() == content
    assert warnings == [
        f"Settings file was not used because {why}; it was kept as {backup.name} and defaults "
        "are used."
    ]
    assert [r.getMessage() for r in caplog.records] == [f"settings file moved aside: {backup}"]


def test_an_unreadable_path_is_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.mkdir()  # reading it fails with an OSError
    loaded, warnings = load_settings(path)
    assert loaded == Settings()
    [backup] = _backups(tmp_path)
    assert backup.is_dir() and not path.exists()
    assert "because it could not be read (IsADirectoryError)" in warnings[0]


@pytest.fixture
def far_east_clock() -> Iterator[None]:
    """Local time 14 hours ahead of UTC, so a local stamp differs from a UTC one."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Etc/GMT-14"
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


@pytest.mark.usefixtures("far_east_clock")
def test_a_backup_is_stamped_in_utc(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{oops")
    before = datetime.now(UTC).replace(microsecond=0)
    load_settings(path)
    after = datetime.now(UTC)
    [backup] = _backups(tmp_path)
    stamp = BACKUP_NAME.fullmatch(backup.name)
    assert stamp is not None
    moment = datetime.strptime(stamp.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    assert before <= moment <= after


def test_a_file_that_cannot_be_moved_aside_is_named_in_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{oops")

    def refuse(self: Path, target: object) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "replace", refuse)
    loaded, warnings = load_settings(path)
    assert loaded == Settings()
    assert warnings == [
        f"Settings file {path} was not used because it could not be read (JSONDecodeError); "
        "using defaults."
    ]
    assert path.read_text() == "{oops"  # left where it was, untouched


def test_a_save_makes_missing_folders_and_replaces_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "new" / "profile" / "settings.json"
    save_settings(Settings(region="DE"), path)
    save_settings(Settings(region="GB", popup_enabled=False), path)
    loaded, warnings = load_settings(path)
    assert (loaded.region, loaded.popup_enabled, warnings) == ("GB", False, [])
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temporary file left


def test_the_saved_file_is_readable_json_with_sorted_keys(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = Settings(own_number="+4930123456", portals=["berlin"])
    save_settings(settings, path)
    text = path.read_text(encoding="utf-8")
    assert json.loads(text) == asdict(settings)
    assert text.endswith("}\n") and text.count("\n") > len(asdict(settings))
    keys = re.findall(r'^  "(\w+)":', text, flags=re.MULTILINE)  # one key per line, 2 blanks in
    assert keys == sorted(asdict(settings))


def test_the_new_file_is_written_completely_beside_the_old_one_before_it_replaces_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{}")
    seen: list[tuple[list[str], int, str]] = []
    real_fsync = os.fsync

    def watch_fsync(fd: int) -> None:
        # At the moment of the sync: what is in the folder, how much is written, and the
        # target still holds the old content.
        seen.append(
            (sorted(p.name for p in tmp_path.iterdir()), os.fstat(fd).st_size, path.read_text())
        )
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", watch_fsync)
    save_settings(Settings(region="DE"), path)
    expected_size = len(path.read_bytes())
    [(names, size, old)] = seen
    assert size == expected_size  # flushed before the sync
    assert old == "{}"
    [temporary] = [n for n in names if n != "settings.json"]
    assert temporary.startswith(".settings.json-")  # hidden, in the same folder (same file system)


def test_a_failed_save_raises_and_removes_its_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.mkdir()
    (path / "keep").write_text("x")  # a non-empty folder cannot be replaced by a file
    with pytest.raises(IsADirectoryError):
        save_settings(Settings(), path)
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]
    assert path.is_dir()


def test_a_save_interrupted_while_writing_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.json"
    save_settings(Settings(region="DE"), path)
    old = path.read_bytes()

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save_settings(Settings(region="GB"), path)
    assert path.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_the_clock_fixture_really_moves_local_time(far_east_clock: None) -> None:
    # Guards the UTC test above: were local time UTC, it could not tell the two apart.
    assert datetime.now().astimezone().utcoffset() == timedelta(hours=14)
