"""Start at login: the XDG autostart entry, quoted as the Desktop Entry spec says."""

from __future__ import annotations

from pathlib import Path

import pytest

from hubcall_desktop.services import autostart


def test_entry_is_written_and_removed(tmp_path: Path) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path)}
    path = autostart.set_enabled(True, ["/usr/bin/hubcall-desktop"], env, "linux")
    assert path == tmp_path / "autostart" / "hubcall-desktop.desktop"
    text = path.read_text("utf-8")
    assert "Exec=/usr/bin/hubcall-desktop\n" in text
    assert text.startswith("[Desktop Entry]\nType=Application\n")
    assert autostart.is_enabled(env)
    autostart.set_enabled(False, None, env, "linux")
    assert not path.exists() and not autostart.is_enabled(env)
    autostart.set_enabled(False, None, env, "linux")  # removing twice is fine


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["/opt/hub call/python3", "-m", "hubcall_desktop"],
            '"/opt/hub call/python3" -m hubcall_desktop',
        ),
        (['/a"b/x'], '"/a\\\\"b/x"'),
        (["/x/$HOME"], '"/x/\\\\$HOME"'),
        (["/x/100%"], "/x/100%%"),
        ([""], '""'),
    ],
)
def test_exec_arguments_are_quoted(argv: list[str], expected: str) -> None:
    assert autostart.exec_line(argv) == expected


@pytest.mark.parametrize("platform", ["win32", "darwin", "cygwin"])
def test_other_platforms_say_it_is_not_supported(tmp_path: Path, platform: str) -> None:
    assert autostart.unsupported_reason(platform) is not None
    with pytest.raises(autostart.AutostartUnsupported, match="not supported"):
        autostart.set_enabled(True, ["x"], {"XDG_CONFIG_HOME": str(tmp_path)}, platform)
    assert not (tmp_path / "autostart").exists()


def test_unwritable_folder_is_a_sentence(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(autostart.ConfigurationError, match="Could not write the autostart entry"):
        autostart.set_enabled(True, ["x"], {"XDG_CONFIG_HOME": str(blocker)}, "linux")
